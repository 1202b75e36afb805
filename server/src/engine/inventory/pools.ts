// Groups node records into node pools: same OS, build, architecture (and client/server family,
// default isolation and cloud pool label). Pool labels and taints are those every node carries.
import type { NodePool, NodeRecord, Taint } from './types';
import { warning } from './types';

/** Labels that name a node pool, most specific first (AKS, AKS new, EKS, GKE, Karpenter). */
export const POOL_LABELS = [
  'agentpool', 'kubernetes.azure.com/agentpool', 'eks.amazonaws.com/nodegroup', 'cloud.google.com/gke-nodepool',
  'karpenter.sh/nodepool',
];
/** Used for the name only when every node of the group shares it (it does not make a pool). */
const LAST_RESORT_LABELS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];
/** Labels that always differ per node (dropped even from single-node pools). */
const PER_NODE_LABELS = new Set(['kubernetes.io/hostname', 'alpha.eksctl.io/instance-id', 'node.kubernetes.io/instance-id']);
/** Zone labels: per node, kept only when every node of a multi-node pool is in the same zone. */
const ZONE_LABEL = /^(topology\.kubernetes\.io|failure-domain\.beta\.kubernetes\.io|topology\.[\w.-]+)\/zone$/;
/** Taints the node controller or the autoscaler sets for a while; not a property of the pool. */
// (GKE's own `node.kubernetes.io/os=windows:NoSchedule` on Windows pools is a real pool taint and stays.)
const TRANSIENT_TAINT = /^(node\.kubernetes\.io\/(not-ready|unreachable|unschedulable|memory-pressure|disk-pressure|pid-pressure|network-unavailable|out-of-service)|node\.cloudprovider\.kubernetes\.io\/(uninitialized|shutdown)|ToBeDeletedByClusterAutoscaler|DeletionCandidateOfClusterAutoscaler)$/;

export function poolLabelOf(labels: Record<string, string>): string | undefined {
  for (const k of POOL_LABELS) if (labels[k]) return labels[k];
  return undefined;
}

export function groupPools(nodes: readonly NodeRecord[], source: string, errors: string[]): NodePool[] {
  const groups = new Map<string, NodeRecord[]>();
  const unknownOs: string[] = [];
  for (const n of nodes) {
    if (!n.os) { unknownOs.push(n.name); continue; }
    const arch = n.arch ?? 'amd64';
    const key = [n.os, n.build ?? '', arch, n.family ?? '', n.isolation ?? '', poolLabelOf(n.labels) ?? ''].join('|');
    groups.set(key, [...(groups.get(key) ?? []), { ...n, arch }]);
  }
  if (unknownOs.length) errors.push(warning(`skipped ${unknownOs.length} node(s) whose OS is not shown: ${unknownOs.join(', ')}`));
  const pools: NodePool[] = [];
  const mixed: Array<[NodePool, number[]]> = [];
  // an instance type names a pool only when no other group has it (a master and a Windows node may share a size)
  const sizes = [...groups.values()].map(instanceType);
  const ownSize = (m: NodeRecord[]) => { const v = instanceType(m); return v && sizes.filter((x) => x === v).length === 1 ? v : undefined; };
  for (const members of groups.values()) {
    const first = members[0];
    const labels = commonLabels(members);
    const revisions = [...new Set(members.map((m) => m.revision).filter((r): r is number => r !== undefined))].sort((a, b) => a - b);
    const pool: NodePool = {
      name: '',
      os: first.os!,
      build: first.build,
      revision: revisions[0],
      arch: first.arch!,
      labels,
      taints: commonTaints(members),
      nodes: members.map((m) => m.name),
      source,
    };
    if (first.family === 'client') pool.family = 'client';
    if (first.isolation) pool.isolation = first.isolation;
    pool.name = poolLabelOf(first.labels) ?? ownSize(members) ?? (pool.build !== undefined ? `${pool.os}-${pool.build}` : pool.os);
    if (revisions.length > 1) mixed.push([pool, revisions]);
    pools.push(pool);
  }
  uniqueNames(pools);
  for (const [p, revs] of mixed) {
    errors.push(warning(`${p.name}: nodes on revisions ${revs.map((r) => `${p.build}.${r}`).join(', ')} (an update is rolling out?); the lowest, ${p.build}.${revs[0]}, is used`));
  }
  return pools;
}

function instanceType(members: NodeRecord[]): string | undefined {
  for (const k of LAST_RESORT_LABELS) {
    const v = members[0].labels[k];
    if (v && members.every((m) => m.labels[k] === v)) return v;
  }
  return undefined;
}

/** Pools of one cluster label on several builds or arches, or same-build groups: make names unique. */
function uniqueNames(pools: NodePool[]): NodePool[] {
  const step = (suffix: (p: NodePool) => string | undefined) => {
    const dup = new Set(pools.map((p) => p.name).filter((n, i, all) => all.indexOf(n) !== i));
    for (const p of pools) { const s = dup.has(p.name) ? suffix(p) : undefined; if (s) p.name = `${p.name}-${s}`; }
  };
  step((p) => (p.build !== undefined && !p.name.endsWith(String(p.build)) ? String(p.build) : undefined));
  step((p) => (p.arch !== 'amd64' ? p.arch : undefined));
  step((p) => (p.family === 'client' ? 'client' : undefined));
  step((p) => p.isolation);
  const seen = new Map<string, number>();
  for (const p of pools) {
    const n = (seen.get(p.name) ?? 0) + 1;
    seen.set(p.name, n);
    if (n > 1) p.name = `${p.name}-${n}`;
  }
  return pools;
}

function commonLabels(members: NodeRecord[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(members[0].labels)) {
    if (PER_NODE_LABELS.has(k) || (members.length === 1 && ZONE_LABEL.test(k))) continue;
    if (members.every((m) => m.labels[k] === v)) out[k] = v;
  }
  return out;
}

function commonTaints(members: NodeRecord[]): Taint[] {
  const same = (a: Taint, b: Taint) => a.key === b.key && (a.value ?? '') === (b.value ?? '') && a.effect === b.effect;
  return members[0].taints.filter((t) => !TRANSIENT_TAINT.test(t.key) && members.every((m) => m.taints.some((o) => same(o, t))));
}

/** Pools of several inputs (files) merged by name: same name and OS/build → one pool. */
export function mergePools(lists: readonly NodePool[][]): NodePool[] {
  const out: NodePool[] = [];
  for (const list of lists) {
    for (const p of list) {
      const same = out.find((o) => o.name === p.name && o.os === p.os && o.build === p.build && o.arch === p.arch);
      if (same) {
        same.nodes = [...new Set([...same.nodes, ...p.nodes])];
        if (p.revision !== undefined && (same.revision === undefined || p.revision < same.revision)) same.revision = p.revision;
        continue;
      }
      let name = p.name;
      for (let i = 2; out.some((o) => o.name === name); i++) name = `${p.name}-${i}`;
      out.push({ ...p, name });
    }
  }
  return out;
}
