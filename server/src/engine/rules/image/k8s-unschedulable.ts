import { imageLabel, type Rule } from '../rule';

export const k8sUnschedulable: Rule = {
  id: 'k8s-unschedulable',
  severity: 'warning',
  summary: 'No node pool of the cluster inventory matches the pod\'s selectors and tolerations.',
  description: 'With targets imported from a cluster (`wincompat targets import`), each target is a node pool with its labels and taints. A pod whose nodeSelector, required node affinity or missing tolerations exclude every pool stays Pending. Check the selector values against the pools\' labels.',
  fixes: [],
  checkImage(ctx) {
    const { use, config } = ctx;
    if (use.orchestrator !== 'kubernetes' || ctx.judgements.length || !config.targets.some((t) => t.labels)) return [];
    return [{ message: `${imageLabel(ctx)}: no node pool of the configured cluster (${config.targets.map((t) => t.name).join(', ')}) matches the pod's nodeSelector, affinity and tolerations; it would stay Pending.` }];
  },
};
