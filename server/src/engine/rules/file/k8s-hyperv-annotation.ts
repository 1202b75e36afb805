import { HYPERV_POD_ANNOTATION } from '../../data/compatibility';
import type { Rule } from '../rule';

export const k8sHypervAnnotation: Rule = {
  id: 'k8s-hyperv-annotation',
  severity: 'warning',
  summary: 'The removed pod annotation for Hyper-V isolation.',
  description: '`experimental.windows.kubernetes.io/isolation-type: hyperv` worked only with dockershim and the `HyperVContainer` feature gate; it was deprecated in 1.20 and removed in 1.21 (K8SL, kubernetes#58750). Kubernetes itself supports only process isolation; with containerd, a RuntimeClass whose handler is `runhcs-wcow-hypervisor` is the way (CCFG). The annotation is ignored: the pod runs process-isolated.',
  fixes: [],
  checkFile(ctx) {
    return ctx.facts.filter((f) => f.kind === 'annotation' && f.key === HYPERV_POD_ANNOTATION).map((f) => ({
      message: `\`${f.key}\` was removed in Kubernetes 1.21 and is ignored: the pod runs process-isolated. Use a RuntimeClass with handler \`runhcs-wcow-hypervisor\` (containerd).`,
      range: f.range,
    }));
  },
};
