// Directory walk for `wincompat check` and the language server's workspace check: respects
// .gitignore files (nested ones too) and the configured excludes, never follows a symlink into a
// loop, and reports what it could not read. One implementation, as a generator that pauses after
// each folder: the CLI runs it straight through, the server yields to its event loop in between.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface WalkResult { files: string[]; problems: Array<{ path: string; message: string; severity?: 'error' | 'warning' }> }

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

type Rules = Array<{ dir: string; ig: Ignore }>;

/**
 * Part of a walk, for parallel scans: the tree is cut at the first level with enough folders and
 * each share walks every `of`-th of them (share 0 also takes the files above that level), so
 * workers walk at the same time without listing a file twice.
 */
export interface Share { index: number; of: number }

export function walk(roots: string[], accept: (file: string) => boolean, excludes: string[] = [], share?: Share): WalkResult {
  const out: WalkResult = { files: [], problems: [] };
  for (const _ of walkSteps(roots, accept, excludes, out, share)) { /* run to the end */ }
  return out;
}

/** walks until `limit` files are found: `complete` tells whether the whole tree was seen */
export function walkUpTo(roots: string[], accept: (file: string) => boolean, excludes: string[], limit: number): WalkResult & { complete: boolean } {
  const out: WalkResult = { files: [], problems: [] };
  for (const _ of walkSteps(roots, accept, excludes, out)) if (out.files.length >= limit) return { ...out, complete: false };
  return { ...out, complete: true };
}

/** the same walk, giving the event loop a turn every few milliseconds */
export async function walkAsync(roots: string[], accept: (file: string) => boolean, excludes: string[] = [], cancelled: () => boolean = () => false): Promise<WalkResult> {
  const out: WalkResult = { files: [], problems: [] };
  let last = Date.now();
  for (const _ of walkSteps(roots, accept, excludes, out)) {
    if (Date.now() - last > 10) {
      await new Promise((r) => setImmediate(r));
      if (cancelled()) break;
      last = Date.now();
    }
  }
  return out;
}

function* walkSteps(roots: string[], accept: (file: string) => boolean, excludes: string[], out: WalkResult, share?: Share): Generator<void> {
  const seenDirs = new Set<string>();
  const realRoots = roots.map((r) => { try { return fs.realpathSync(r); } catch { return path.resolve(r); } });
  for (const root of roots) {
    let st: fs.Stats;
    try { st = fs.statSync(root); } catch (e) { out.problems.push({ path: root, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message }); continue; }
    if (st.isFile()) { if (!share || share.index === 0) out.files.push(root); continue; }
    // only folders with rules are asked: most trees have a .gitignore or two, not one per folder
    let stack: Array<{ dir: string; rules: Rules; resolve: boolean }> = [{ dir: root, rules: excludes.length ? [{ dir: root, ig: ignore().add(excludes) }] : [], resolve: true }];
    if (share && share.of > 1) {
      // breadth first until a level has enough folders to share out; files above it go to share 0
      for (let depth = 0; depth < 4 && stack.length && stack.length < 4 * share.of; depth++) {
        const next: typeof stack = [];
        for (const d of stack) next.push(...visit(d.dir, root, d.rules, d.resolve, share.index === 0));
        stack = next;
      }
      stack = stack.filter((_, i) => i % share.of === share.index).reverse();
    }
    while (stack.length) {
      const { dir, rules, resolve } = stack.pop()!;
      const subdirs = visit(dir, root, rules, resolve);
      // depth first, in name order
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
      yield;
    }
  }

  function visit(dir: string, root: string, rules: Rules, resolve: boolean, collect = true): Array<{ dir: string; rules: Rules; resolve: boolean }> {
    // only a symbolic link can lead back into the tree: resolve real paths for those (and roots)
    if (resolve) {
      let real: string;
      try { real = fs.realpathSync(dir); } catch (e) { out.problems.push({ path: dir, message: (e as Error).message }); return []; }
      const inside = dir !== root && realRoots.some((r) => real === r || real.startsWith(r + path.sep));
      if (seenDirs.has(real) || inside) { out.problems.push({ path: dir, message: 'symbolic link to a folder that is read anyway (or a loop): not followed', severity: 'warning' }); return []; }
      seenDirs.add(real);
    }
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { out.problems.push({ path: dir, message: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }); return []; }
    let here = rules;
    const gi = entries.find((e) => e.name === '.gitignore' && e.isFile());
    if (gi) {
      try { here = [...rules, { dir, ig: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) }]; } catch { /* unreadable .gitignore: walk on */ }
    }
    const subdirs: Array<{ dir: string; rules: Rules; resolve: boolean }> = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (ALWAYS_SKIPPED.has(e.name)) continue;
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try { const s = fs.statSync(full); isDir = s.isDirectory(); isFile = s.isFile(); } catch { out.problems.push({ path: full, message: 'broken symbolic link' }); continue; }
      }
      if (ignored(full, isDir, here, root)) continue;
      if (isDir) subdirs.push({ dir: full, rules: here, resolve: e.isSymbolicLink() });
      else if (collect && accept(full)) {
        // a FIFO, socket or device named like a Dockerfile would block or never end if read
        if (isFile) out.files.push(full);
        else out.problems.push({ path: full, message: 'not a regular file (a FIFO, socket or device): not read', severity: 'warning' });
      }
    }
    return subdirs;
  }

  function ignored(full: string, isDir: boolean, rules: Rules, root: string): boolean {
    for (const { dir, ig } of rules) {
      const rel = path.relative(dir === root ? root : dir, full).split(path.sep).join('/');
      if (!rel || rel.startsWith('..')) continue;
      if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  }
}
