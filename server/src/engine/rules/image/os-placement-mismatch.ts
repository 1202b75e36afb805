import { imageLabel, type Rule } from '../rule';

export const osPlacementMismatch: Rule = {
  id: 'os-placement-mismatch',
  severity: 'error',
  summary: 'A Windows image placed on Linux nodes, or a Linux image placed on Windows nodes.',
  description: 'Containers share the kernel of their node: a Windows image cannot run on a Linux node and a Linux image cannot run on a Windows node ("image operating system \\"linux\\" cannot be used on this platform", LNX, moby#27668). Fix the OS selector, the compose platform or the image.',
  fixes: ['nodeSelector'],
  checkImage(ctx) {
    const { facts, use } = ctx;
    if (use.placement.os === 'linux' && (facts.os === 'windows')) {
      return [{ message: `${imageLabel(ctx)} is a Windows image, but it is placed on Linux nodes.` }];
    }
    // a cluster inventory with Linux pools: a Windows pod the scheduler may put there
    const linuxPools = use.orchestrator === 'kubernetes' ? ctx.judgements.filter((j) => j.reason === 'windows-on-linux' && !j.target.synthetic) : [];
    if (linuxPools.length && (facts.os === 'windows' || facts.os === 'multi')) {
      const fix = use.fixes.nodeSelector?.(facts.builds.slice(0, 1));
      return [{ message: `${imageLabel(ctx)} is a Windows image, but the pod can be scheduled on the Linux pool${linuxPools.length > 1 ? 's' : ''} ${linuxPools.map((j) => j.target.name).join(', ')}.`, fixes: fix ? [fix] : [] }];
    }
    if (use.placement.os === 'windows' && facts.os === 'linux' && !facts.repository) {
      return [{ message: `${imageLabel(ctx)} is a Linux image, but it is placed on Windows nodes.` }];
    }
    return [];
  },
};
