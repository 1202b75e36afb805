// A lexical pass over a Dockerfile that finds where each instruction starts and ends, honouring the
// escape directive, line continuations, comment lines inside continuations and heredocs. It keeps
// only the instructions that decide a base image (FROM, ARG, COPY --from) and blanks every other
// line, so dockerfile-ast parses a text of the same shape (same lines and columns) in a fraction of
// the time: a 10,000-line Dockerfile costs about 1 ms here instead of ~300 ms for a full parse.

export interface ScanResult {
  /** the text with irrelevant instructions blanked; line and column positions are unchanged */
  reduced: string;
  escape: string;
  /** a hint that the Dockerfile targets Windows (PowerShell/cmd shell, drive paths, backtick escape) */
  windowsHints: boolean;
  /** it runs Windows PowerShell, which Nano Server does not have: a retag keeps it on Server Core */
  usesWindowsPowerShell: boolean;
}

const DIRECTIVE = /^\s*#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/;
const KEPT = new Set(['FROM', 'ARG', 'COPY']);
const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z_][\w.-]*)\2/g;
const WINDOWS_HINT = /\b(?:powershell|pwsh)\b|\bcmd(?:\.exe)?\s+\/[sScC]\b|(?:^|[\s"'=])[A-Za-z]:\\|\.(?:exe|ps1|msi)\b|--platform=windows/i;

export function scanDockerfile(input: string | readonly string[]): ScanResult {
  // the caller's lines are not changed: a leading BOM is replaced in a copy
  const lines = typeof input === 'string' ? input.split('\n') : input.slice();
  const keep = new Uint8Array(lines.length);
  let escape = '\\';
  let i = 0;
  // a byte-order mark becomes a space so that columns stay where the editor shows them
  if (lines.length && lines[0].charCodeAt(0) === 0xfeff) lines[0] = ' ' + lines[0].slice(1);
  // parser directives: only at the very top, before any other comment, blank line or instruction
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(stripCr(lines[i]));
    if (!m) break;
    keep[i] = 1;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  let windowsHints = escape === '`';
  let usesWindowsPowerShell = false;
  for (; i < lines.length; i++) {
    const line = stripCr(lines[i]);
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const start = i;
    const keyword = /^[A-Za-z]+/.exec(trimmed)?.[0].toUpperCase() ?? '';
    let logical = line;
    // continuation: the line ends with the escape character (trailing white space allowed)
    while (endsWithEscape(stripCr(lines[i]), escape) && i + 1 < lines.length) {
      i++;
      const next = stripCr(lines[i]);
      const nt = next.trimStart();
      if (nt.startsWith('#')) { continue; }
      logical += '\n' + next;
      if (nt === '') continue;
    }
    // heredocs (RUN/COPY/ADD <<EOF …): the body runs until the delimiter line
    if (logical.includes('<<')) {
      HEREDOC.lastIndex = 0;
      for (let m = HEREDOC.exec(logical); m; m = HEREDOC.exec(logical)) {
        const strip = m[1] === '-';
        const delimiter = m[3];
        while (i + 1 < lines.length) {
          i++;
          const body = stripCr(lines[i]);
          if ((strip ? body.replace(/^\t+/, '') : body) === delimiter) break;
        }
      }
    }
    if (!windowsHints && WINDOWS_HINT.test(logical)) windowsHints = true;
    if (!usesWindowsPowerShell && (keyword === 'RUN' || keyword === 'SHELL') && /\bpowershell(?:\.exe)?\b/i.test(logical)) usesWindowsPowerShell = true;
    if (KEPT.has(keyword) && (keyword !== 'COPY' || /--from\s*=/i.test(logical))) {
      for (let k = start; k <= i; k++) keep[k] = 1;
    }
  }
  let reduced = '';
  for (let k = 0; k < lines.length; k++) {
    if (k > 0) reduced += '\n';
    if (keep[k]) reduced += lines[k];
  }
  return { reduced, escape, windowsHints, usesWindowsPowerShell };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

function endsWithEscape(line: string, escape: string): boolean {
  const t = line.trimEnd();
  if (!t.endsWith(escape) || t.trimStart().startsWith('#')) return false;
  return true;
}
