// The server's open documents, kept as lines. An edit changes the lines it touches; the whole
// text is joined only when something asks for it (hover, completion, a whole-file analysis).
// The typing path of a large manifest never builds the 12 MB string: the engine reads just the
// lines of the documents the edit fell into (LinesText). Same behaviour as the LSP library's
// TextDocument for everything else (positions, offsets, incremental and full updates).
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { LinesText } from '../engine/yaml/patch';

export class LineDocument implements TextDocument, LinesText {
  private lineList: string[];
  private text: string | undefined;
  private starts: number[] | undefined;
  private size: number;

  constructor(readonly uri: string, readonly languageId: string, public version: number, content: string) {
    this.lineList = content.split('\n');
    this.text = content;
    this.size = content.length;
  }

  static create(uri: string, languageId: string, version: number, content: string): LineDocument {
    return new LineDocument(uri, languageId, version, content);
  }

  static update(doc: LineDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): LineDocument {
    for (const c of changes) {
      if ('range' in c && c.range) doc.replace(c.range, c.text);
      else doc.reset(c.text);
    }
    doc.version = version;
    return doc;
  }

  get lineCount(): number { return this.lineList.length; }
  get length(): number { return this.size; }

  getText(range?: Range): string {
    const text = (this.text ??= this.lineList.join('\n'));
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  toString(): string { return this.getText(); }

  lineArray(): readonly string[] { return this.lineList; }

  /** lines [from, to), each with its line break except the document's last line */
  lines(from: number, to: number): string {
    const part = this.lineList.slice(from, to).join('\n');
    return to < this.lineList.length ? part + '\n' : part;
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= this.lineList.length) {
      const last = this.lineList.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.lineList[last].length } };
    }
    return { start: { line, character: 0 }, end: { line, character: this.contentLength(line) } };
  }

  /** a line's length without its line break (`\r` of a CRLF included) */
  private contentLength(line: number): number {
    const text = this.lineList[line];
    return text.endsWith('\r') ? text.length - 1 : text.length;
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineList.length - 1) return '';
    return this.lineList[line].endsWith('\r') ? '\r\n' : '\n';
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.size;
    if (position.line < 0) return 0;
    // as the LSP library does: a character past the line's end stops before its line break
    return starts[position.line] + Math.max(0, Math.min(position.character, this.contentLength(position.line)));
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.size));
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= o) lo = mid; else hi = mid - 1; }
    // an offset inside a CRLF is read as the position before it, as the LSP library does
    return { line: lo, character: Math.min(o - starts[lo], this.contentLength(lo)) };
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = new Array<number>(this.lineList.length);
      let at = 0;
      for (let i = 0; i < this.lineList.length; i++) { starts[i] = at; at += this.lineList[i].length + 1; }
      this.starts = starts;
    }
    return this.starts;
  }

  /** a position as the library's offsetAt reads it: clamped into the document and before the line break */
  private normalize(p: Position): Position {
    const lines = this.lineList;
    if (p.line < 0) return { line: 0, character: 0 };
    if (p.line >= lines.length) return { line: lines.length - 1, character: lines[lines.length - 1].length };
    return { line: p.line, character: Math.max(0, Math.min(p.character, this.contentLength(p.line))) };
  }

  private replace(range: Range, text: string): void {
    const lines = this.lineList;
    let { start, end } = range;
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) [start, end] = [end, start];
    const s = this.normalize(start);
    const e = this.normalize(end);
    let removed = e.character - s.character;
    for (let l = s.line; l < e.line; l++) removed += lines[l].length + 1;
    const replacement = (lines[s.line].slice(0, s.character) + text + lines[e.line].slice(e.character)).split('\n');
    lines.splice(s.line, e.line - s.line + 1, ...replacement);
    this.size += text.length - removed;
    this.text = undefined;
    this.starts = undefined;
  }

  private reset(text: string): void {
    this.lineList = text.split('\n');
    this.text = text;
    this.size = text.length;
    this.starts = undefined;
  }
}
