// Diagnostics scheduling. Open documents are analysed from their in-memory text, debounced per
// document (`wincompat.debounceMs`; 0 = at once); a newer change cancels a pending run and a run
// whose document moved on publishes nothing. A change to a file re-judges the compose files that
// read it (Analyzer.dependencies). Files of a workspace check keep disk-based diagnostics when
// they are closed.
import { FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver/node';
import type { EngineConfig } from '../engine/config/config';
import type { FileReport } from '../engine/types';
import type { LinesText, TextChange } from '../engine/yaml/patch';
import { DEFAULT_SETTINGS } from '../shared/settings';
import type { ConfigurationProvider } from './configuration';
import { readDisk, type ServerContext } from './context';
import { toDiagnostics } from './convert';
import { definesBuilds } from './workspace-check';

export interface Analysis {
  uri: string;
  path: string;
  /** document version; null for a file read from disk */
  version: number | null;
  report: FileReport | undefined;
  config: EngineConfig;
  diagnostics: Diagnostic[];
}

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private revalidation = 0;
  /** the last analysis of each published URI */
  readonly analyses = new Map<string, Analysis>();
  /** per open document, the version the engine last analysed (its change events start there) */
  private readonly analysed = new Map<string, number>();
  /** URIs whose published diagnostics come from disk (not open) */
  readonly fromDisk = new Set<string>();
  /** URIs of the files the last workspace check analysed */
  checked = new Set<string>();
  /** runs before a re-validation of everything (server.ts: refresh the Dockerfile name patterns) */
  beforeRevalidate?: () => Promise<unknown>;

  constructor(private readonly ctx: ServerContext, private readonly config: ConfigurationProvider) {}

  /** a document was opened: analyse at once */
  opened(uri: string): void {
    this.cancel(uri);
    void this.validate(uri, this.bump(uri));
  }

  /** a document changed: analyse after the debounce delay, or now when it is 0 */
  changed(uri: string): void {
    this.cancel(uri);
    const gen = this.bump(uri);
    const delay = this.config.editorSync(uri)?.debounceMs ?? DEFAULT_SETTINGS.debounceMs;
    if (delay <= 0) { void this.validate(uri, gen); return; }
    this.timers.set(uri, setTimeout(() => { this.timers.delete(uri); void this.validate(uri, gen); }, delay));
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.bump(uri);
    this.analysed.delete(uri);
    this.ctx.edits.forget(uri);
    const path = this.ctx.pathOf(uri);
    if (!path) { this.publish(uri, null, []); return; }
    if (this.config.isConfigFile(path)) { this.config.reload(path); this.revalidateAll(); return; }
    if (this.checked.has(uri)) {
      void this.publishFromDisk(path);
    } else {
      this.analyses.delete(uri);
      this.ctx.analyzer.forget(path);
      this.publish(uri, null, []);
    }
    // the compose files that build it now read the file on disk again
    this.rejudgeDependents(path);
  }

  /** analyses an open document and publishes, unless a newer change came meanwhile */
  async validate(uri: string, gen = this.bump(uri), dependents = true, onlyIfChanged = false): Promise<void> {
    const doc = this.ctx.documents.get(uri);
    const path = this.ctx.pathOf(uri);
    if (!doc || !path || this.ctx.shuttingDown) return;
    if (this.config.isConfigFile(path)) { this.config.reload(path); this.revalidateAll(); return; }
    const version = doc.version;
    const resolved = this.config.resolveSync(uri, path) ?? await this.config.resolve(uri, path);
    if (gen !== this.generation.get(uri) || this.ctx.documents.get(uri)?.version !== version) return;
    const changes = this.ctx.edits.take(uri, this.analysed.get(uri), version);
    // the document itself, not its text: the typing path reads only the lines an edit touched
    const report = this.analyze(path, doc, resolved.config, changes);
    this.analysed.set(uri, version);
    const diagnostics = toDiagnostics(report);
    const last = this.analyses.get(uri);
    this.analyses.set(uri, { uri, path, version, report, config: resolved.config, diagnostics });
    this.fromDisk.delete(uri);
    if (onlyIfChanged && last?.version === version && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics)) return;
    this.publish(uri, version, diagnostics);
    if (dependents) this.rejudgeDependents(path);
  }

  /** analyses a file that is not open from its text on disk and publishes */
  async publishFromDisk(path: string, onlyIfChanged = false): Promise<Analysis | undefined> {
    const uri = this.ctx.uriOf(path);
    if (this.ctx.documents.get(uri)) { await this.validate(uri, this.bump(uri), false, onlyIfChanged); return this.analyses.get(uri); }
    const gen = this.bump(uri);
    const text = readDisk(path);
    if (text === undefined) {
      this.ctx.analyzer.forget(path);
      this.forget(uri);
      return undefined;
    }
    const resolved = await this.config.resolve(this.scopeOf(path), path);
    if (gen !== this.generation.get(uri) || this.ctx.documents.get(uri) || this.ctx.shuttingDown) return undefined;
    const report = this.analyze(path, text, resolved.config);
    const diagnostics = toDiagnostics(report);
    const analysis: Analysis = { uri, path, version: null, report, config: resolved.config, diagnostics };
    const last = this.analyses.get(uri);
    this.analyses.set(uri, analysis);
    this.fromDisk.add(uri);
    if (onlyIfChanged && last?.version === null && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics)) return analysis;
    this.publish(uri, null, diagnostics);
    return analysis;
  }

  /** the analysis of the current text of an open document (made now if the last one is older) */
  async current(uri: string): Promise<Analysis | undefined> {
    const doc = this.ctx.documents.get(uri);
    const path = this.ctx.pathOf(uri);
    if (!doc || !path) return undefined;
    const last = this.analyses.get(uri);
    if (last && last.version === doc.version) return last;
    const resolved = this.config.resolveSync(uri, path) ?? await this.config.resolve(uri, path);
    const now = this.ctx.documents.get(uri);
    if (!now) return undefined;
    const report = this.analyze(path, now.getText(), resolved.config);
    this.analysed.set(uri, now.version);
    return { uri, path, version: now.version, report, config: resolved.config, diagnostics: toDiagnostics(report) };
  }

  /** re-judges the compose files that read `path` (open, or published from disk) */
  rejudgeDependents(path: string): void {
    const composeFiles = [...this.ctx.analyzer.dependencies].filter(([f, deps]) => f !== path && deps.includes(path)).map(([f]) => f);
    for (const f of composeFiles) {
      const uri = this.ctx.uriOf(f);
      if (this.ctx.documents.get(uri)) { this.cancel(uri); void this.validate(uri, this.bump(uri), false); }
      else if (this.fromDisk.has(uri)) void this.publishFromDisk(f);
    }
  }

  /**
   * Settings or a `.wincompat.yaml` changed: every open document, then every file published from
   * disk. `onlyIfChanged` (what the workspace builds changed): publish only what differs.
   */
  revalidateAll(onlyIfChanged = false): void {
    const run = ++this.revalidation;
    const hook = onlyIfChanged ? undefined : this.beforeRevalidate;
    if (hook) {
      // the Dockerfile patterns may have changed with the settings: learn them first
      void hook().then(() => { if (run === this.revalidation) this.revalidateNow(run, false); }, (e) => this.ctx.error('wincompat: reading settings failed', e));
    } else {
      this.revalidateNow(run, onlyIfChanged);
    }
  }

  private revalidateNow(run: number, onlyIfChanged: boolean): void {
    for (const doc of this.ctx.documents.all()) {
      const path = this.ctx.pathOf(doc.uri);
      if (!path || this.config.isConfigFile(path)) continue;
      this.cancel(doc.uri);
      void this.validate(doc.uri, this.bump(doc.uri), false, onlyIfChanged);
    }
    const disk = [...this.fromDisk].map((u) => this.analyses.get(u)?.path).filter((p): p is string => Boolean(p));
    void (async () => {
      for (let i = 0; i < disk.length; i++) {
        if (run !== this.revalidation || this.ctx.shuttingDown) return;
        await this.publishFromDisk(disk[i], onlyIfChanged);
        if (i % 50 === 49) await new Promise((r) => setImmediate(r));
      }
    })().catch((e) => this.ctx.error('wincompat: re-judging files failed', e));
  }

  /** workspace/didChangeWatchedFiles */
  filesChanged(changes: FileEvent[]): void {
    let configChanged = false;
    let buildsChanged = false;
    for (const c of changes) {
      const path = this.ctx.pathOf(c.uri);
      if (!path) continue;
      if (this.config.isConfigFile(path)) {
        if (c.type !== FileChangeType.Changed) this.config.forgetAll();
        this.config.reload(path);
        configChanged = true;
        continue;
      }
      const uri = this.ctx.uriOf(path);
      if (this.ctx.documents.get(uri)) continue; // the editor's text wins over the disk
      const builds = this.buildsOf(path);
      if (c.type === FileChangeType.Deleted) {
        this.ctx.analyzer.forget(path);
        if (this.analyses.has(uri)) this.forget(uri);
      } else if (this.fromDisk.has(uri)) {
        void this.publishFromDisk(path);
      } else {
        const text = readDisk(path);
        const resolved = this.config.resolveSync(this.scopeOf(path), path);
        // a file that is not published may still say what the workspace builds
        if (text !== undefined && resolved && this.ctx.analyzer.candidate(path) && definesBuilds(path, text)) this.analyze(path, text, resolved.config);
      }
      if (this.buildsOf(path) !== builds) buildsChanged = true;
      this.rejudgeDependents(path);
    }
    if (configChanged) this.revalidateAll();
    else if (buildsChanged) this.revalidateAll(true);
  }

  /** the engine, guarded: an exception is logged and the file reported as not analysed */
  analyze(path: string, text: string | LinesText, config: EngineConfig, changes?: TextChange[]): FileReport | undefined {
    try {
      return this.ctx.analyzer.analyze(path, text, config, changes);
    } catch (e) {
      this.ctx.error(`wincompat: analysing ${path} failed`, e);
      this.ctx.analyzer.forget(path);
      return undefined;
    }
  }

  publish(uri: string, version: number | null, diagnostics: Diagnostic[]): void {
    if (this.ctx.shuttingDown) return;
    this.ctx.connection.sendDiagnostics({ uri, version: version ?? undefined, diagnostics })
      .catch((e) => this.ctx.error('wincompat: publishing diagnostics failed', e));
  }

  /** the scope whose editor settings apply to a file that is not open: its workspace folder */
  scopeOf(path: string): string | undefined {
    const folder = this.ctx.folderOf(path);
    return folder ? this.ctx.uriOf(folder) : undefined;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.revalidation++;
  }

  /** what a file says the workspace builds, for comparison */
  private buildsOf(path: string): string {
    return JSON.stringify(this.ctx.analyzer.builds.entries().find(([f]) => f === path)?.[1] ?? []);
  }

  private forget(uri: string): void {
    this.analyses.delete(uri);
    this.fromDisk.delete(uri);
    this.checked.delete(uri);
    this.publish(uri, null, []);
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) { clearTimeout(t); this.timers.delete(uri); }
  }

  private bump(uri: string): number {
    const g = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, g);
    return g;
  }
}
