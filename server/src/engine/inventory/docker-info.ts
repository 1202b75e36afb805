// `docker info --format '{{json .}}'` and `docker info` text (reference §4.7): OSType, Kernel Version
// `10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)` (a build-lab string: its revision stays `1`),
// Operating System `Windows Server 2019 Datacenter Version 1809 (OS Build 17763.5576)` (the real
// revision), Architecture, and the daemon's default isolation (`Isolation`, `Default Isolation`).
import type { NodeRecord } from './types';
import { warning } from './types';
import { familyOfProduct, normalizeArch, parseWindowsVersion } from './versions';

type Obj = Record<string, unknown>;

export function isDockerInfoJson(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && ('OSType' in v || ('KernelVersion' in v && 'OperatingSystem' in v));
}

export function isDockerInfoText(text: string): boolean {
  return /^\s*Kernel Version:/m.test(text) && /^\s*(OSType|Operating System|Server Version):/m.test(text);
}

export interface DockerInfoFacts {
  name: string;
  osType?: string;
  kernel?: string;
  operatingSystem?: string;
  osVersion?: string;
  architecture?: string;
  isolation?: string;
}

export function nodeFromDockerInfo(f: DockerInfoFacts, errors: string[]): NodeRecord {
  const osType = (f.osType ?? '').toLowerCase();
  const os = osType === 'windows' || osType === 'linux' ? osType
    : /windows/i.test(f.operatingSystem ?? '') || /^10\.0 \d{5}/.test(f.kernel ?? '') ? 'windows' : f.kernel ? 'linux' : undefined;
  const node: NodeRecord = { name: f.name, os, arch: normalizeArch(f.architecture), labels: {}, taints: [], product: f.operatingSystem };
  if (os !== 'windows') return node;
  const fromOs = parseWindowsVersion(f.operatingSystem);
  const fromKernel = parseWindowsVersion(f.kernel) ?? parseWindowsVersion(f.osVersion);
  const v = fromOs ?? fromKernel;
  if (v) {
    node.build = v.build;
    node.revision = v.revision ?? (fromKernel?.build === v.build ? fromKernel.revision : undefined);
    node.arch ??= fromKernel?.arch;
  } else {
    errors.push(warning(`docker info of ${f.name} shows no Windows build (Kernel Version ${f.kernel ?? 'missing'})`));
  }
  const iso = (f.isolation ?? '').toLowerCase();
  if (iso === 'process' || iso === 'hyperv') node.isolation = iso;
  if (familyOfProduct(f.operatingSystem) === 'client') node.family = 'client';
  return node;
}

export function nodesFromDockerInfoJson(values: Obj[], errors: string[]): NodeRecord[] {
  const s = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return values.map((v, i) => nodeFromDockerInfo({
    name: s(v.Name) ?? `docker-host-${i + 1}`,
    osType: s(v.OSType), kernel: s(v.KernelVersion), operatingSystem: s(v.OperatingSystem),
    osVersion: s(v.OSVersion), architecture: s(v.Architecture), isolation: s(v.Isolation),
  }, errors));
}

/** Text of one or more `docker info` runs (each starts again with its first key, usually `Client:`). */
export function nodesFromDockerInfoText(text: string, errors: string[]): NodeRecord[] {
  const pairs: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z][\w .-]*?):\s*(.*)$/.exec(line);
    if (m) pairs.push([m[1], m[2].trim()]);
  }
  const blocks: Array<Map<string, string>> = [];
  const firstKey = pairs[0]?.[0];
  for (const [k, v] of pairs) {
    if (!blocks.length || (k === firstKey && blocks[blocks.length - 1].size)) blocks.push(new Map());
    const b = blocks[blocks.length - 1];
    if (!b.has(k)) b.set(k, v);
  }
  const out: NodeRecord[] = [];
  blocks.forEach((b, i) => {
    if (!b.has('Kernel Version')) {
      if (/error during connect|Cannot connect to the Docker daemon/i.test([...b.values()].join('\n'))) errors.push(warning('a docker info run could not reach its daemon: no server section'));
      return;
    }
    out.push(nodeFromDockerInfo({
      name: b.get('Name') || `docker-host-${i + 1}`,
      osType: b.get('OSType'), kernel: b.get('Kernel Version'), operatingSystem: b.get('Operating System'),
      architecture: b.get('Architecture'), isolation: b.get('Default Isolation'),
    }, errors));
  });
  return out;
}
