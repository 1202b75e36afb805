// Column tables as kubectl and docker print them (Go tabwriter: columns padded with ≥ 2 spaces,
// header names may hold one space, e.g. `MANAGER STATUS`). Cells are cut at the header's column starts.

export interface TableColumn { name: string; start: number }

export function tableColumns(header: string): TableColumn[] {
  const out: TableColumn[] = [];
  for (const m of header.matchAll(/\S+(?: \S+)*/g)) out.push({ name: m[0], start: m.index! });
  return out;
}

/** Rows of the table whose header is `lines[headerIndex]`, up to the first blank line. */
export function readTable(lines: readonly string[], headerIndex: number): Array<Record<string, string>> {
  const cols = tableColumns(lines[headerIndex]);
  const rows: Array<Record<string, string>> = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i].replace(/\s+$/, '');
    if (!line.trim()) break;
    const aligned = cols.every((c, j) => j === 0 || c.start >= line.length || line[c.start - 1] === ' ');
    const row: Record<string, string> = {};
    if (aligned) {
      cols.forEach((c, j) => { row[c.name] = line.slice(c.start, j + 1 < cols.length ? cols[j + 1].start : undefined).trim(); });
    } else {
      // not aligned (pasted through something that squeezed spaces): cells split at runs of 2+ spaces
      const cells = line.trim().split(/\s{2,}|\t+/);
      cols.forEach((c, j) => { row[c.name] = (cells[j] ?? '').trim(); });
    }
    rows.push(row);
  }
  return rows;
}

/** Index of the first line matching `re`, or -1. */
export function findLine(lines: readonly string[], re: RegExp): number {
  return lines.findIndex((l) => re.test(l));
}
