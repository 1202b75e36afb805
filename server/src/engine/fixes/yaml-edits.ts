// Minimal text edits computed from the `yaml` node tree: they insert or replace just the lines a fix
// needs, at the indentation and in the quoting style of their neighbours, so comments, anchors and
// formatting elsewhere stay byte-for-byte as the user wrote them.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../text/line-index';
import type { TextEdit } from '../types';
import { isFlow, keyOf, span } from '../yaml/nodes';

export interface EditTarget { text: string; lines: LineIndex }

const edit = (t: EditTarget, start: number, end: number, newText: string): TextEdit => ({ range: t.lines.range(start, end), newText });

function columnOf(t: EditTarget, offset: number): number {
  return t.lines.position(offset).character;
}

/**
 * From the end of a line, moves past the lines that still belong to the last item: deeper-indented
 * lines (and a compact sequence at `base` under a map key). The parse may not show them (pruned
 * blocks, trailing comments), but an insertion must not split them from their key.
 */
function pastBlock(t: EditTarget, at: number, base: number, dashAtBase: boolean): number {
  let end = at;
  let pos = t.text.indexOf('\n', at);
  while (pos !== -1 && pos < t.text.length) {
    const start = pos + 1;
    const nl = t.text.indexOf('\n', start);
    const line = t.text.slice(start, nl === -1 ? t.text.length : nl).replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed !== '') {
      const ind = line.length - trimmed.length;
      if (!(ind > base || (dashAtBase && ind === base && trimmed.startsWith('- ')))) break;
      end = start + line.length;
    }
    pos = nl;
  }
  return end;
}

/** end of the line on which the last non-blank character before `offset` stands */
function endOfContentLine(t: EditTarget, offset: number): number {
  let o = offset;
  while (o > 0 && /\s/.test(t.text[o - 1])) o--;
  const line = t.lines.position(o === 0 ? 0 : o - 1).line;
  return t.lines.lineEnd(line);
}

function quote(value: string, style: 'double' | 'single' | 'plain'): string {
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'double') return JSON.stringify(value);
  return value;
}

/** the quoting style the user wrote a scalar in */
export function styleOf(t: EditTarget, node: Node | undefined): 'double' | 'single' | 'plain' {
  const s = span(node);
  const c = s ? t.text[s[0]] : undefined;
  return c === '"' ? 'double' : c === "'" ? 'single' : 'plain';
}

/** Replaces a scalar's value, keeping its quotes. */
export function replaceScalar(t: EditTarget, node: Node, value: string): TextEdit | undefined {
  const s = span(node);
  if (!s) return undefined;
  return edit(t, s[0], s[1], quote(value, styleOf(t, node) === 'plain' && needsQuotes(value) ? 'double' : styleOf(t, node)));
}

/** Replaces a pair's key text, keeping its quotes. */
export function replaceKey(t: EditTarget, pair: Pair, key: string): TextEdit | undefined {
  const k = pair.key as Node;
  return replaceScalar(t, k, key);
}

function needsQuotes(v: string): boolean {
  return v === '' || /^[\d.]+$/.test(v) || /[:#{}[\],&*!|>'"%@`]/.test(v) || /^(?:true|false|yes|no|null|on|off|~)$/i.test(v);
}

/** `key: value` as a YAML line fragment; values that YAML would read as numbers are quoted */
function entry(key: string, value: string, style: 'double' | 'single' | 'plain'): string {
  const v = style === 'plain' && needsQuotes(value) ? quote(value, 'double') : quote(value, style);
  return `${needsQuotes(key) && !key.includes('/') ? JSON.stringify(key) : key}: ${v}`;
}

/**
 * Sets `entries` in `map` (adding missing keys, replacing differing values). When `map` is absent,
 * creates `mapKey:` under `parent`. Values are written in `style` (existing quotes win).
 */
export function setEntries(t: EditTarget, parent: YAMLMap, mapKey: string, map: YAMLMap | undefined, entries: Array<[string, string]>, style: 'double' | 'single' | 'plain' = 'double'): TextEdit[] {
  if (!map) {
    const indent = childIndent(t, parent);
    const nested = indent + indentStep(t, parent);
    if (isFlow(parent)) {
      return [insertInMap(t, parent, `${mapKey}: {${entries.map(([k, v]) => entry(k, v, style)).join(', ')}}`)];
    }
    const block = `${mapKey}:` + entries.map(([k, v]) => `\n${' '.repeat(nested)}${entry(k, v, style)}`).join('');
    return [insertInMap(t, parent, block, indent)];
  }
  const edits: TextEdit[] = [];
  const missing: Array<[string, string]> = [];
  for (const [k, v] of entries) {
    const pair = map.items.find((p) => isPair(p) && keyOf(p) === k) as Pair | undefined;
    if (!pair) { missing.push([k, v]); continue; }
    const current = isScalar(pair.value) ? String(pair.value.value) : undefined;
    if (current !== v && pair.value) {
      const e = replaceScalar(t, pair.value as Node, v);
      if (e) edits.push(e);
    }
  }
  if (missing.length) {
    if (isFlow(map)) edits.push(insertInMap(t, map, missing.map(([k, v]) => entry(k, v, style)).join(', ')));
    else {
      const indent = childIndent(t, map);
      edits.push(insertInMap(t, map, missing.map(([k, v]) => entry(k, v, style)).join(`\n${' '.repeat(indent)}`), indent));
    }
  }
  return edits;
}

/** Inserts a `key: …` fragment as the map's last entry. */
export function insertInMap(t: EditTarget, map: YAMLMap, fragment: string, indent?: number): TextEdit {
  const s = span(map)!;
  if (isFlow(map)) {
    const close = t.text.lastIndexOf('}', s[1]);
    const empty = map.items.length === 0;
    let at = close;
    while (at > 0 && /\s/.test(t.text[at - 1])) at--;
    return edit(t, at, at, `${empty ? '' : ', '}${fragment}`);
  }
  const base = childIndent(t, map);
  const at = pastBlock(t, endOfContentLine(t, lastItemEnd(map) ?? s[1]), base, true);
  return edit(t, at, at, `\n${' '.repeat(indent ?? base)}${fragment}`);
}

/** Appends scalar items to a sequence, in the style of its existing items. */
export function appendToSeq(t: EditTarget, seq: YAMLSeq, values: string[]): TextEdit | undefined {
  if (values.length === 0) return undefined;
  const style = seq.items.length ? styleOf(t, seq.items[0] as Node) : 'double';
  const s = span(seq)!;
  if (isFlow(seq)) {
    const close = t.text.lastIndexOf(']', s[1]);
    let at = close;
    while (at > 0 && /\s/.test(t.text[at - 1])) at--;
    return edit(t, at, at, `${seq.items.length ? ', ' : ''}${values.map((v) => quote(v, style)).join(', ')}`);
  }
  const first = seq.items[0] as Node | undefined;
  const firstStart = span(first)?.[0] ?? s[0];
  const dash = t.text.lastIndexOf('-', firstStart);
  const dashCol = columnOf(t, dash);
  const at = pastBlock(t, endOfContentLine(t, lastItemEnd(seq) ?? s[1]), dashCol, false);
  return edit(t, at, at, values.map((v) => `\n${' '.repeat(dashCol)}- ${quote(v, style)}`).join(''));
}

/** A block sequence of scalars under a new key in `parent`. */
export function addSeq(t: EditTarget, parent: YAMLMap, key: string, values: string[]): TextEdit {
  const indent = childIndent(t, parent);
  if (isFlow(parent)) return insertInMap(t, parent, `${key}: [${values.map((v) => quote(v, 'double')).join(', ')}]`);
  const nested = indent + indentStep(t, parent);
  return insertInMap(t, parent, `${key}:${values.map((v) => `\n${' '.repeat(nested)}- ${quote(v, 'double')}`).join('')}`, indent);
}

function lastItemEnd(coll: YAMLMap | YAMLSeq): number | undefined {
  const last = coll.items[coll.items.length - 1] as unknown;
  if (!last) return undefined;
  if (isPair(last)) return span(last.value as Node)?.[1] ?? span(last.key as Node)?.[1];
  return span(last as Node)?.[1];
}

/** the column at which the map's keys stand */
function childIndent(t: EditTarget, map: YAMLMap): number {
  const first = map.items[0];
  const k = isPair(first) ? span(first.key as Node) : undefined;
  return k ? columnOf(t, k[0]) : columnOf(t, span(map)![0]);
}

/** how far this document indents a nested map: taken from the first nested block map, else 2 */
function indentStep(t: EditTarget, map: YAMLMap): number {
  for (const item of map.items) {
    if (!isPair(item) || !isMap(item.value) || isFlow(item.value as Node) || !(item.value as YAMLMap).items.length) continue;
    const inner = childIndent(t, item.value as YAMLMap) - childIndent(t, map);
    if (inner > 0) return inner;
  }
  for (const item of map.items) {
    if (!isPair(item) || !isSeq(item.value) || isFlow(item.value as Node)) continue;
    const first = (item.value as YAMLSeq).items[0] as Node | undefined;
    const st = span(first)?.[0];
    if (st === undefined) continue;
    const dash = t.text.lastIndexOf('-', st);
    const inner = columnOf(t, dash) - childIndent(t, map);
    if (inner > 0) return inner;
  }
  return 2;
}
