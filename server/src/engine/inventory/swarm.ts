// Docker Swarm: `docker node inspect $(docker node ls -q)` (JSON array of nodes) and `docker node ls`
// (table). Swarm has no Windows build attribute (reference §4.5): the build comes from a node label
// (Microsoft's `OsVersion=<Get-ComputerInfo OsVersion>`, `os.version`, `windows-build`, or any value that
// looks like `10.0.NNNNN`); without one the pool's build stays unknown and a warning says so.
import { SWARM } from '../data/kubernetes';
import { findLine, readTable } from './table';
import type { NodeRecord } from './types';
import { warning } from './types';
import { familyOfProduct, looksLikeBuild, normalizeArch, parseWindowsVersion } from './versions';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (isObj(v) ? v[k] : undefined), o);

export const LS_HEADER = /^ID\s+HOSTNAME\s+STATUS\s+AVAILABILITY\b/;
export const BUILD_LABELS = [SWARM.microsoftVersionLabel, 'os.version', SWARM.composeExampleBuildLabel, 'node.kubernetes.io/windows-build', 'osversion', 'OSVersion'];

export function isSwarmInspect(v: unknown): v is Obj[] {
  return Array.isArray(v) && v.length > 0 && v.every((n) => isObj(n) && isObj(n.Description) && isObj(n.Spec) && typeof n.ID === 'string');
}

export function isSwarmLs(text: string): boolean {
  return findLine(text.split(/\r?\n/), LS_HEADER) >= 0;
}

/** `docker node ls` rows: hostname → status, availability. */
export function readSwarmLs(text: string): Array<{ hostname: string; status: string; availability: string }> {
  const lines = text.split(/\r?\n/);
  const header = findLine(lines, LS_HEADER);
  return readTable(lines, header).map((r) => ({ hostname: r.HOSTNAME ?? '', status: r.STATUS ?? '', availability: r.AVAILABILITY ?? '' }));
}

export function nodesFromSwarm(nodes: Obj[], errors: string[], buildLabel?: string, ls?: ReturnType<typeof readSwarmLs>): NodeRecord[] {
  const out: NodeRecord[] = [];
  const unlabelled: string[] = [];
  for (const n of nodes) {
    const name = String(get(n, 'Description', 'Hostname') ?? n.ID);
    const osText = String(get(n, 'Description', 'Platform', 'OS') ?? '').toLowerCase();
    const labels: Record<string, string> = {};
    const specLabels = get(n, 'Spec', 'Labels');
    if (isObj(specLabels)) for (const [k, v] of Object.entries(specLabels)) labels[k] = String(v ?? '');
    const node: NodeRecord = {
      name,
      os: osText === 'windows' ? 'windows' : osText === 'linux' ? 'linux' : undefined,
      arch: normalizeArch(String(get(n, 'Description', 'Platform', 'Architecture') ?? '')),
      labels,
      taints: [],
    };
    if (node.os === 'windows') {
      const found = buildFromLabels(labels, buildLabel) ?? buildFromLabels(engineLabels(n), buildLabel);
      if (found) {
        node.build = found.build;
        node.revision = found.revision;
        const product = labels.OsName ?? labels['os.name'];
        if (familyOfProduct(product) === 'client') node.family = 'client';
      } else unlabelled.push(name);
    }
    const state = String(get(n, 'Status', 'State') ?? '');
    const availability = String(get(n, 'Spec', 'Availability') ?? '');
    if (state && state !== 'ready') errors.push(warning(`swarm node ${name} is ${state}`));
    if (availability && availability !== 'active') errors.push(warning(`swarm node ${name} is ${availability === 'drain' ? 'drained' : availability}: it runs no new tasks`));
    out.push(node);
  }
  if (unlabelled.length) {
    const label = buildLabel ?? SWARM.microsoftVersionLabel;
    errors.push(warning(
      `Swarm shows no Windows build: ${unlabelled.length} Windows node(s) carry no build label (${unlabelled.join(', ')}); ` +
      `their pool has no build. Label them (on each node: Get-ComputerInfo OsVersion), e.g. ` +
      `docker node update --label-add ${label}=10.0.17763 ${unlabelled[0]}`,
    ));
  }
  for (const row of ls ?? []) {
    if (row.hostname && !out.some((n) => n.name === row.hostname)) errors.push(warning(`swarm node ${row.hostname} is listed by docker node ls but missing from docker node inspect`));
  }
  return out;
}

function engineLabels(n: Obj): Record<string, string> {
  const l = get(n, 'Description', 'Engine', 'Labels');
  const out: Record<string, string> = {};
  if (isObj(l)) for (const [k, v] of Object.entries(l)) out[k] = String(v ?? '');
  return out;
}

function buildFromLabels(labels: Record<string, string>, preferred?: string): { build: number; revision?: number } | undefined {
  for (const k of [...(preferred ? [preferred] : []), ...BUILD_LABELS]) {
    const v = labels[k];
    const parsed = v !== undefined ? parseWindowsVersion(v) : undefined;
    if (parsed) return parsed;
  }
  for (const v of Object.values(labels)) if (looksLikeBuild(v)) return parseWindowsVersion(v);
  return undefined;
}
