// `kubectl describe nodes`: one block per node starting `Name:`; multi-line `Labels:` and `Taints:`
// fields; `System Info:` with Kernel Version, OS Image, Operating System, Architecture. The 2017
// Microsoft guide's node (Kernel Version `10.0 14393 (14393.1715.amd64fre…)`, manual label
// `beta.kubernetes.io/osbuild=14393.1715`) reads too (reference §4.1).
import { describeNode } from './kubectl-json';
import type { NodeRecord, Taint } from './types';
import { warning } from './types';
import { parseTaint } from './versions';

export function isDescribe(text: string): boolean {
  return /^Name:\s+\S/m.test(text) && /^System Info:/m.test(text);
}

export function nodesFromDescribe(text: string, errors: string[]): NodeRecord[] {
  const blocks = text.split(/\r?\n(?=Name:\s)/).filter((b) => /^Name:\s+\S/.test(b.replace(/^\s*\n/, '')));
  return blocks.map((b) => nodeFromBlock(b.replace(/^\s*\n/, ''), errors));
}

function nodeFromBlock(block: string, errors: string[]): NodeRecord {
  const fields = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of block.split(/\r?\n/)) {
    const top = /^([A-Z][\w -]*):(?:\s+(.*))?$/.exec(line);
    if (top) {
      current = top[2] !== undefined && top[2].trim() ? [top[2].trim()] : [];
      if (!fields.has(top[1])) fields.set(top[1], current);
      else current = [];
    } else if (current && /^\s+\S/.test(line)) {
      current.push(line.trim());
    } else if (!line.trim()) {
      // blank lines end nothing: describe never prints them inside a field
    } else {
      current = undefined;
    }
  }
  const one = (k: string) => fields.get(k)?.[0];
  const name = one('Name') ?? '(unnamed node)';
  const labels: Record<string, string> = {};
  for (const l of fields.get('Labels') ?? []) {
    if (l === '<none>') continue;
    const eq = l.indexOf('=');
    if (eq > 0) labels[l.slice(0, eq)] = l.slice(eq + 1);
    else labels[l] = '';
  }
  const taints: Taint[] = [];
  for (const t of fields.get('Taints') ?? []) {
    if (t === '<none>') continue;
    const parsed = parseTaint(t);
    if (parsed) taints.push(parsed);
    else errors.push(warning(`node ${name}: cannot read taint \`${t}\``));
  }
  const info = new Map<string, string>();
  for (const l of fields.get('System Info') ?? []) {
    const m = /^([^:]+):\s*(.*)$/.exec(l);
    if (m) info.set(m[1].trim(), m[2].trim());
  }
  if (one('Unschedulable') === 'true') errors.push(warning(`node ${name} is cordoned (SchedulingDisabled)`));
  return describeNode({
    name, labels, taints,
    kernelVersion: info.get('Kernel Version'), osImage: info.get('OS Image'),
    operatingSystem: info.get('Operating System'), architecture: info.get('Architecture'),
  }, errors);
}
