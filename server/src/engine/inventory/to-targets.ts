// Node pools → target specs as `.wincompat.yaml` writes them: host `10.0.<build>[.<rev>]` (Linux pools:
// host `linux`, os linux), name = pool name, labels, taints, family when the product was a client SKU,
// isolation when the inventory showed the daemon's default. Windows pools without a build are skipped.
import type { TargetSpec } from '../targets/target';
import type { Arch } from '../resolve/resolve-image';
import type { NodePool } from './types';

const ARCHES: readonly string[] = ['amd64', 'arm64', 'arm'];

export function poolsToTargets(pools: readonly NodePool[]): TargetSpec[] {
  const out: TargetSpec[] = [];
  for (const p of pools) {
    if (p.os === 'windows' && p.build === undefined) continue;
    const spec: TargetSpec = {
      name: p.name,
      host: p.os === 'linux' ? 'linux' : `10.0.${p.build}${p.revision !== undefined ? `.${p.revision}` : ''}`,
      os: p.os,
    };
    if (p.family === 'client') spec.family = 'client';
    if (p.isolation) spec.isolation = p.isolation;
    if (ARCHES.includes(p.arch)) spec.arch = p.arch as Arch;
    if (Object.keys(p.labels).length) spec.labels = { ...p.labels };
    if (p.taints.length) spec.taints = p.taints.map((t) => ({ ...t }));
    out.push(spec);
  }
  return out;
}

/** `10.0.17763.5576`, `10.0.17763`, `linux`, or `unknown build` — for messages. */
export function poolBuildLabel(p: NodePool): string {
  if (p.os === 'linux') return '-';
  if (p.build === undefined) return 'unknown build';
  return `10.0.${p.build}${p.revision !== undefined ? `.${p.revision}` : ''}`;
}
