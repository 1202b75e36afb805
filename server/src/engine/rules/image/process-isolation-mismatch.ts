import { failing, imageLabel, joinTexts, placementFixes, type Rule } from '../rule';

export const processIsolationMismatch: Rule = {
  id: 'process-isolation-mismatch',
  severity: 'error',
  summary: 'Process isolation on a host of another Windows build: the container fails to start (0xc0370101).',
  description: 'Process-isolated containers share the host kernel, so the image build must match the host build, except Windows Server 2022 images on Windows Server 2025, Windows Server 23H2 and Windows 11, and Windows Server 2025 images on Windows 11 24H2+ (VC, PORT). Retag the image to the host\'s release, run it with Hyper-V isolation (older image on newer host), or pin it to hosts of its build.',
  fixes: ['retag', 'hypervIsolation', 'nodeSelector', 'swarmConstraint'],
  checkImage(ctx) {
    if (ctx.use.pullOnly) return [];
    const js = failing(ctx, ['process-build-mismatch', 'host-only-image']);
    if (!js.length || ctx.facts.os === 'multi') return [];
    const retags = [...new Set(js.map((j) => j.target.build))].map((b) => ctx.retag(b)).filter((f) => f !== undefined);
    if (retags[0]) retags[0].preferred = true;
    const hypervWorks = js.every((j) => j.status === 'hyperv');
    return [{ message: `${imageLabel(ctx)}: ${joinTexts(js)}.`, fixes: [...retags, ...placementFixes(ctx, ctx.facts.builds, hypervWorks)] }];
  },
};
