// `wincompat check`: walk, analyse, optionally fix. No analysis of its own: it calls the engine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../engine/analysis/analyzer';
import { globToRegExp, isDockerfileName } from '../engine/analysis/file-kind';
import type { EngineConfig } from '../engine/config/config';
import { buildConfig, CONFIG_FILE_NAME, parseSettingsFile, type UserSettings } from '../engine/config/load-config';
import type { FileError, FileReport } from '../engine/types';
import { applyEdits, editsByFile } from './apply-edits';
import { walk } from './walk';

export interface CheckOptions {
  paths: string[];
  cli: UserSettings;
  configFile?: string;
  fix: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface CheckResult {
  reports: FileReport[];
  /** configurations in use (one per `.wincompat.yaml` found, or the default) */
  configs: EngineConfig[];
  problems: Array<{ path: string; message: string; range?: FileError['range'] }>;
  fixed: number;
}

export class UsageError extends Error {}

export function runCheck(opts: CheckOptions): CheckResult {
  const problems: CheckResult['problems'] = [];
  const explicit = opts.configFile ? loadSettings(opts.configFile, problems, true) : undefined;
  const dirSettings = new Map<string, UserSettings | undefined>();
  const configs = new Map<string, EngineConfig>();
  const settingsFor = (file: string): UserSettings => {
    if (explicit) return explicit;
    for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
      if (!dirSettings.has(dir)) {
        const f = path.join(dir, CONFIG_FILE_NAME);
        const loaded = fs.existsSync(f) ? loadSettings(f, problems, false) : undefined;
        if (loaded?.images) analyzer.setConfiguredImages(f, loaded.images);
        dirSettings.set(dir, loaded);
      }
      const s = dirSettings.get(dir);
      if (s) return s;
      if (path.dirname(dir) === dir) return {};
    }
  };
  const configFor = (file: string): EngineConfig => {
    const s = settingsFor(file);
    const key = JSON.stringify(s);
    let c = configs.get(key);
    if (!c) { c = buildConfig([s, opts.cli], opts.today); configs.set(key, c); }
    return c;
  };
  const cache = new Map<string, string | undefined>();
  const read = (p: string): string | undefined => {
    if (!cache.has(p)) { try { cache.set(p, stripBom(fs.readFileSync(p, 'utf8'))); } catch { cache.set(p, undefined); } }
    return cache.get(p);
  };
  const patterns = (opts.cli.dockerfilePatterns ?? []).map(globToRegExp);
  const root = path.resolve(opts.paths.find((p) => isDir(p)) ?? '.');
  const analyzer = new Analyzer({ readFile: read, root }, patterns);
  const excludes = opts.cli.exclude ?? [];
  const walked = walk(opts.paths.length ? opts.paths : ['.'], (f) => analyzer.candidate(f), excludes);
  problems.push(...walked.problems);

  const analyzeAll = (files: string[]): FileReport[] => {
    const out: FileReport[] = [];
    files.forEach((file, i) => {
      const text = read(file);
      opts.onProgress?.(i + 1, files.length);
      if (text === undefined) { problems.push({ path: file, message: 'cannot read file' }); return; }
      const r = analyzer.analyze(file, text, configFor(file));
      if (r) out.push(r);
    });
    return out;
  };
  // First the files that say which images the workspace builds (compose files, scripts, CI), so
  // that a manifest naming such an image is judged by the Dockerfile that builds it.
  for (const file of walked.files) {
    if (/\.ya?ml$/i.test(file) ? (read(file) ?? '').includes('build') : !isDockerfileName(file, patterns)) {
      const text = read(file);
      if (text !== undefined) analyzer.analyze(file, text, configFor(file));
    }
  }
  if (explicit?.images && opts.configFile) analyzer.setConfiguredImages(path.resolve(opts.configFile), explicit.images);
  let reports = analyzeAll(walked.files);
  let fixed = 0;
  if (opts.fix) {
    for (let pass = 0; pass < 3; pass++) {
      const changed = applyFixes(reports, read, (p, t) => { fs.writeFileSync(p, t); cache.set(p, t); });
      if (!changed) break;
      fixed += changed;
      for (const f of walked.files) analyzer.forget(f);
      reports = analyzeAll(walked.files);
    }
  }
  return { reports, configs: [...configs.values()], problems, fixed };
}

/** Applies the preferred (else first) fix of every diagnostic; returns how many were applied. */
function applyFixes(reports: FileReport[], read: (p: string) => string | undefined, write: (p: string, t: string) => void): number {
  const perFile = new Map<string, Parameters<typeof applyEdits>[1][number][]>();
  let count = 0;
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const fix = d.fixes.find((f) => f.preferred) ?? d.fixes[0];
      if (!fix) continue;
      count++;
      for (const [file, edits] of editsByFile([fix], r.path)) perFile.set(file, [...(perFile.get(file) ?? []), ...edits]);
    }
  }
  let applied = 0;
  for (const [file, edits] of perFile) {
    const text = read(file);
    if (text === undefined) continue;
    const unique = edits.filter((e, i) => edits.findIndex((o) => JSON.stringify(o) === JSON.stringify(e)) === i);
    const next = applyEdits(text, unique);
    if (next !== text) { write(file, next); applied++; }
  }
  return applied ? count : 0;
}

function loadSettings(file: string, problems: CheckResult['problems'], explicit: boolean): UserSettings {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
    if (explicit) throw new UsageError(`cannot read configuration ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    problems.push({ path: file, message: 'cannot read configuration' });
    return {};
  }
  const { settings, errors } = parseSettingsFile(text);
  for (const e of errors) problems.push({ path: file, message: e.message, range: e.range });
  if (errors.length && explicit) throw new UsageError(errors.map((e) => `${file}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}`).join('\n'));
  return settings;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function isDir(p: string): boolean {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}
