// Variable substitution with provenance: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}` (and
// the `-`/`+` forms without colon, plus compose's `${VAR?err}`/`${VAR:?err}`). Every piece of the
// result remembers where its characters were written, so a fix can edit the ARG default or the
// compose variable that a tag came from instead of the reference that only names it.
import type { LineIndex } from '../text/line-index';

/** Where a piece of text was written: an offset in some file's text. */
export interface Origin { path: string; lines: LineIndex; offset: number }

export interface Piece { text: string; origin?: Origin; variable?: string }

export interface Substituted {
  value: string;
  pieces: Piece[];
  /** variables with no value and no default */
  unresolved: string[];
  /** variables used, in order */
  used: string[];
}

/** A variable's value, with the place its value text was written (absent: from the environment). */
export interface VariableValue { value: string; origin?: Origin }
export type Lookup = (name: string) => VariableValue | undefined;

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Substitutes variables in `raw`, which was written at `origin` (offset of raw[0]).
 * `escape` is the Dockerfile escape character (a doubled `$$` is compose's escape of `$`).
 */
export function substitute(raw: string, origin: Origin | undefined, lookup: Lookup, opts: { compose?: boolean; depth?: number } = {}): Substituted {
  const out: Substituted = { value: '', pieces: [], unresolved: [], used: [] };
  const at = (i: number): Origin | undefined => (origin ? { ...origin, offset: origin.offset + i } : undefined);
  let literalStart = 0;
  const flush = (end: number) => {
    if (end > literalStart) push(out, { text: raw.slice(literalStart, end), origin: at(literalStart) });
  };
  let i = 0;
  while (i < raw.length) {
    if (raw[i] !== '$') { i++; continue; }
    if (opts.compose && raw[i + 1] === '$') { flush(i); push(out, { text: '$', origin: at(i) }); i += 2; literalStart = i; continue; }
    if (raw[i + 1] === '{') {
      const close = matchingBrace(raw, i + 1);
      if (close < 0) { i++; continue; }
      flush(i);
      const inner = raw.slice(i + 2, close);
      expandBraced(inner, i + 2, raw, at, lookup, out, opts);
      i = close + 1;
      literalStart = i;
      continue;
    }
    NAME.lastIndex = i + 1;
    const m = NAME.exec(raw);
    if (!m) { i++; continue; }
    flush(i);
    emitVariable(m[0], lookup, out);
    i = i + 1 + m[0].length;
    literalStart = i;
  }
  flush(raw.length);
  return out;
}

function expandBraced(inner: string, innerStart: number, _raw: string, at: (i: number) => Origin | undefined, lookup: Lookup, out: Substituted, opts: { compose?: boolean; depth?: number }) {
  NAME.lastIndex = 0;
  const m = NAME.exec(inner);
  if (!m) { push(out, { text: '${' + inner + '}' }); return; }
  const name = m[0];
  const rest = inner.slice(name.length);
  const op = /^(:?[-+?])/.exec(rest)?.[1];
  if (!op) { emitVariable(name, lookup, out); return; }
  const word = rest.slice(op.length);
  const wordOrigin = at(innerStart + name.length + op.length);
  const v = lookup(name);
  if (!out.used.includes(name)) out.used.push(name);
  const set = v !== undefined && (op.startsWith(':') ? v.value !== '' : true);
  const nested = () => {
    if ((opts.depth ?? 0) > 8) return;
    const sub = substitute(word, wordOrigin, lookup, { ...opts, depth: (opts.depth ?? 0) + 1 });
    for (const p of sub.pieces) push(out, p);
    for (const u of sub.unresolved) if (!out.unresolved.includes(u)) out.unresolved.push(u);
  };
  if (op.endsWith('-')) { if (set) push(out, { text: v!.value, origin: v!.origin, variable: name }); else nested(); }
  else if (op.endsWith('+')) { if (set) nested(); }
  else { if (set) push(out, { text: v!.value, origin: v!.origin, variable: name }); else if (!out.unresolved.includes(name)) out.unresolved.push(name); }
}

function emitVariable(name: string, lookup: Lookup, out: Substituted) {
  if (!out.used.includes(name)) out.used.push(name);
  const v = lookup(name);
  if (v === undefined) { if (!out.unresolved.includes(name)) out.unresolved.push(name); return; }
  push(out, { text: v.value, origin: v.origin, variable: name });
}

function push(out: Substituted, p: Piece) {
  if (!p.text) return;
  out.pieces.push(p);
  out.value += p.text;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Where the characters [start, end) of a substituted value were written, if in one piece. */
export function locate(sub: Substituted, start: number, end: number): Origin | undefined {
  let pos = 0;
  for (const p of sub.pieces) {
    const pEnd = pos + p.text.length;
    if (start >= pos && end <= pEnd) return p.origin ? { ...p.origin, offset: p.origin.offset + (start - pos) } : undefined;
    pos = pEnd;
  }
  return undefined;
}
