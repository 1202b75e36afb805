// `docker build` / `docker buildx build` commands written in shell, PowerShell, batch, Makefiles and
// CI files, read without running anything: which image name each builds from which Dockerfile.
// Continuations (`\`, PowerShell's backtick, `^`) are joined; variables stay as written, so a tag
// like `contoso/web:$VERSION` still names the repository `contoso/web`.

export interface BuildCommand {
  /** image names given with -t/--tag */
  tags: string[];
  /** -f/--file as written (relative to the working directory, taken as the file's folder) */
  file?: string;
  /** build context as written */
  context?: string;
  target?: string;
  args: Record<string, string>;
  /** offset of the command in the text */
  offset: number;
}

const START = /\bdocker(?:\.exe)?\s+(?:buildx\s+)?build\b/g;

export function findBuildCommands(text: string): BuildCommand[] {
  if (!text.includes('build')) return [];
  const out: BuildCommand[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    const rest = logicalLine(text, m.index + m[0].length);
    out.push({ ...parseArgs(tokenize(rest)), offset: m.index });
  }
  return out;
}

/** the command's text up to the end of its logical line */
function logicalLine(text: string, from: number): string {
  let out = '';
  let i = from;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const line = text.slice(i, nl === -1 ? text.length : nl).replace(/\r$/, '');
    const cont = /[\\`^]\s*$/.exec(line);
    out += cont ? line.slice(0, cont.index) + ' ' : line;
    if (!cont || nl === -1) break;
    i = nl + 1;
  }
  // stop at the end of the shell command
  return out.split(/\s(?:&&|\|\||;|\|)\s|[;|]\s*$/)[0];
}

function tokenize(s: string): string[] {
  const tokens: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) tokens.push(m[1] ?? m[2] ?? m[3]);
  return tokens;
}

function parseArgs(tokens: string[]): Omit<BuildCommand, 'offset'> {
  const cmd: Omit<BuildCommand, 'offset'> = { tags: [], args: {} };
  const positional: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const eq = t.startsWith('--') ? t.indexOf('=') : -1;
    const flag = eq > 0 ? t.slice(0, eq) : t;
    const next = () => (eq > 0 ? t.slice(eq + 1) : tokens[++i]);
    if (flag === '-t' || flag === '--tag') { const v = next(); if (v) cmd.tags.push(...v.split(',')); }
    else if (flag === '-f' || flag === '--file') cmd.file = next();
    else if (flag === '--target') cmd.target = next();
    else if (flag === '--build-arg') { const v = next() ?? ''; const k = v.indexOf('='); if (k > 0) cmd.args[v.slice(0, k)] = v.slice(k + 1); }
    else if (/^-t.+/.test(t)) cmd.tags.push(t.slice(2));
    else if (t.startsWith('-')) { if (VALUE_FLAGS.has(flag) && eq < 0) i++; }
    else positional.push(t);
  }
  cmd.context = positional[0];
  return cmd;
}

/** flags of docker build that take a value (so their value is not read as the context) */
const VALUE_FLAGS = new Set(['--platform', '--isolation', '--label', '--network', '--cache-from', '--cache-to', '--output', '-o', '--progress', '--secret', '--ssh', '--build-context', '--memory', '-m', '--cpu-shares', '--shm-size', '--ulimit', '--add-host', '--iidfile', '--metadata-file', '--builder', '--attest', '--annotation', '--provenance', '--sbom', '--cgroup-parent', '--cpuset-cpus', '--cpu-quota', '--cpu-period']);
