// `wincompat/checkWorkspace`: walks every workspace folder (respecting .gitignore and `exclude`),
// analyses every candidate file (open ones from their in-memory text), publishes diagnostics for
// all, reports progress and stops early when cancelled. `wincompat/report` returns the last summary.
import * as nodePath from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { walkAsync } from '../cli/walk';
import { isDockerfileName } from '../engine/analysis/file-kind';
import { isBuildScriptName } from '../engine/workspace/script-builds';
import type { EngineConfig } from '../engine/config/config';
import { targetBuildLabel } from '../engine/targets/target';
import type { FileReport } from '../engine/types';
import {
  CHECK_WORKSPACE_REQUEST, REPORT_REQUEST, type TargetSummary, type WorkspaceCheckParams, type WorkspaceCheckResult,
} from '../shared/protocol';
import type { ConfigurationProvider } from './configuration';
import { readDisk, type ServerContext } from './context';
import { severityCounts, toDiagnostics } from './convert';
import type { DiagnosticsScheduler } from './diagnostics';

export class WorkspaceCheck {
  last: WorkspaceCheckResult | null = null;
  /** a new check supersedes a running one */
  private runs = 0;

  constructor(private readonly ctx: ServerContext, private readonly config: ConfigurationProvider, private readonly scheduler: DiagnosticsScheduler) {}

  register(): void {
    const { connection } = this.ctx;
    connection.onRequest(CHECK_WORKSPACE_REQUEST, this.ctx.guard('checkWorkspace', emptyResult(true), (params: WorkspaceCheckParams | null, token) => this.run(params ?? {}, token)));
    connection.onRequest(REPORT_REQUEST, this.ctx.guard('report', null as WorkspaceCheckResult | null, () => this.last));
  }

  async run(params: WorkspaceCheckParams, token: CancellationToken): Promise<WorkspaceCheckResult> {
    const { connection } = this.ctx;
    const progress = params.workDoneToken !== undefined
      ? connection.window.attachWorkDoneProgress(params.workDoneToken)
      : await connection.window.createWorkDoneProgress();
    const progressToken = 'token' in progress ? (progress as { token: CancellationToken }).token : undefined;
    const run = ++this.runs;
    const cancelled = () => token.isCancellationRequested || Boolean(progressToken?.isCancellationRequested) || this.ctx.shuttingDown || run !== this.runs;
    progress.begin('Checking Windows container compatibility', 0, 'finding files', true);
    const summary = new Summary();
    const reached = new Set<string>();
    try {
      const files = await this.findFiles();
      // first what the workspace builds (compose files, scripts, CI, `.wincompat.yaml` images) and
      // its RuntimeClasses, so that a manifest naming a built image is judged by its Dockerfile
      if (!(await this.index(files, cancelled))) summary.cancelled = true;
      let lastPercent = -1;
      let lastYield = Date.now();
      for (let i = 0; i < files.length && !summary.cancelled; i++) {
        const percent = Math.floor((i * 100) / files.length);
        if (percent !== lastPercent || Date.now() - lastYield > 20) {
          if (percent !== lastPercent) progress.report(percent, `${i}/${files.length} files`);
          lastPercent = percent;
          await new Promise((r) => setImmediate(r)); // lets a cancellation arrive
          lastYield = Date.now();
        }
        if (cancelled()) { summary.cancelled = true; break; }
        const path = files[i];
        const uri = this.ctx.uriOf(path);
        reached.add(uri);
        const one = await this.checkFile(path, uri);
        if (one) summary.add(one.report, uri, one.config, toDiagnostics(one.report));
      }
      if (cancelled()) summary.cancelled = true;
      const previous = this.scheduler.checked;
      if (summary.cancelled) {
        for (const u of previous) reached.add(u);
      } else {
        for (const u of previous) {
          if (!reached.has(u) && !this.ctx.documents.get(u)) { this.scheduler.analyses.delete(u); this.scheduler.fromDisk.delete(u); this.scheduler.publish(u, null, []); }
        }
      }
      this.scheduler.checked = reached;
    } finally {
      progress.done();
    }
    this.last = summary.result();
    return this.last;
  }

  /** Phase 1 at start-up: learns what the workspace builds; true when it found anything. */
  async indexWorkspace(): Promise<boolean> {
    const files = await this.findFiles();
    await this.index(files, () => this.ctx.shuttingDown);
    return this.ctx.analyzer.builds.size > 0 || this.ctx.analyzer.runtimeClassEntries().length > 0;
  }

  /** analyses (without publishing) the files that define builds or RuntimeClasses; false when cancelled */
  private async index(files: readonly string[], cancelled: () => boolean): Promise<boolean> {
    let lastYield = Date.now();
    for (const path of files) {
      if (Date.now() - lastYield > 20) { await new Promise((r) => setImmediate(r)); lastYield = Date.now(); }
      if (cancelled()) return false;
      if (isDockerfileName(path, this.ctx.dockerfilePatterns)) continue;
      const text = this.ctx.readFile(path);
      if (text === undefined || !definesBuilds(path, text)) continue;
      const scope = this.scheduler.scopeOf(path);
      const resolved = this.config.resolveSync(scope, path) ?? await this.config.resolve(scope, path);
      this.scheduler.analyze(path, text, resolved.config);
    }
    return true;
  }

  /** candidate files of every workspace folder, each once */
  private async findFiles(): Promise<string[]> {
    const files = new Set<string>();
    for (const folder of this.ctx.folders) {
      const resolved = await this.config.resolve(this.ctx.uriOf(folder), nodePath.join(folder, '.wincompat-scope'));
      const excludes = [...resolved.settings.exclude, ...(resolved.fileSettings.exclude ?? [])];
      const walked = await walkAsync([folder], (f) => this.ctx.analyzer.candidate(f) && !this.config.isConfigFile(f), excludes, () => this.ctx.shuttingDown);
      for (const p of walked.problems) this.ctx.log(`wincompat: ${p.path}: ${p.message}`);
      for (const f of walked.files) files.add(nodePath.normalize(f));
    }
    return [...files];
  }

  /** analyses and publishes one file; undefined when it is not a wincompat file */
  private async checkFile(path: string, uri: string): Promise<{ report: FileReport; config: EngineConfig } | undefined> {
    if (this.ctx.documents.get(uri)) {
      await this.scheduler.validate(uri, undefined, false);
      const a = this.scheduler.analyses.get(uri);
      return a?.report ? { report: a.report, config: a.config } : undefined;
    }
    const text = readDisk(path);
    if (text === undefined) { this.ctx.log(`wincompat: cannot read ${path}`); return undefined; }
    const scope = this.scheduler.scopeOf(path);
    const resolved = this.config.resolveSync(scope, path) ?? await this.config.resolve(scope, path);
    const report = this.scheduler.analyze(path, text, resolved.config);
    const had = this.scheduler.analyses.has(uri);
    if (!report && !had) return undefined;
    const diagnostics = toDiagnostics(report);
    this.scheduler.analyses.set(uri, { uri, path, version: null, report, config: resolved.config, diagnostics });
    this.scheduler.fromDisk.add(uri);
    this.scheduler.publish(uri, null, diagnostics);
    return report ? { report, config: resolved.config } : undefined;
  }
}

class Summary {
  cancelled = false;
  private files = 0;
  private images = 0;
  private readonly diagnostics = { error: 0, warning: 0, information: 0, hint: 0 };
  private readonly targets = new Map<string, TargetSummary>();
  private readonly matrix: WorkspaceCheckResult['matrix'] = [];

  add(report: FileReport, uri: string, config: EngineConfig, diagnostics: Parameters<typeof severityCounts>[0]): void {
    this.files++;
    this.images += report.images.length;
    severityCounts(diagnostics, this.diagnostics);
    for (const t of config.targets) {
      if (!this.targets.has(t.name)) this.targets.set(t.name, { name: t.name, build: targetBuildLabel(t), isolation: t.isolation, process: 0, hyperv: 0, unsupported: 0, unknown: 0 });
    }
    for (const image of report.images) {
      for (const v of image.verdicts) {
        const t = this.targets.get(v.target);
        if (t) t[v.status]++;
      }
      this.matrix.push({ ref: image.ref, resolved: image.resolved, uri, range: image.range, verdicts: image.verdicts.map((v) => ({ target: v.target, status: v.status })) });
    }
  }

  result(): WorkspaceCheckResult {
    return { files: this.files, images: this.images, diagnostics: { ...this.diagnostics }, targets: [...this.targets.values()], matrix: this.matrix, cancelled: this.cancelled };
  }
}

/** a file that says which images the workspace builds, or holds RuntimeClasses (read before the others) */
export function definesBuilds(path: string, text: string): boolean {
  return isBuildScriptName(path) || (text.includes('services') && text.includes('build')) || text.includes('RuntimeClass');
}

function emptyResult(cancelled: boolean): WorkspaceCheckResult {
  return { files: 0, images: 0, diagnostics: { error: 0, warning: 0, information: 0, hint: 0 }, targets: [], matrix: [], cancelled };
}
