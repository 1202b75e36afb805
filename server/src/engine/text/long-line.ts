// Lines longer than a limit are refused before parsing: what wincompat parses is read line by
// line (Dockerfile instructions, YAML documents), and a megabyte line is a generated blob, not
// something a person maintains.

/** the first line of `text` longer than `limit` characters: its offset and length, or undefined */
export function tooLong(text: string, limit: number): { offset: number; length: number } | undefined {
  if (text.length <= limit) return undefined;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > limit) return { offset: start, length: end - start };
    start = end + 1;
  }
  return undefined;
}
