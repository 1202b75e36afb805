import { failing, imageLabel, joinTexts, type Rule } from '../rule';

export const k8sBuildSelectorMismatch: Rule = {
  id: 'k8s-build-selector-mismatch',
  severity: 'error',
  summary: 'The pod\'s Windows build selector contradicts the image\'s build.',
  description: 'The pod is pinned (nodeSelector, affinity or RuntimeClass `node.kubernetes.io/windows-build`, or a Swarm label constraint) to nodes whose build cannot run the image. Correct the selector to the image\'s build, or retag the image to the selected build (K8SL, K8SW).',
  fixes: ['nodeSelector', 'retag', 'swarmConstraint'],
  checkImage(ctx) {
    const js = failing(ctx, ['newer-than-host', 'process-build-mismatch', 'host-only-image', 'no-matching-entry'], true);
    if (!js.length) return [];
    const { facts, use } = ctx;
    const fixes = [];
    if (facts.os === 'windows' && facts.builds.length === 1) {
      const f = use.fixes.nodeSelector?.(facts.builds) ?? use.fixes.swarmConstraint?.(facts.builds[0]);
      if (f) { f.preferred = true; fixes.push(f); }
    }
    for (const b of new Set(js.map((j) => j.target.build))) { const f = ctx.retag(b); if (f) fixes.push(f); }
    return [{ message: `${imageLabel(ctx)}: ${use.placement.buildSource ?? 'the build selector'} allows only ${js.map((j) => `10.0.${j.target.build}`).join(', ')}; ${joinTexts(js)}.`, fixes }];
  },
};
