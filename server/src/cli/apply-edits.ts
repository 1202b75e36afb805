// Applies fix edits to texts (CLI `--fix`, tests). Edits of one file are applied from the end so
// earlier ranges stay valid; overlapping edits are skipped, not merged.
import { LineIndex } from '../engine/text/line-index';
import type { Fix, TextEdit } from '../engine/types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  // inserts at one position land in array order (LSP), so the later one is applied first
  const spans = edits.map((e, i) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  let limit = Infinity;
  for (const s of spans) {
    if (s.end > limit) continue;
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
    limit = s.start;
  }
  return out;
}

/** Groups a fix's edits by file (`path` absent = `defaultPath`). */
export function editsByFile(fixes: readonly Fix[], defaultPath: string): Map<string, TextEdit[]> {
  const map = new Map<string, TextEdit[]>();
  for (const f of fixes) for (const e of f.edits) {
    const p = e.path ?? defaultPath;
    const list = map.get(p) ?? [];
    list.push(e);
    map.set(p, list);
  }
  return map;
}
