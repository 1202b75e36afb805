// Multi-document YAML, split at `---` lines and parsed one document at a time, so an edit in one
// document of a 5,000-document manifest re-parses only that document. Splitting at column-0
// markers is exact: YAML forbids `---`/`...` at the start of a line inside any scalar.
import { parseDocument, type Document } from 'yaml';
import { tooLong } from '../text/long-line';
import { fastParse } from './fast-parse';
import { tooDeep } from './nesting';
import { prune, remapRanges } from './prune';

export interface YamlChunk {
  /** the document's text, from its `---` line (if any) to the next marker */
  text: string;
  /** offset and line of the chunk in the file */
  offset: number;
  line: number;
  /** how many line breaks the text holds (the next chunk starts that many lines further) */
  lineCount: number;
}

export interface ParsedChunk extends YamlChunk {
  doc?: Document.Parsed;
  /** a parse failure: message and chunk-relative offsets */
  error?: { message: string; start: number; end: number };
}

const MARKER = /^(?:---|\.\.\.)(?:[ \t]|\r?\n|\r?$)/;

/** true when `text` starts with a document marker line (`---` or `...`) */
export function startsWithMarker(text: string): boolean {
  return MARKER.test(text.slice(0, 5));
}

/** where documents start (`---`) or end (`...`): offsets of marker lines, found with indexOf */
function markers(text: string): Array<{ at: number; end: boolean }> {
  const found: Array<{ at: number; end: boolean }> = [];
  const test = (at: number) => startsWithMarker(text.slice(at, at + 5));
  if ((text.startsWith('---') || text.startsWith('...')) && test(0)) found.push({ at: 0, end: text[0] === '.' });
  for (const needle of ['\n---', '\n...']) {
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
      if (test(i + 1)) found.push({ at: i + 1, end: needle[1] === '.' });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Splits a file into documents; `line` and `lineCount` are filled in by the caller (see reparse). */
export function splitDocuments(text: string): YamlChunk[] {
  const chunks: YamlChunk[] = [];
  const push = (start: number, end: number) => chunks.push({ text: text.slice(start, end), offset: start, line: 0, lineCount: -1 });
  let start = 0;
  for (const m of markers(text)) {
    if (!m.end) {
      // `---` starts a document: what came before is the previous one
      if (m.at > start) push(start, m.at);
      start = m.at;
    } else {
      // `...` ends a document: it stays with it, the next one starts on the following line
      const nl = text.indexOf('\n', m.at);
      const next = nl === -1 ? text.length : nl + 1;
      push(start, next);
      start = next;
    }
  }
  if (start < text.length || chunks.length === 0) push(start, text.length);
  return chunks;
}

export function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** fills in `line`/`lineCount`: counted for new chunks, carried over for unchanged ones */
function placeLines(chunks: YamlChunk[]): void {
  let line = 0;
  for (const c of chunks) {
    if (c.lineCount < 0) c.lineCount = countLines(c.text);
    c.line = line;
    line += c.lineCount;
  }
}

/** the limits that apply before a document is parsed (a subset of the engine's Limits) */
export interface ParseLimits { maxNestingDepth: number; maxLineLength: number }

export function parseChunk(chunk: YamlChunk, limits: ParseLimits): ParsedChunk {
  try {
    // only Kubernetes objects are pruned: compose uses some of the same keys (build `args`)
    const pruned = /^kind\s*:/m.test(chunk.text) && /^apiVersion\s*:/m.test(chunk.text) ? prune(chunk.text) : undefined;
    const text = pruned ? pruned.text : chunk.text;
    const at = (offset: number) => (pruned ? pruned.toOriginal(offset) : offset);
    // limits are checked on what the parser would read: a long base64 line in a pruned `data:` block costs nothing
    const long = tooLong(text, limits.maxLineLength);
    if (long) {
      return { ...chunk, error: { message: `a line of ${long.length.toLocaleString('en')} characters, more than limits.maxLineLength (${limits.maxLineLength.toLocaleString('en')}): document not analysed`, start: at(long.offset), end: at(long.offset) + 1 } };
    }
    const deep = tooDeep(text, limits.maxNestingDepth);
    if (deep) {
      return { ...chunk, error: { message: `nested more than limits.maxNestingDepth (${limits.maxNestingDepth}) levels deep: document not analysed`, start: at(deep.offset), end: at(deep.offset) + 1 } };
    }
    // plain block YAML (most manifests and compose files) takes the fast path; the rest the parser
    const doc = fastParse(text) ?? parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, strict: false, merge: true });
    if (pruned) remapRanges(doc, pruned.toOriginal);
    const err = doc.errors[0];
    // the parser reports its own stack overflow on hostile nesting as an ordinary error
    if (err) return { ...chunk, doc, error: { message: /call stack/i.test(err.message) ? 'nested too deeply to analyse' : err.message.split('\n')[0], start: err.pos[0], end: err.pos[1] } };
    return { ...chunk, doc };
  } catch (e) {
    // the parser recurses on nesting; a hostile depth must not take the process down
    const message = e instanceof RangeError ? 'nested too deeply to analyse' : `YAML parser failed: ${(e as Error).message}`;
    return { ...chunk, error: { message, start: 0, end: Math.min(chunk.text.length, 1) } };
  }
}

/**
 * Re-parses only the chunks whose text changed since `previous`: unchanged documents at the start
 * and at the end of the file keep their parse (and whatever the caller cached on them).
 */
export function reparse<T extends ParsedChunk>(text: string, previous: readonly T[] | undefined, parse: (c: YamlChunk) => T): T[] {
  const chunks = splitDocuments(text);
  if (!previous || previous.length === 0) { placeLines(chunks); return chunks.map((c) => parse(detach(c))); }
  // unchanged documents at the start and at the end keep their parse (and their line count)
  let head = 0;
  while (head < chunks.length && head < previous.length && chunks[head].text === previous[head].text) {
    chunks[head].lineCount = previous[head].lineCount;
    head++;
  }
  let tail = 0;
  while (tail < chunks.length - head && tail < previous.length - head
    && chunks[chunks.length - 1 - tail].text === previous[previous.length - 1 - tail].text) {
    chunks[chunks.length - 1 - tail].lineCount = previous[previous.length - 1 - tail].lineCount;
    tail++;
  }
  placeLines(chunks);
  const out = new Array<T>(chunks.length);
  for (let i = 0; i < head; i++) out[i] = relocate(previous[i], chunks[i]);
  for (let k = 0; k < tail; k++) out[chunks.length - 1 - k] = relocate(previous[previous.length - 1 - k], chunks[chunks.length - 1 - k]);
  for (let i = head; i < chunks.length - tail; i++) out[i] = parse(detach(chunks[i]));
  return out;
}

/**
 * A chunk's text is a slice of the whole file's text, and V8 keeps the whole text alive for as
 * long as a slice of it lives. A chunk that is kept across edits must not pin a 12 MB string per
 * edit: it gets a copy of its own (flattening `' ' + s` copies the characters).
 */
export function detach(c: YamlChunk): YamlChunk {
  return c.text.length < 13 ? c : { ...c, text: (' ' + c.text).slice(1) };
}

/** the same document at another place in the file */
export function relocate<T extends ParsedChunk>(old: T, now: YamlChunk): T {
  return old.offset === now.offset && old.line === now.line ? old : { ...old, offset: now.offset, line: now.line };
}
