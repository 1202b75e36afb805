// Multi-document YAML, split at `---` lines and parsed one document at a time, so an edit in one
// document of a 5,000-document manifest re-parses only that document. Splitting at column-0
// markers is exact: YAML forbids `---`/`...` at the start of a line inside any scalar.
import { parseDocument, type Document } from 'yaml';
import { prune, remapRanges } from './prune';

export interface YamlChunk {
  /** the document's text, from its `---` line (if any) to the next marker */
  text: string;
  /** offset and line of the chunk in the file */
  offset: number;
  line: number;
}

export interface ParsedChunk extends YamlChunk {
  doc?: Document.Parsed;
  /** a parse failure: message and chunk-relative offsets */
  error?: { message: string; start: number; end: number };
}

const MARKER = /^(?:---|\.\.\.)(?:[ \t]|\r?\n|\r?$)/;

export function splitDocuments(text: string): YamlChunk[] {
  const chunks: YamlChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  for (let pos = 0; pos < text.length; line++) {
    const nl = text.indexOf('\n', pos);
    const next = nl === -1 ? text.length : nl + 1;
    const c = text.charCodeAt(pos);
    if ((c === 45 || c === 46) && MARKER.test(text.slice(pos, Math.min(next, pos + 5)))) {
      if (c === 45) {
        // `---` starts a document: what came before is the previous one
        if (pos > chunkStart) chunks.push({ text: text.slice(chunkStart, pos), offset: chunkStart, line: chunkLine });
        chunkStart = pos;
        chunkLine = line;
      } else {
        // `...` ends a document: it stays with it, the next one starts on the following line
        chunks.push({ text: text.slice(chunkStart, next), offset: chunkStart, line: chunkLine });
        chunkStart = next;
        chunkLine = line + 1;
      }
    }
    pos = next;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ text: text.slice(chunkStart), offset: chunkStart, line: chunkLine });
  return chunks;
}

export function parseChunk(chunk: YamlChunk): ParsedChunk {
  try {
    // only Kubernetes objects are pruned: compose uses some of the same keys (build `args`)
    const pruned = /^kind\s*:/m.test(chunk.text) && /^apiVersion\s*:/m.test(chunk.text) ? prune(chunk.text) : undefined;
    const doc = parseDocument(pruned ? pruned.text : chunk.text, { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, strict: false, merge: true });
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
  if (!previous || previous.length === 0) return chunks.map(parse);
  const out = new Array<T>(chunks.length);
  let head = 0;
  while (head < chunks.length && head < previous.length && chunks[head].text === previous[head].text) {
    out[head] = relocate(previous[head], chunks[head]);
    head++;
  }
  let tail = 0;
  while (tail < chunks.length - head && tail < previous.length - head
    && chunks[chunks.length - 1 - tail].text === previous[previous.length - 1 - tail].text) {
    out[chunks.length - 1 - tail] = relocate(previous[previous.length - 1 - tail], chunks[chunks.length - 1 - tail]);
    tail++;
  }
  for (let i = head; i < chunks.length - tail; i++) out[i] = parse(chunks[i]);
  return out;
}

function relocate<T extends ParsedChunk>(old: T, now: YamlChunk): T {
  return old.offset === now.offset && old.line === now.line ? old : { ...old, offset: now.offset, line: now.line };
}
