// Configuration: the editor's `wincompat.*` settings (pulled per document scope with
// workspace/configuration when the client can answer it, else taken from didChangeConfiguration),
// merged with the nearest `.wincompat.yaml` (walking up from the document's folder to its workspace
// folder's root) by the engine's buildConfig([editor, file]). A `.wincompat.yaml` with errors gets
// them as diagnostics and its last good content stays in use.
import * as nodePath from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { EngineConfig } from '../engine/config/config';
import { buildConfig, CONFIG_FILE_NAME, parseSettingsFile, validateSettings, type UserSettings } from '../engine/config/load-config';
import type { FileError } from '../engine/types';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type WincompatSettings } from '../shared/settings';
import type { ServerContext } from './context';

export interface ResolvedConfig {
  config: EngineConfig;
  /** the editor settings of the scope */
  settings: WincompatSettings;
  /** the `.wincompat.yaml` in use, if any, and its settings */
  configFile?: string;
  fileSettings: UserSettings;
}

interface ConfigFile { settings: UserSettings; errors: FileError[] }

export class ConfigurationProvider {
  private readonly editor = new Map<string, WincompatSettings>();
  private readonly inflight = new Map<string, Promise<WincompatSettings>>();
  private pushed: WincompatSettings = DEFAULT_SETTINGS;
  /** `.wincompat.yaml` path → parsed content (null: no such file) */
  private readonly files = new Map<string, ConfigFile | null>();
  private readonly lastGood = new Map<string, UserSettings>();
  /** config files whose errors are published */
  private readonly withErrors = new Set<string>();
  private readonly configs = new Map<string, EngineConfig>();
  private readonly warned = new Set<string>();
  /** bumps on every settings change: answers to older workspace/configuration requests are not cached */
  private epoch = 0;

  constructor(private readonly ctx: ServerContext) {}

  /** editor settings of a scope if known now (always, when the client pushes settings) */
  editorSync(scopeUri?: string): WincompatSettings | undefined {
    if (!this.ctx.support.configuration) return this.pushed;
    return this.editor.get(scopeUri ?? '');
  }

  async editorSettings(scopeUri?: string): Promise<WincompatSettings> {
    const cached = this.editorSync(scopeUri);
    if (cached) return cached;
    const key = scopeUri ?? '';
    let pending = this.inflight.get(key);
    if (!pending) {
      const epoch = this.epoch;
      pending = this.ctx.connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
        .then((raw) => normalizeSettings(raw), (e) => { this.ctx.error('wincompat: workspace/configuration failed', e); return DEFAULT_SETTINGS; })
        .then((s) => {
          if (epoch === this.epoch) { this.editor.set(key, s); this.inflight.delete(key); }
          return s;
        });
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** workspace/didChangeConfiguration: pulled settings are stale; pushed ones replace the old */
  settingsChanged(pushed: unknown): void {
    this.epoch++;
    this.editor.clear();
    this.inflight.clear();
    this.warned.clear();
    if (!this.ctx.support.configuration) {
      const section = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
      this.pushed = normalizeSettings(section);
    }
  }

  /** the configuration of a file, if everything it needs is known now (no request to the client) */
  resolveSync(scopeUri: string | undefined, path: string): ResolvedConfig | undefined {
    const editor = this.editorSync(scopeUri);
    return editor && this.build(path, editor);
  }

  async resolve(scopeUri: string | undefined, path: string): Promise<ResolvedConfig> {
    return this.resolveSync(scopeUri, path) ?? this.build(path, await this.editorSettings(scopeUri));
  }

  private build(path: string, editor: WincompatSettings): ResolvedConfig {
    const configFile = this.configFileFor(path);
    const fileSettings = (configFile && this.files.get(configFile)?.settings) || {};
    const editorLayer = toUserSettings(editor, Boolean(fileSettings.targets?.length));
    const key = JSON.stringify([editorLayer, fileSettings]);
    let config = this.configs.get(key);
    if (!config) {
      for (const p of validateSettings(editorLayer)) this.warnOnce(`wincompat: setting wincompat.${p.path.join('.')}: ${p.message} (ignored)`);
      if (this.configs.size > 200) this.configs.clear();
      config = buildConfig([editorLayer, fileSettings], this.ctx.today);
      this.configs.set(key, config);
    }
    return { config, settings: editor, configFile, fileSettings };
  }

  /** the nearest `.wincompat.yaml`, from the file's folder up to its workspace folder's root */
  configFileFor(path: string): string | undefined {
    const root = this.ctx.folderOf(path);
    for (let dir = nodePath.dirname(path); ; dir = nodePath.dirname(dir)) {
      const f = nodePath.join(dir, CONFIG_FILE_NAME);
      if (this.load(f)) return f;
      if (!root || dir === root || nodePath.dirname(dir) === dir) return undefined;
    }
  }

  isConfigFile(path: string): boolean {
    return nodePath.basename(path) === CONFIG_FILE_NAME;
  }

  /** a `.wincompat.yaml` changed (edited, saved, created or deleted): parse it again, publish its errors */
  reload(path: string): void {
    this.files.delete(path);
    this.load(path);
  }

  /** a `.wincompat.yaml` appeared or disappeared somewhere: forget every lookup */
  forgetAll(): void {
    this.files.clear();
  }

  private load(path: string): ConfigFile | null {
    const known = this.files.get(path);
    if (known !== undefined) return known;
    const text = this.ctx.readFile(path);
    if (text === undefined) {
      this.files.set(path, null);
      if (this.lastGood.has(path)) this.ctx.analyzer.setConfiguredImages(path, undefined);
      this.lastGood.delete(path);
      if (this.withErrors.delete(path)) this.publish(path, [], false);
      return null;
    }
    const parsed = parseSettingsFile(text);
    const previous = this.lastGood.get(path);
    const settings = parsed.errors.length ? previous ?? {} : parsed.settings;
    if (!parsed.errors.length) this.lastGood.set(path, settings);
    const entry: ConfigFile = { settings, errors: parsed.errors };
    this.files.set(path, entry);
    // `images:` name the Dockerfiles that build the workspace's own images
    this.ctx.analyzer.setConfiguredImages(path, settings.images);
    if (parsed.errors.length) this.withErrors.add(path);
    if (parsed.errors.length || this.withErrors.delete(path) || this.ctx.documents.get(this.ctx.uriOf(path))) {
      this.publish(path, parsed.errors, previous !== undefined);
    }
    return entry;
  }

  private publish(path: string, errors: FileError[], keptPrevious: boolean): void {
    const uri = this.ctx.uriOf(path);
    const doc = this.ctx.documents.get(uri);
    const diagnostics: Diagnostic[] = errors.map((e) => ({
      range: e.range, message: `${e.message}${keptPrevious ? ' (the last valid configuration stays in use)' : ' (this file is ignored until it is valid)'}`,
      severity: DiagnosticSeverity.Error, source: 'wincompat', code: 'config',
    }));
    void this.ctx.connection.sendDiagnostics({ uri, version: doc?.version, diagnostics }).catch(() => undefined);
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.ctx.log(message);
    // a setting that is ignored must not go unnoticed: tell the user once, where they look
    this.ctx.connection.window.showWarningMessage(message);
  }
}

/** editor settings as the engine's first configuration layer */
function toUserSettings(s: WincompatSettings, fileHasTargets: boolean): UserSettings {
  const u: UserSettings = {
    severities: s.severities as Record<string, string>,
    swarmBuildLabel: s.swarmBuildLabel,
    limits: { maxFileBytes: Math.round(s.maxFileSizeMB * 1024 * 1024) },
    dockerfilePatterns: s.dockerfilePatterns,
    exclude: s.exclude,
  };
  if (s.targets.length) u.targets = s.targets.map((t) => ({ ...t }));
  // the editor's isolation default must not override the release defaults of `.wincompat.yaml` targets
  if (s.targets.length || !fileHasTargets) u.isolation = s.isolation;
  return u;
}
