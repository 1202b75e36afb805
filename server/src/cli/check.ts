// `wincompat check`: walk, analyse, optionally fix. No analysis of its own: it calls the engine.
// Large scans run on every core: each worker reads and analyses a share of the files in two
// phases (first what the workspace builds and its RuntimeClasses, then everything), with the
// phase-1 findings of all workers shared in between so cross-file provenance stays whole.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EngineConfig } from '../engine/config/config';
import type { UserSettings } from '../engine/config/load-config';
import type { FileReport, TextEdit } from '../engine/types';
import { applyEdits, editsByFile } from './apply-edits';
import { Scanner, UsageError, type IndexEntries, type Problem, type ScanOptions } from './scanner';
import { walk, walkUpTo } from './walk';

export { UsageError };

export interface CheckOptions {
  paths: string[];
  cli: UserSettings;
  configFile?: string;
  fix: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
  /** worker threads for large scans; default: the machine's cores (1 = in this thread) */
  workers?: number;
}

export interface CheckResult {
  reports: FileReport[];
  /** configurations in use (one per `.wincompat.yaml` found, or the default) */
  configs: EngineConfig[];
  problems: Problem[];
  fixed: number;
}

/**
 * Below this many candidate files one thread is faster: every worker isolate pays start-up and
 * JIT warm-up of the parsers, and V8's own background threads (GC, compiler) already use the
 * second core meanwhile. Measured on the 2-vCPU bench machine, 3,480 candidates of a 20,000-file
 * tree: one thread 0.78 s median, main thread + one worker 0.82 s; there, two threads each
 * parsing half the manifests take as long as one thread parsing all of them (the vCPUs share
 * one core's memory throughput), while a machine with real cores gains. `--jobs` overrides.
 */
const PARALLEL_MIN_FILES = 8000;

export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const root = path.resolve(opts.paths.find((p) => isDir(p)) ?? '.');
  const scanOpts: ScanOptions = { cli: opts.cli, configFile: opts.configFile, today: opts.today, root };
  const main = new Scanner(scanOpts);
  const workers = Math.max(1, Math.min(opts.workers ?? os.availableParallelism(), 8));
  const roots = opts.paths.length ? opts.paths : ['.'];
  const excludes = opts.cli.exclude ?? [];
  const accept = (f: string) => main.candidate(f);
  // a small tree is done here; a large one (found out by walking only until it is large) is
  // walked and analysed by the workers, each its own share of the folders
  const threshold = opts.workers !== undefined && opts.workers > 1 ? 0 : PARALLEL_MIN_FILES;
  const first = !opts.fix && workers > 1 ? walkUpTo(roots, accept, excludes, threshold) : { ...walk(roots, accept, excludes), complete: true };
  if (!first.complete) {
    const r = await parallel(scanOpts, roots, excludes, workers, opts.onProgress);
    return { ...r, problems: dedupe([...main.problems, ...r.problems]), fixed: 0 };
  }
  const walked = first;
  const progress = (done: number) => opts.onProgress?.(done, walked.files.length);
  main.keep = opts.fix;
  main.absorb(main.index(walked.files));
  let reports = main.analyze(walked.files, progress);
  let fixed = 0;
  if (opts.fix) {
    for (let pass = 0; pass < 3; pass++) {
      const changed = applyFixes(reports, main);
      if (!changed) break;
      fixed += changed;
      main.absorb(main.index(walked.files));
      reports = main.analyze(walked.files);
    }
  }
  return { reports, configs: main.usedConfigs(), problems: dedupe([...walked.problems, ...main.problems]), fixed };
}

/**
 * The main thread takes share 0 itself and one worker takes each other share: every isolate pays
 * its own start-up and JIT warm-up, so a worker per core with an idle main thread costs more than
 * it gains on two cores.
 */
async function parallel(opts: ScanOptions, roots: string[], excludes: string[], n: number, onProgress?: CheckOptions['onProgress']) {
  const pool = Array.from({ length: n - 1 }, (_, i) => new Worker(path.join(__dirname, 'scan-worker.js'), {
    workerData: { opts, roots, excludes, share: { index: i + 1, of: n } },
  }));
  const total = new Array<number>(n).fill(0);
  const done = new Array<number>(n).fill(0);
  const report = () => onProgress?.(done.reduce((a, b) => a + b, 0), total.reduce((a, b) => a + b, 0));
  const ask = <T>(w: Worker, i: number, message: unknown, reply: string) => new Promise<T>((resolve, reject) => {
    const onMessage = (m: { type: string; done?: number; total?: number; message?: string; usage?: boolean }) => {
      if (m.type === 'progress') {
        done[i] = m.done ?? 0;
        if (m.total !== undefined) total[i] = m.total;
        report();
        return;
      }
      w.off('message', onMessage);
      if (m.type === 'error') reject(m.usage ? new UsageError(m.message) : new Error(m.message));
      else if (m.type === reply) resolve(m as T);
    };
    w.on('message', onMessage);
    w.once('error', reject);
    w.postMessage(message);
  });
  try {
    const asked = pool.map((w, i) => ask<{ entries: IndexEntries; problems: Problem[] }>(w, i + 1, { type: 'index' }, 'indexed'));
    // share 0, here, while the workers do theirs
    const own = new Scanner(opts);
    const walked = walk(roots, (f) => own.candidate(f), excludes, { index: 0, of: n });
    total[0] = walked.files.length;
    const ownEntries = own.index(walked.files);
    const indexed = await Promise.all(asked);
    const entries: IndexEntries = {
      builds: [ownEntries.builds, ...indexed.map((x) => x.entries.builds)].flat(),
      runtimeClasses: [ownEntries.runtimeClasses, ...indexed.map((x) => x.entries.runtimeClasses)].flat(),
    };
    const analysed = pool.map((w, i) => ask<{ reports: FileReport[]; problems: Problem[]; configs: EngineConfig[] }>(w, i + 1, { type: 'analyze', entries }, 'reports'));
    own.absorb(entries);
    const ownReports = own.analyze(walked.files, (d) => { done[0] = d; report(); });
    const results = [{ reports: ownReports, problems: [...walked.problems, ...own.problems], configs: own.usedConfigs() }, ...(await Promise.all(analysed))];
    const configs = new Map<string, EngineConfig>();
    for (const r of results) for (const c of r.configs) configs.set(JSON.stringify(c.targets.map((t) => [t.name, t.build, t.isolation])), c);
    return {
      // in walk order, as a single-threaded scan lists them
      reports: results.flatMap((r) => r.reports).sort((a, b) => walkOrder(a.path, b.path)),
      problems: [...indexed.flatMap((x) => x.problems), ...results.flatMap((r) => r.problems)],
      configs: [...configs.values()],
    };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/**
 * Applies the preferred (else first) fix of every diagnostic; returns how many fixes were applied.
 * A fix whose edits would overlap one already taken waits for the next pass (after re-analysis);
 * the same edit offered by two findings (one ARG default behind two stages) is applied once.
 */
function applyFixes(reports: FileReport[], scanner: Scanner): number {
  const taken = new Map<string, TextEdit[]>();
  const seen = new Set<string>();
  const overlaps = (a: TextEdit, b: TextEdit) => !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
  let count = 0;
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const fix = d.fixes.find((f) => f.preferred) ?? d.fixes[0];
      if (!fix) continue;
      const byFile = editsByFile([fix], r.path);
      const key = JSON.stringify([...byFile]);
      if (seen.has(key)) continue;
      const clash = [...byFile].some(([file, edits]) => edits.some((e) => (taken.get(file) ?? []).some((t) => overlaps(e, t))));
      if (clash) continue;
      seen.add(key);
      for (const [file, edits] of byFile) taken.set(file, [...(taken.get(file) ?? []), ...edits]);
      count++;
    }
  }
  for (const [file, edits] of taken) {
    const text = scanner.read(file);
    if (text === undefined) continue;
    const next = applyEdits(text, edits);
    if (next !== text) scanner.write(file, next);
  }
  return count;
}

/** a strictly before b (touching ranges, such as two insertions at one point, count as overlapping) */
function before(a: TextEdit['range']['end'], b: TextEdit['range']['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => { const k = JSON.stringify(p); return seen.has(k) ? false : (seen.add(k), true); });
}

function isDir(p: string): boolean {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

/** the order walk() visits files in: a folder's files (by name) before its subfolders (by name) */
export function walkOrder(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const xFile = i === x.length - 1;
    const yFile = i === y.length - 1;
    if (xFile !== yFile) return xFile ? -1 : 1;
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}
