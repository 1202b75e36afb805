// What a Windows host says about itself: `Get-ComputerInfo` (list text or `| ConvertTo-Json`; one or
// several hosts) and `ver` (`Microsoft Windows [Version 10.0.20348.2340]`). Get-ComputerInfo shows no
// UBR (WindowsBuildLabEx keeps `.1` from 1809 on), so the revision is known only from `WindowsUBR`.
import type { NodeRecord } from './types';
import { warning } from './types';
import { familyOfProduct, normalizeArch, parseWindowsVersion } from './versions';

type Obj = Record<string, unknown>;
const KEYS = ['WindowsBuildLabEx', 'OsBuildNumber', 'WindowsProductName', 'OsName'];

export function isComputerInfoJson(v: unknown): boolean {
  const one = (o: unknown) => typeof o === 'object' && o !== null && !Array.isArray(o) && KEYS.filter((k) => k in o).length >= 2;
  return one(v) || (Array.isArray(v) && v.length > 0 && v.every(one));
}

export function isComputerInfoText(text: string): boolean {
  return KEYS.filter((k) => new RegExp(`^${k}\\s*:`, 'm').test(text)).length >= 2 || /^OsVersion\s*:\s*10\.0\.\d{5}/m.test(text);
}

const VER = /Microsoft Windows \[Version 10\.0\.(\d{5})(?:\.(\d+))?\]/i;
export function isVer(text: string): boolean {
  return VER.test(text);
}

export function nodesFromComputerInfoJson(v: Obj | Obj[], errors: string[]): NodeRecord[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map((o, i) => {
    const m = new Map<string, string>();
    for (const [k, val] of Object.entries(o)) if (typeof val === 'string' || typeof val === 'number') m.set(k, String(val));
    return nodeFromComputerInfo(m, i, errors);
  });
}

/** Format-List text: `Key<spaces>: value`, continuation lines indented; several hosts one after another. */
export function nodesFromComputerInfoText(text: string, errors: string[]): NodeRecord[] {
  const blocks: Array<Map<string, string>> = [];
  let firstKey: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z][\w]*)\s*:\s?(.*)$/.exec(line);
    if (!m) continue;
    firstKey ??= m[1];
    if (!blocks.length || (m[1] === firstKey && blocks[blocks.length - 1].size)) blocks.push(new Map());
    blocks[blocks.length - 1].set(m[1], m[2].trim());
  }
  return blocks.map((b, i) => nodeFromComputerInfo(b, i, errors));
}

function nodeFromComputerInfo(f: Map<string, string>, i: number, errors: string[]): NodeRecord {
  const name = f.get('CsDNSHostName') || f.get('CsName') || f.get('PSComputerName') || `windows-host-${i + 1}`;
  const product = f.get('OsName') || f.get('WindowsProductName');
  const node: NodeRecord = { name, os: 'windows', labels: {}, taints: [], product };
  node.arch = normalizeArch(f.get('CsSystemType') || f.get('OsArchitecture'));
  const v = parseWindowsVersion(f.get('OsVersion')) ?? parseWindowsVersion(f.get('OsBuildNumber')) ?? parseWindowsVersion(f.get('WindowsBuildLabEx'));
  if (v) {
    node.build = v.build;
    const ubr = f.get('WindowsUBR');
    node.revision = ubr && /^\d+$/.test(ubr) ? Number(ubr) : undefined;
  } else errors.push(warning(`Get-ComputerInfo of ${name} shows no build (OsVersion, OsBuildNumber)`));
  // Windows 11 still says `WindowsProductName : Windows 10 Pro`; OsName and the installation type do not lie
  const install = f.get('WindowsInstallationType') ?? '';
  if (/^client$/i.test(install) || (!/server/i.test(install) && familyOfProduct(product) === 'client')) node.family = 'client';
  return node;
}

/** `ver` lines; a host name may precede each (`WIN-01: Microsoft Windows [Version …]`). */
export function nodesFromVer(text: string): NodeRecord[] {
  const out: NodeRecord[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = VER.exec(line);
    if (!m) continue;
    const prefix = line.slice(0, m.index).replace(/[\s:>|-]+$/, '').trim();
    out.push({
      name: prefix && !/^[A-Z]:\\/i.test(prefix) ? prefix : `windows-host-${out.length + 1}`,
      os: 'windows', build: Number(m[1]), revision: m[2] !== undefined ? Number(m[2]) : undefined, labels: {}, taints: [],
    });
  }
  return out;
}
