import { imageLabel, type Rule } from '../rule';

export const k8sMissingOsSelector: Rule = {
  id: 'k8s-missing-os-selector',
  severity: 'warning',
  summary: 'A Windows image in a pod that any node, Linux or Windows of any build, may run.',
  description: 'The scheduler ignores image OS and build: without `kubernetes.io/os: windows` (and `node.kubernetes.io/windows-build`) in a nodeSelector, affinity or RuntimeClass, the pod lands on Linux nodes or on Windows nodes of another build and fails with CrashLoopBackOff (K8SW user guide, K8SL). Add a nodeSelector for the image\'s build.',
  fixes: ['nodeSelector'],
  checkImage(ctx) {
    const { use, facts } = ctx;
    if (use.orchestrator !== 'kubernetes' || use.placement.os || (facts.os !== 'windows' && facts.os !== 'multi')) return [];
    const running = ctx.judgements.filter((j) => j.status === 'process' || (j.status === 'hyperv' && j.isolation === 'hyperv')).map((j) => j.target.build);
    const builds = running.length ? running : facts.os === 'windows' ? facts.builds : [];
    const fix = use.fixes.nodeSelector?.([...new Set(builds)]);
    if (fix) fix.preferred = true;
    return [{ message: `${imageLabel(ctx)} is a Windows image but the pod has no OS selector: it can be scheduled on Linux nodes or on Windows nodes of another build.`, fixes: fix ? [fix] : [] }];
  },
};
