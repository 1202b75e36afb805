// Where the Kubernetes scheduler may put a pod: node-pool targets matched against nodeSelector,
// required node affinity and taints/tolerations (K8SW user guide, K8SL). A target given only as a
// build has the labels the kubelet sets (os, arch, windows-build) and no others: a selector key it
// does not know says nothing about it. A target from a cluster inventory has its real labels.
import { LABEL_ARCH, LABEL_OS, LABEL_WINDOWS_BUILD } from '../data/kubernetes';
import type { MatchExpression, Scheduling, SwarmConstraint, Toleration } from '../analysis/image-use';
import type { Target } from '../targets/target';

interface Taint { key: string; value?: string; effect: string }

export function nodeLabels(t: Target): Record<string, string> {
  const derived: Record<string, string> = { [LABEL_OS]: t.os, [LABEL_ARCH]: t.arch };
  if (t.os === 'windows') derived[LABEL_WINDOWS_BUILD] = `10.0.${t.build}`;
  return { ...derived, ...(t.labels ?? {}) };
}

/** true when the pod may be scheduled on the target */
export function schedulable(s: Scheduling, t: Target): boolean {
  const labels = nodeLabels(t);
  const known = (key: string) => key in labels || t.labels !== undefined;
  for (const [k, v] of Object.entries(s.selector)) {
    if (!known(k)) continue;
    if (labels[k] !== v && !(k === 'beta.kubernetes.io/os' && labels[LABEL_OS] === v)) return false;
  }
  if (s.terms.length && !s.terms.some((term) => term.every((e) => !known(e.key) || matches(e, labels)))) return false;
  const taints = ((t as Target & { taints?: Taint[] }).taints ?? []).filter((x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute');
  return taints.every((taint) => s.tolerations.some((tol) => tolerates(tol, taint)));
}

function matches(e: MatchExpression, labels: Record<string, string>): boolean {
  const v = labels[e.key];
  switch (e.operator) {
    case 'In': return v !== undefined && e.values.includes(v);
    case 'NotIn': return v === undefined || !e.values.includes(v);
    case 'Exists': return v !== undefined;
    case 'DoesNotExist': return v === undefined;
    case 'Gt': return v !== undefined && Number(v) > Number(e.values[0]);
    case 'Lt': return v !== undefined && Number(v) < Number(e.values[0]);
    default: return true;
  }
}

function tolerates(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.operator === 'Exists') return !tol.key || tol.key === taint.key;
  return tol.key === taint.key && (tol.value ?? '') === (taint.value ?? '');
}

const SWARM_ARCH: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64' };

/**
 * true when Swarm may place a service on the target: `node.platform.os`, `node.platform.arch` and
 * `node.labels.*` are compared (values case-insensitively, SWK); other keys (`node.hostname`,
 * `node.role` …) say nothing a target knows. A label only a target from an inventory can have.
 */
export function swarmPlaceable(constraints: readonly SwarmConstraint[], t: Target): boolean {
  return constraints.every((c) => {
    let actual: string | undefined;
    if (c.key === 'node.platform.os') actual = t.os;
    else if (c.key === 'node.platform.arch') actual = t.arch;
    else if (c.key.startsWith('node.labels.')) {
      if (!t.labels) return true;
      actual = t.labels[c.key.slice('node.labels.'.length)];
    } else return true;
    const want = (SWARM_ARCH[c.value.toLowerCase()] ?? c.value).toLowerCase();
    const equal = actual !== undefined && actual.toLowerCase() === want;
    return c.op === '==' ? equal : !equal;
  });
}
