// One scan's worth of state: settings per folder, file reads, and the engine's Analyzer. Used in
// the main thread for small scans and inside each worker of a parallel scan (scan-worker.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../engine/analysis/analyzer';
import { globToRegExp, isDockerfileName } from '../engine/analysis/file-kind';
import type { RuntimeClassInfo } from '../engine/analysis/kubernetes';
import type { EngineConfig } from '../engine/config/config';
import { buildConfig, CONFIG_FILE_NAME, parseSettingsFile, type UserSettings } from '../engine/config/load-config';
import type { FileError, FileReport } from '../engine/types';
import type { BuildSource } from '../engine/workspace/build-index';
import { isBuildScriptName } from '../engine/workspace/script-builds';

export interface ScanOptions { cli: UserSettings; configFile?: string; today?: string; root: string }
export type Problem = { path: string; message: string; range?: FileError['range']; severity?: 'error' | 'warning' };
/** what one part of a scan found that other parts need: built images and RuntimeClasses */
export interface IndexEntries { builds: Array<[string, BuildSource[]]>; runtimeClasses: Array<[string, RuntimeClassInfo[]]> }

export class UsageError extends Error {}

/** the settings of a file no `.wincompat.yaml` governs */
const NO_SETTINGS: UserSettings = Object.freeze({});

export class Scanner {
  readonly analyzer: Analyzer;
  readonly problems: Problem[] = [];
  private readonly explicit?: UserSettings;
  /** each folder's own `.wincompat.yaml`, if any */
  private readonly dirSettings = new Map<string, UserSettings | undefined>();
  /** the settings that govern the files of each folder (as the walk names it) */
  private readonly folderSettings = new Map<string, UserSettings>();
  private readonly configs = new Map<UserSettings, EngineConfig>();
  private readonly cache = new Map<string, string | undefined>();
  private readonly patterns: RegExp[];

  constructor(private readonly opts: ScanOptions) {
    this.patterns = (opts.cli.dockerfilePatterns ?? []).map(globToRegExp);
    this.analyzer = new Analyzer({ readFile: (p) => this.read(p), root: opts.root, retainParses: false }, this.patterns);
    if (opts.configFile) {
      this.explicit = this.loadSettings(opts.configFile, true);
      if (this.explicit.images) this.analyzer.setConfiguredImages(path.resolve(opts.configFile), this.explicit.images);
    }
  }

  candidate(file: string): boolean { return this.analyzer.candidate(file); }

  read(p: string): string | undefined {
    if (!this.cache.has(p)) {
      try { const t = fs.readFileSync(p, 'utf8'); this.cache.set(p, t.charCodeAt(0) === 0xfeff ? t.slice(1) : t); } catch { this.cache.set(p, undefined); }
    }
    return this.cache.get(p);
  }

  write(p: string, text: string): void {
    fs.writeFileSync(p, text);
    this.cache.set(p, text);
    this.analyzer.forget(p);
  }

  usedConfigs(): EngineConfig[] { return [...this.configs.values()]; }

  /** keep file texts after analysis (needed when fixes are applied afterwards) */
  keep = false;

  configFor(file: string): EngineConfig {
    // one settings object per `.wincompat.yaml` (or none): its identity is the key
    const s = this.settingsFor(file);
    let c = this.configs.get(s);
    if (!c) { c = buildConfig([s, this.opts.cli], this.opts.today); this.configs.set(s, c); }
    return c;
  }

  /** Phase 1: the files that say what the workspace builds, and RuntimeClasses. */
  index(files: readonly string[]): IndexEntries {
    for (const file of files) {
      if (isDockerfileName(file, this.patterns)) continue;
      const text = this.read(file);
      if (text === undefined) continue;
      const definer = isBuildScriptName(file) || (text.includes('services') && text.includes('build')) || text.includes('RuntimeClass');
      if (definer) this.analyzer.learn(file, text, this.configFor(file));
    }
    // entries go to other workers without provenance: an edit is only ever made in a file one reads itself
    return {
      builds: this.analyzer.builds.entries().map(([f, list]) => [f, list.map((s) => ({ ...s, args: Object.fromEntries(Object.entries(s.args).map(([k, v]) => [k, { value: v.value }])) }))]),
      runtimeClasses: this.analyzer.runtimeClassEntries(),
    };
  }

  absorb(entries: IndexEntries): void {
    const mine = new Set(this.analyzer.builds.entries().map(([f]) => f));
    for (const [f, list] of entries.builds) if (!mine.has(f)) this.analyzer.builds.set(f, list);
    for (const [f, rcs] of entries.runtimeClasses) this.analyzer.setRuntimeClasses(f, rcs);
  }

  /** Phase 2: every file. */
  analyze(files: readonly string[], onProgress?: (done: number) => void): FileReport[] {
    const out: FileReport[] = [];
    files.forEach((file, i) => {
      const text = this.read(file);
      if (i % 100 === 0) onProgress?.(i);
      if (text === undefined) { this.problems.push({ path: file, message: 'cannot read file' }); return; }
      const r = this.analyzer.analyze(file, text, this.configFor(file));
      if (r) out.push(r);
      // a one-shot scan needs a text once more only if another file reads it (built Dockerfiles)
      if (!this.keep) this.cache.delete(file);
    });
    onProgress?.(files.length);
    return out;
  }

  private settingsFor(file: string): UserSettings {
    if (this.explicit) return this.explicit;
    const folder = path.dirname(file);
    let s = this.folderSettings.get(folder);
    if (!s) { s = this.nearestSettings(path.resolve(folder)); this.folderSettings.set(folder, s); }
    return s;
  }

  /** the settings of the nearest `.wincompat.yaml` at or above `start` */
  private nearestSettings(start: string): UserSettings {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (!this.dirSettings.has(dir)) {
        const f = path.join(dir, CONFIG_FILE_NAME);
        const loaded = fs.existsSync(f) ? this.loadSettings(f, false) : undefined;
        if (loaded?.images) this.analyzer.setConfiguredImages(f, loaded.images);
        this.dirSettings.set(dir, loaded);
      }
      const s = this.dirSettings.get(dir);
      if (s) return s;
      if (path.dirname(dir) === dir) return NO_SETTINGS;
    }
  }

  private loadSettings(file: string, explicit: boolean): UserSettings {
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
      if (explicit) throw new UsageError(`cannot read configuration ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      this.problems.push({ path: file, message: 'cannot read configuration' });
      return {};
    }
    const { settings, errors } = parseSettingsFile(text);
    for (const e of errors) this.problems.push({ path: file, message: e.message, range: e.range });
    if (errors.length && explicit) throw new UsageError(errors.map((e) => `${file}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}`).join('\n'));
    return settings;
  }
}
