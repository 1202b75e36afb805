// A fast path for the YAML that manifests and compose files are made of: block maps and
// sequences, one-line scalars (plain, single- and double-quoted), one-line flow collections,
// comments. It builds the `yaml` package's own node classes (YAMLMap, YAMLSeq, Pair, Scalar, with
// the same ranges and values as its parser gives), six to eight times faster than the general
// parser, which cost most of a workspace scan. Anything else (anchors, aliases, tags, block
// scalars, multi-line scalars or flow collections, merge keys, directives, tabs, any error) is
// left to the general parser: `fastParse` then returns undefined. A property test holds the two
// to the same tree on every document the fast path accepts.
import { Document, Pair, Scalar, Schema, YAMLMap, YAMLSeq, type Node } from 'yaml';

const SPACE = 32, HASH = 35, DASH = 45, COLON = 58, COMMA = 44, DQ = 34, SQ = 39, CR = 13;
const OPEN_SQ = 91, CLOSE_SQ = 93, OPEN_CURLY = 123, CLOSE_CURLY = 125;

/** the core schema's scalar tags that resolve plain scalars by pattern (null, bool, int, float) */
interface PlainTag { test?: RegExp; default?: boolean | 'key'; format?: string; resolve(value: string, onError: (m: string) => void, options: object): unknown }
const PLAIN_TAGS = (new Schema({}).tags as unknown as PlainTag[]).filter((t) => t.default === true && t.test);
const RESOLVE_OPTIONS = { intAsBigInt: false };
/** the first characters of the core schema's null, bool, int and float forms (`~`, `null`, `True`, `0x1F`, `-.5`, `.inf`) */
const MAYBE_TYPED = new Set([...'0123456789+-.~nNtTfF'].map((c) => c.charCodeAt(0)));
const DOCUMENT_OPTIONS = { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, strict: false, merge: true } as const;
/** characters that may not start a plain scalar here (indicators the fast path leaves to the parser) */
const NOT_PLAIN_START = new Set([...'&*!|>%@`?,[]{}#\'"-'].map((c) => c.charCodeAt(0)));

class Unsupported extends Error {}
const unsupported = (): never => { throw new Unsupported(); };

interface Line { start: number; indent: number; /** first content character */ at: number; /** end of content (before \r\n) */ end: number }

/** the document as the `yaml` parser would build it, or undefined when it is not plain block YAML */
export function fastParse(text: string): Document.Parsed | undefined {
  // tabs, a BOM and line breaks other than \n and \r\n are left to the parser
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  try {
    const lines = contentLines(text);
    if (!lines.length) return undefined;
    const p = new FastParser(text, lines);
    const root = p.block(0, lines[0].at);
    if (p.index !== lines.length) unsupported();
    const doc = new Document(null, DOCUMENT_OPTIONS) as unknown as Document.Parsed;
    doc.contents = root as never;
    doc.range = [lines[0].at, text.length, text.length];
    return doc;
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** the lines that hold content (no blank or comment-only lines); a leading `---` line is passed over */
function contentLines(text: string): Line[] {
  const out: Line[] = [];
  for (let start = 0; start < text.length;) {
    let next = text.indexOf('\n', start);
    if (next === -1) next = text.length;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    const c = text.charCodeAt(at);
    if (at < end && c !== HASH) {
      if (at === start && (text.startsWith('---', at) || text.startsWith('...', at) || c === 37 /* % */)) {
        // a document start marker on the first line, alone: the chunk's own `---`
        if (out.length || !text.startsWith('---', at) || !onlyComment(text, at + 3, end)) unsupported();
      } else {
        out.push({ start, indent: at - start, at, end });
      }
    }
    start = next + 1;
  }
  return out;
}

function onlyComment(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i === end || (text.charCodeAt(i) === HASH && i > from);
}

class FastParser {
  index = 0;
  constructor(private readonly text: string, private readonly lines: Line[]) {}

  /** a block node whose first token is at `pos` on the current line (its column is the node's) */
  block(depth: number, pos: number): Node {
    if (depth > 200) unsupported();
    const t = this.text;
    const line = this.lines[this.index];
    const c = t.charCodeAt(pos);
    if (c === DASH && this.separated(pos + 1, line.end)) return this.seq(depth, pos);
    // a flow collection starts the line: a value (a flow key, `{a: 1}: x`, is left to the parser)
    if (c !== OPEN_SQ && c !== OPEN_CURLY && this.keyEnd(pos, line.end) !== undefined) return this.map(depth, pos);
    // a scalar or flow collection alone on its line (`key:` above it)
    const node = this.inline(pos, line.end);
    this.index++;
    this.noDeeper(pos - line.start);
    return node;
  }

  private map(depth: number, first: number): YAMLMap {
    const map = new YAMLMap();
    const col = first - this.lines[this.index].start;
    let pos = first;
    for (;;) {
      const line = this.lines[this.index];
      const colon = this.keyEnd(pos, line.end);
      if (colon === undefined) unsupported();
      const key = this.key(pos, colon!);
      const after = this.skipSpaces(colon! + 1, line.end);
      let value: Node;
      if (this.valueBelow(after, line.end)) {
        // the value is on the lines below: deeper, or a sequence at the key's own column
        this.index++;
        const next = this.lines[this.index];
        const nextCol = next ? next.indent : -1;
        if (next && nextCol > col) value = this.block(depth + 1, next.at);
        else if (next && nextCol === col && this.isEntry(next)) value = this.seq(depth + 1, next.at);
        else value = nullAt(after);
      } else {
        value = this.inline(after, line.end);
        this.index++;
        this.noDeeper(col);
      }
      map.items.push(new Pair(key, value));
      const next = this.lines[this.index];
      if (!next || next.indent < col) break;
      // a stray deeper line, or a `- ` entry among the keys: not this fast path's YAML
      if (next.indent > col || this.isEntry(next)) unsupported();
      pos = next.at;
    }
    const end = this.endOfPrevious();
    map.range = [first, end, end];
    return map;
  }

  private seq(depth: number, first: number): YAMLSeq {
    const seq = new YAMLSeq();
    const col = first - this.lines[this.index].start;
    let pos = first;
    for (;;) {
      const line = this.lines[this.index];
      const after = this.skipSpaces(pos + 1, line.end);
      if (this.valueBelow(after, line.end)) {
        this.index++;
        const next = this.lines[this.index];
        seq.items.push(next && next.indent > col ? this.block(depth + 1, next.at) : nullAt(after));
      } else {
        seq.items.push(this.block(depth + 1, after));
      }
      const next = this.lines[this.index];
      if (!next || next.indent < col) break;
      if (next.indent > col) unsupported();
      if (!this.isEntry(next)) break;
      pos = next.at;
    }
    const end = this.endOfPrevious();
    seq.range = [first, end, end];
    return seq;
  }

  /** after an inline value, a deeper line would continue a multi-line scalar: left to the parser */
  private noDeeper(col: number): void {
    const next = this.lines[this.index];
    if (next && next.indent > col) unsupported();
  }

  /** the end of the last line consumed, past its line break (where the parser ends a block node) */
  private endOfPrevious(): number {
    const last = this.lines[this.index - 1];
    const nl = this.text.indexOf('\n', last.end);
    return nl === -1 ? this.text.length : nl + 1;
  }

  /** the offset of the colon that ends a block key starting at `pos`, if the line is a `key:` entry */
  private keyEnd(pos: number, end: number): number | undefined {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === DQ || c === SQ) {
      const close = quotedEnd(t, pos, end);
      if (close === undefined) return undefined;
      let i = close;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      return t.charCodeAt(i) === COLON && this.separated(i + 1, end) ? i : undefined;
    }
    for (let i = pos; i < end; i++) {
      const ch = t.charCodeAt(i);
      if (ch === COLON && this.separated(i + 1, end)) return i;
      if (ch === HASH && t.charCodeAt(i - 1) === SPACE) return undefined;
    }
    return undefined;
  }

  private key(pos: number, colon: number): Scalar {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === DQ || c === SQ) {
      const close = quotedEnd(t, pos, colon)!;
      return quoted(t, pos, close, close);
    }
    let end = colon;
    while (end > pos && t.charCodeAt(end - 1) === SPACE) end--;
    const source = t.slice(pos, end);
    if (!source || !plainStart(t, pos, colon) || source === '<<' || source.includes(': ') || source.includes(' #')) unsupported();
    return plain(source, pos, end, end);
  }

  /** a value that ends on its line: quoted, plain or a flow collection, then at most a comment */
  private inline(pos: number, end: number): Node {
    const t = this.text;
    const c = t.charCodeAt(pos);
    let node: Node;
    let valueEnd: number;
    if (c === OPEN_SQ || c === OPEN_CURLY) {
      const r = new FlowParser(t, end).collection(pos, 0);
      node = r.node; valueEnd = r.end;
    } else if (c === DQ || c === SQ) {
      valueEnd = quotedEnd(t, pos, end) ?? unsupported();
      node = quoted(t, pos, valueEnd, nodeEnd(t, end));
    } else {
      if (!plainStart(t, pos, end)) unsupported();
      let e = pos;
      for (; e < end; e++) {
        const ch = t.charCodeAt(e);
        if (ch === HASH && t.charCodeAt(e - 1) === SPACE) break;
        if (ch === COLON && this.separated(e + 1, end)) unsupported();
      }
      while (e > pos && t.charCodeAt(e - 1) === SPACE) e--;
      return plain(t.slice(pos, e), pos, e, nodeEnd(t, end));
    }
    let i = valueEnd;
    while (i < end && t.charCodeAt(i) === SPACE) i++;
    if (i < end && !(t.charCodeAt(i) === HASH && i > valueEnd)) unsupported();
    return node;
  }

  /** nothing but a comment follows an indicator (`key:`, `- `): the value is on the lines below */
  private valueBelow(after: number, end: number): boolean {
    return after === end || this.text.charCodeAt(after) === HASH;
  }

  /** the line starts with a sequence entry (`- `) */
  private isEntry(line: Line): boolean {
    return this.text.charCodeAt(line.at) === DASH && this.separated(line.at + 1, line.end);
  }

  private skipSpaces(i: number, end: number): number {
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  private separated(i: number, end: number): boolean {
    return i >= end || this.text.charCodeAt(i) === SPACE;
  }
}

/** one-line flow collections: `{app: web, tier: "back end"}`, `[a, [b, c]]` */
class FlowParser {
  constructor(private readonly t: string, private readonly end: number) {}

  collection(pos: number, depth: number): { node: YAMLMap | YAMLSeq; end: number } {
    if (depth > 64) unsupported();
    const t = this.t;
    const isMap = t.charCodeAt(pos) === OPEN_CURLY;
    const close = isMap ? CLOSE_CURLY : CLOSE_SQ;
    const node = isMap ? new YAMLMap() : new YAMLSeq();
    node.flow = true;
    let i = this.skip(pos + 1);
    for (;;) {
      if (i >= this.end) unsupported();
      if (t.charCodeAt(i) === close) { i++; break; }
      if (isMap) {
        const k = this.item(i, depth, true);
        if (!(k.node instanceof Scalar)) unsupported();
        i = this.skip(k.end);
        if (t.charCodeAt(i) !== COLON) unsupported();
        i = this.skip(i + 1);
        let value: Node;
        if (t.charCodeAt(i) === COMMA || t.charCodeAt(i) === close) value = nullAt(i);
        else { const v = this.item(i, depth, false); value = v.node; i = this.skip(v.end); }
        (node as YAMLMap).items.push(new Pair(k.node, value));
      } else {
        const v = this.item(i, depth, false);
        (node as YAMLSeq).items.push(v.node);
        i = this.skip(v.end);
        // `[a: b]` (a one-pair map inside a sequence) is left to the parser
        if (t.charCodeAt(i) === COLON) unsupported();
      }
      const c = t.charCodeAt(i);
      if (c === COMMA) { i = this.skip(i + 1); continue; }
      if (c !== close) unsupported();
    }
    node.range = [pos, i, i];
    return { node, end: i };
  }

  private item(pos: number, depth: number, key: boolean): { node: Node; end: number } {
    const t = this.t;
    const c = t.charCodeAt(pos);
    if (c === OPEN_SQ || c === OPEN_CURLY) {
      if (key) unsupported();
      return this.collection(pos, depth + 1);
    }
    if (c === DQ || c === SQ) {
      const close = quotedEnd(t, pos, this.end) ?? unsupported();
      return { node: quoted(t, pos, close, close), end: close };
    }
    if (!plainStart(t, pos, this.end)) unsupported();
    let e = pos;
    for (; e < this.end; e++) {
      const ch = t.charCodeAt(e);
      if (ch === COMMA || ch === CLOSE_SQ || ch === CLOSE_CURLY || ch === OPEN_SQ || ch === OPEN_CURLY) break;
      if (ch === COLON && (e + 1 >= this.end || [SPACE, COMMA, CLOSE_SQ, CLOSE_CURLY].includes(t.charCodeAt(e + 1)))) break;
      if (ch === HASH && t.charCodeAt(e - 1) === SPACE) unsupported();
    }
    let v = e;
    while (v > pos && t.charCodeAt(v - 1) === SPACE) v--;
    if (v === pos) unsupported();
    return { node: plain(t.slice(pos, v), pos, v, v), end: v };
  }

  private skip(i: number): number {
    while (i < this.end && this.t.charCodeAt(i) === SPACE) i++;
    return i;
  }
}

/** the end of a block value's node: past the line break (the parser's third range offset) */
function nodeEnd(t: string, lineEnd: number): number {
  const nl = t.indexOf('\n', lineEnd);
  return nl === -1 ? t.length : nl + 1;
}

function nullAt(at: number): Scalar {
  const s = new Scalar(null);
  s.range = [at, at, at];
  (s as { source?: string }).source = '';
  s.type = 'PLAIN';
  return s;
}

/** a plain scalar resolved as the core schema resolves it (null, booleans, numbers, else a string) */
function plain(source: string, start: number, end: number, outer: number): Scalar {
  let value: unknown = source;
  let format: string | undefined;
  // null, booleans and numbers start with one of these: other scalars are strings without a test
  const typed = source === '' || MAYBE_TYPED.has(source.charCodeAt(0));
  for (const tag of typed ? PLAIN_TAGS : []) {
    if (!tag.test!.test(source)) continue;
    let failed = false;
    value = tag.resolve(source, () => { failed = true; }, RESOLVE_OPTIONS);
    if (failed) unsupported();
    format = tag.format;
    break;
  }
  // a tag may resolve to a Scalar of its own (booleans do): the parser keeps that one
  const s = value instanceof Scalar ? value : new Scalar(value);
  s.range = [start, end, outer];
  (s as { source?: string }).source = source;
  s.type = 'PLAIN';
  if (format) s.format = format;
  return s;
}

/** the offset just past the closing quote of a one-line quoted scalar at `pos` */
function quotedEnd(t: string, pos: number, end: number): number | undefined {
  const q = t.charCodeAt(pos);
  for (let i = pos + 1; i < end; i++) {
    const c = t.charCodeAt(i);
    if (q === DQ && c === 92 /* \ */) { i++; continue; }
    if (c === q) {
      if (q === SQ && t.charCodeAt(i + 1) === SQ) { i++; continue; }
      return i + 1;
    }
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', e: '\x1b', ' ': ' ', a: '\x07', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };

function quoted(t: string, pos: number, close: number, outer: number): Scalar {
  const inner = t.slice(pos + 1, close - 1);
  let value: string;
  if (t.charCodeAt(pos) === SQ) value = inner.replace(/''/g, "'");
  else if (!inner.includes('\\')) value = inner;
  else {
    value = inner.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) => {
      if (e.length > 1) {
        const code = parseInt(e.slice(1), 16);
        return code > 0x10ffff ? unsupported() : String.fromCodePoint(code);
      }
      return ESCAPES[e] ?? unsupported();
    });
  }
  const s = new Scalar(value);
  s.range = [pos, close, outer];
  (s as { source?: string }).source = value;
  s.type = t.charCodeAt(pos) === SQ ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
  return s;
}

/** a plain scalar may start here: not an indicator (`-1`, `-x`, `--flag` may; `- x`, `-,`, `-]` may not) */
function plainStart(t: string, pos: number, end: number): boolean {
  const c = t.charCodeAt(pos);
  if (c !== DASH) return !NOT_PLAIN_START.has(c);
  return pos + 1 < end && !/[\s,[\]{}#]/.test(t[pos + 1]);
}
