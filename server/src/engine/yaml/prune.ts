// Drops the blocks of a YAML document that can never matter to wincompat (env lists, ports,
// probes, resources, volumes, command lines, labels and selectors …) before it is parsed, and maps
// the parser's offsets back to the user's text. A manifest's containers are mostly such blocks, so
// the parse costs a third of a full one. A block that defines an anchor is kept (something else
// may alias it); the key itself stays, so the document's shape is unchanged. A one-line flow value
// (`labels: {app: web}`) is cut after the key's colon: flow collections are the slowest YAML to parse.
import { isMap, isNode, isPair, isSeq, type Document } from 'yaml';

/**
 * Keys whose values the Kubernetes analysis never reads (kubernetes.ts reads kinds, names,
 * annotations, pod specs' placement and images). `labels` and `selector` are the objects' own
 * labels and selectors over pods, not the nodeSelector / affinity that place pods on nodes.
 */
const PRUNABLE = new Set([
  'env', 'envFrom', 'ports', 'resources', 'readinessProbe', 'livenessProbe', 'startupProbe',
  'volumeMounts', 'volumeDevices', 'volumes', 'args', 'command', 'securityContext', 'lifecycle',
  'data', 'stringData', 'binaryData', 'dnsConfig', 'hostAliases', 'topologySpreadConstraints',
  'labels', 'selector',
]);
/** a key alone on its line (its value is the block below), or a key with a flow collection after it */
const KEY = /^( *)([A-Za-z]+):(?:[ \t]*(?:#.*)?\r?$|([ \t]+[[{].*)$)/;
/** an anchor definition somewhere on a line */
const ANCHOR = /(?:^|[\s[{,:-])&[^\s]/;

export interface Pruned {
  text: string;
  /** maps an offset of `text` to the offset in the original text */
  toOriginal(offset: number): number;
}

export function prune(original: string): Pruned | undefined {
  const lines = original.split('\n');
  const drop = new Uint8Array(lines.length);
  /** the length a kept line is cut to (its flow value dropped), per line; -1 = whole */
  const cut = new Int32Array(lines.length).fill(-1);
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const m = KEY.exec(lines[i]);
    if (!m || !PRUNABLE.has(m[2])) continue;
    const indent = m[1].length;
    const flow = m[3] !== undefined;
    let end = i;
    for (let k = i + 1; k < lines.length; k++) {
      const l = lines[k];
      const trimmed = l.trimStart();
      if (trimmed === '' || trimmed === '\r') continue;
      const ind = l.length - trimmed.length;
      // the block: deeper lines, and a sequence written at the key's own indentation
      if (ind > indent || (!flow && ind === indent && trimmed.startsWith('- '))) { end = k; continue; }
      break;
    }
    // a flow value is cut only where it visibly ends: on its own line, or with the deeper lines below
    if (end === i && (!flow || !/[}\]][ \t]*(?:#.*)?\r?$/.test(m[3]))) continue;
    let anchored = flow && ANCHOR.test(m[3]);
    for (let k = i + 1; k <= end && !anchored; k++) anchored = lines[k].includes('&') && ANCHOR.test(lines[k]);
    if (anchored) continue;
    if (flow) cut[i] = lines[i].length - m[3].length;
    drop.fill(1, i + 1, end + 1);
    any = true;
    i = end;
  }
  if (!any) return undefined;
  // kept lines, and for each the offset it starts at in both texts
  const keptStart: number[] = [];
  const origStart: number[] = [];
  const kept: string[] = [];
  let orig = 0, pos = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!drop[i]) {
      const line = cut[i] < 0 ? lines[i] : lines[i].slice(0, cut[i]);
      keptStart.push(pos); origStart.push(orig); kept.push(line); pos += line.length + 1;
    }
    orig += lines[i].length + 1;
  }
  return {
    text: kept.join('\n'),
    toOriginal(offset: number): number {
      let lo = 0, hi = keptStart.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (keptStart[mid] <= offset) lo = mid; else hi = mid - 1; }
      return origStart[lo] + (offset - keptStart[lo]);
    },
  };
}

/** rewrites every node range of a document parsed from pruned text into original offsets, once each */
export function remapRanges(doc: Document.Parsed, map: (offset: number) => number): void {
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || seen.has(node) || depth > 1000) return;
    seen.add(node);
    const n = node as { range?: [number, number, number] };
    if (isNode(node) && n.range) n.range = [map(n.range[0]), map(n.range[1]), map(n.range[2])];
    if (isMap(node) || isSeq(node)) {
      for (const item of (node as { items: unknown[] }).items) {
        if (isPair(item)) { walk(item.key, depth + 1); walk(item.value, depth + 1); } else walk(item, depth + 1);
      }
    }
  };
  walk(doc.contents, 0);
  doc.range = [map(doc.range[0]), map(doc.range[1]), map(doc.range[2])];
  for (const e of [...doc.errors, ...doc.warnings]) e.pos = [map(e.pos[0]), map(e.pos[1])];
}
