// Target hosts: what a user writes (`ltsc2022`, `10.0.17763`, `win11-24h2`, `17763`) → a build, a
// host family and an isolation mode. The release table is the only place that knows aliases.
import { findRelease, releasesForBuild } from '../data/releases';
import type { HostFamily, WindowsRelease } from '../data/schema';
import type { Arch } from '../resolve/resolve-image';

export type Isolation = 'process' | 'hyperv';

export interface Target {
  /** shown in messages and reports */
  name: string;
  os: 'windows' | 'linux';
  build: number;
  revision?: number;
  family: HostFamily;
  isolation: Isolation;
  arch: Arch;
  release?: WindowsRelease;
  /** node labels, when the target stands for a node pool (cluster inventory) */
  labels?: Record<string, string>;
  /** node taints of that pool (cluster inventory) */
  taints?: Array<{ key: string; value?: string; effect: string }>;
  /** true when the target was made up from a selector in the file, not configured */
  synthetic?: boolean;
}

export interface TargetSpec {
  host: string;
  isolation?: Isolation;
  name?: string;
  family?: HostFamily;
  arch?: Arch;
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  /** `linux` for a Linux node pool (build 0; host e.g. `linux`); default windows */
  os?: 'windows' | 'linux';
}

/** The target a newcomer gets: Windows Server 2022, process isolation (README). */
export const DEFAULT_TARGETS: readonly TargetSpec[] = [{ host: 'ltsc2022', isolation: 'process' }];

const BUILD_FORM = /^(?:10\.0\.)?(\d{5})(?:\.(\d+))?$/;

export class TargetError extends Error {}

export function parseTarget(spec: TargetSpec | string): Target {
  const s: TargetSpec = typeof spec === 'string' ? parseSpecString(spec) : spec;
  const host = String(s.host ?? '').trim();
  if (!host) throw new TargetError('a target needs a host: a build such as 10.0.20348 or an alias such as ltsc2022');
  if (s.os !== undefined && s.os !== 'windows' && s.os !== 'linux') throw new TargetError(`os must be windows or linux, not \`${String(s.os)}\``);
  if (s.os === 'linux') {
    return { name: s.name ?? 'Linux', os: 'linux', build: 0, family: 'server', isolation: 'process', arch: s.arch ?? 'amd64', labels: s.labels, ...(s.taints ? { taints: s.taints } : {}) };
  }
  let release = findRelease(host);
  let build: number;
  let revision: number | undefined;
  if (release) {
    build = release.build;
  } else {
    const m = BUILD_FORM.exec(host);
    if (!m) throw new TargetError(`unknown host \`${host}\`: use a build such as 10.0.20348 or a release alias such as ltsc2022, ws2025, win11-24h2`);
    build = Number(m[1]);
    revision = m[2] !== undefined ? Number(m[2]) : undefined;
    const candidates = releasesForBuild(build).filter((r) => !s.family || r.family === s.family);
    // a bare build shared by server and client (17763, 26100) means the server: hosts are servers.
    release = candidates.find((r) => r.family === 'server' && r.channel === 'LTSC') ?? candidates.find((r) => r.family === 'server') ?? candidates[0];
  }
  const family = s.family ?? release?.family ?? 'server';
  const isolation = s.isolation ?? release?.defaultIsolation ?? (family === 'client' ? 'hyperv' : 'process');
  if (isolation !== 'process' && isolation !== 'hyperv') throw new TargetError(`isolation must be process or hyperv, not \`${String(isolation)}\``);
  const name = s.name ?? (release ? `${release.name}${revision !== undefined ? ` (10.0.${build}.${revision})` : ''}` : `Windows 10.0.${build}${revision !== undefined ? `.${revision}` : ''}`);
  return { name, os: 'windows', build, revision, family, isolation, arch: s.arch ?? 'amd64', release, labels: s.labels, ...(s.taints ? { taints: s.taints } : {}) };
}

/** `ltsc2019`, `ltsc2019:hyperv`, `10.0.17763.1040@hyperv` (CLI `--host`) */
function parseSpecString(text: string): TargetSpec {
  const m = /^(.*?)(?:[:@](process|hyperv))?$/i.exec(text.trim())!;
  return { host: m[1], isolation: m[2]?.toLowerCase() as Isolation | undefined };
}

export function targetBuildLabel(t: Target): string {
  if (t.os === 'linux') return 'linux';
  return t.revision !== undefined ? `10.0.${t.build}.${t.revision}` : `10.0.${t.build}`;
}
