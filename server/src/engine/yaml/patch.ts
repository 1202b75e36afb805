// The typing path of a multi-document YAML file: the editor's own change events say which lines
// changed, so the documents an edit falls into are rebuilt from their previous text and the
// others are only moved. No scan of the whole file, no comparison of every document. Anything
// this cannot be sure of (an edit on a document's first or last line, a new `---`, a text that
// does not agree with the result) returns undefined and the caller splits the file anew.
import { LineIndex } from '../text/line-index';
import type { Range } from '../types';
import { countLines, startsWithMarker, type ParsedChunk, type YamlChunk } from './documents';

/** an editor change (LSP `TextDocumentContentChangeEvent` with a range), in order */
export interface TextChange { range: Range; text: string }

/**
 * A document's text as its lines, for callers that keep it that way (the language server): the
 * typing path reads only the lines of the documents an edit touched; `toString()` joins the rest.
 */
export interface LinesText {
  readonly length: number;
  readonly lineCount: number;
  /** lines [from, to), each with its line break except the text's last line */
  lines(from: number, to: number): string;
  /** every line, without its `\n` (a Dockerfile is scanned line by line, never joined) */
  lineArray?(): readonly string[];
  toString(): string;
}

interface Working { text: string; line: number; lineCount: number; offset: number; changed: boolean }

/**
 * Applies `changes` to the previous documents. Returns the documents (changed ones marked) or
 * undefined when the fast path does not apply. `text` is the file after the changes.
 */
export function patchDocuments(previous: readonly (ParsedChunk & { lines?: LineIndex })[], changes: readonly TextChange[], text: string | LinesText): Array<{ chunk: YamlChunk; changed: boolean }> | undefined {
  const w: Working[] = previous.map((c) => ({ text: c.text, line: c.line, lineCount: c.lineCount, offset: c.offset, changed: false }));
  for (const change of changes) {
    const { start, end } = change.range;
    let k = -1;
    for (let lo = 0, hi = w.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      if (w[mid].line <= start.line) { k = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (k < 0) return undefined;
    const c = w[k];
    const last = k === w.length - 1;
    // strictly inside the document: its first line may hold `---`, its last line may hold `...`
    const firstOk = start.line > c.line || (k === 0 && !startsWithMarker(c.text));
    const lastOk = last ? end.line <= c.line + c.lineCount : end.line < c.line + c.lineCount - 1;
    if (!firstOk || !lastOk) return undefined;
    const lines = new LineIndex(c.text);
    const a = lines.offset({ line: start.line - c.line, character: start.character });
    const b = lines.offset({ line: end.line - c.line, character: end.character });
    if (b < a) return undefined;
    const patched = c.text.slice(0, a) + change.text + c.text.slice(b);
    // the lines the new text touches must not start a document
    const from = patched.lastIndexOf('\n', a - 1) + 1;
    const to = patched.indexOf('\n', a + change.text.length);
    for (const l of patched.slice(from, to === -1 ? patched.length : to).split('\n')) if (startsWithMarker(l)) return undefined;
    const lineDelta = countLines(change.text) - (end.line - start.line);
    const lenDelta = change.text.length - (b - a);
    w[k] = { text: patched, line: c.line, lineCount: c.lineCount + lineDelta, offset: c.offset, changed: true };
    for (let j = k + 1; j < w.length; j++) { w[j].line += lineDelta; w[j].offset += lenDelta; }
  }
  const tail = w[w.length - 1];
  if (!tail || tail.offset + tail.text.length !== text.length) return undefined;
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    if (!c.changed) continue;
    // the editor's text must agree with what the changes made of the documents they touched
    const actual = typeof text === 'string'
      ? text.slice(c.offset, c.offset + c.text.length)
      : text.lines(c.line, c.line + c.lineCount + (i === w.length - 1 ? 1 : 0));
    if (actual !== c.text) return undefined;
  }
  return w.map((c) => ({ chunk: { text: c.text, offset: c.offset, line: c.line, lineCount: c.lineCount }, changed: c.changed }));
}
