// Inline suppressions, by rule id only (never by message text):
//   # wincompat ignore=process-isolation-mismatch reason…     (on the line above, or at the end of a YAML line)
//   # wincompat ignore-file=unknown-windows-tag reason…       (anywhere: the whole file)
import type { Diagnostic } from '../types';
import type { LineIndex } from '../text/line-index';

const MARK = /#\s*wincompat\s+ignore(-file)?=([\w,-]+)/g;

export interface Suppressions { lines: Map<number, Set<string>>; file: Set<string> }

export function findSuppressions(text: string, lines: () => LineIndex): Suppressions {
  const out: Suppressions = { lines: new Map(), file: new Set() };
  if (!text.includes('wincompat')) return out;
  const index = lines();
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    const ids = m[2].split(',').filter(Boolean);
    if (m[1]) { ids.forEach((id) => out.file.add(id)); continue; }
    const line = index.position(m.index).line;
    const own = index.lineText(line).trimStart().startsWith('#');
    // a comment line covers the next line; a trailing comment covers its own line
    const covered = own ? line + 1 : line;
    const set = out.lines.get(covered) ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    out.lines.set(covered, set);
  }
  return out;
}

export function applySuppressions(diags: Diagnostic[], s: Suppressions): Diagnostic[] {
  if (!s.file.size && !s.lines.size) return diags;
  return diags.filter((d) => {
    if (s.file.has(d.code) || s.file.has('all')) return false;
    const set = s.lines.get(d.range.start.line);
    return !(set && (set.has(d.code) || set.has('all')));
  });
}

/** The comment a "suppress" action writes above `line`, in the file's comment syntax. */
export function suppressionComment(code: string, indent: string): string {
  return `${indent}# wincompat ignore=${code} reason: `;
}
