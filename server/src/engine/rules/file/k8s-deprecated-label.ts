import { DEPRECATED_LABELS } from '../../data/kubernetes';
import type { Rule } from '../rule';

export const k8sDeprecatedLabel: Rule = {
  id: 'k8s-deprecated-label',
  severity: 'warning',
  summary: 'A deprecated or manual node label (`beta.kubernetes.io/os`, `beta.kubernetes.io/osbuild`, …).',
  description: 'The `beta.kubernetes.io/*` node labels are deprecated in favour of `kubernetes.io/os` and `kubernetes.io/arch`; `beta.kubernetes.io/osbuild` was a manual label of 2017 guidance, superseded by `node.kubernetes.io/windows-build` that the kubelet sets (K8SL, VC). Nodes may not carry the old labels, leaving the pod unschedulable.',
  fixes: ['relabel'],
  checkFile(ctx) {
    return ctx.facts.filter((f) => f.kind === 'node-label' && DEPRECATED_LABELS[f.key] !== undefined).map((f) => {
      const to = DEPRECATED_LABELS[f.key];
      const fix = f.fix?.(to);
      if (fix) fix.preferred = true;
      return { message: `\`${f.key}\` is deprecated: use \`${to}\`.`, range: f.range, fixes: fix ? [fix] : [] };
    });
  },
};
