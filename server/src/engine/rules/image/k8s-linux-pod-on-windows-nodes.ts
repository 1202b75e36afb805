import { imageLabel, type Rule } from '../rule';

export const k8sLinuxPodOnWindowsNodes: Rule = {
  id: 'k8s-linux-pod-on-windows-nodes',
  severity: 'warning',
  summary: 'A Linux pod that the scheduler may place on Windows nodes of the cluster.',
  description: 'In a cluster with Windows node pools, a Linux pod without `kubernetes.io/os: linux` (or a toleration-free taint on the Windows nodes) can land on a Windows node and fail to start (K8SW user guide: taint Windows nodes `os=windows:NoSchedule`, or select Linux nodes). Judged only when the targets come from a cluster inventory that has Linux pools.',
  fixes: [],
  checkImage(ctx) {
    const { facts, use, config } = ctx;
    if (use.orchestrator !== 'kubernetes' || facts.os !== 'linux' || !config.targets.some((t) => t.os === 'linux')) return [];
    const windows = ctx.judgements.filter((j) => j.target.os === 'windows' && !j.target.synthetic);
    if (!windows.length) return [];
    return [{ message: `${imageLabel(ctx)} is a Linux image, but the pod can be scheduled on the Windows pool${windows.length > 1 ? 's' : ''} ${windows.map((j) => j.target.name).join(', ')}: add \`kubernetes.io/os: linux\` to its nodeSelector.` }];
  },
};
