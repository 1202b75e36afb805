// The `wincompat.*` editor settings: declared once here, read by the language server and by the
// VS Code client (which contributes the same keys in package.json). No runtime dependencies, so both
// bundles can import it.

export type SettingSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type IsolationSetting = 'process' | 'hyperv';

export interface TargetSetting {
  /** a build (`10.0.20348`, `17763`) or a release alias (`ltsc2022`, `ws2025`, `win11-24h2`) */
  host: string;
  isolation?: IsolationSetting;
  /** shown in messages and the report */
  name?: string;
}

export interface WincompatSettings {
  /** empty: the engine's default (Windows Server 2022, process isolation) unless `.wincompat.yaml` says otherwise */
  targets: TargetSetting[];
  /** isolation of targets that do not set their own */
  isolation: IsolationSetting;
  /** severity per rule id */
  severities: Record<string, SettingSeverity>;
  /** extra file-name globs read as Dockerfiles */
  dockerfilePatterns: string[];
  /** globs the workspace check skips (.gitignore is always respected) */
  exclude: string[];
  /** files larger than this are reported, not analysed */
  maxFileSizeMB: number;
  /** delay after a change before diagnostics are published; 0 publishes at once */
  debounceMs: number;
  /** Swarm node label that carries the Windows build */
  swarmBuildLabel: string;
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const SETTINGS_SECTION = 'wincompat';

export const DEFAULT_SETTINGS: WincompatSettings = {
  targets: [],
  isolation: 'process',
  severities: {},
  dockerfilePatterns: [],
  exclude: ['**/node_modules/**', '**/.git/**'],
  maxFileSizeMB: 20,
  debounceMs: 50,
  swarmBuildLabel: 'OsVersion',
  trace: { server: 'off' },
};

/**
 * Settings as a client sent them (any shape, possibly partial or wrong) → complete settings.
 * Wrongly typed values fall back to the default; values are not otherwise validated here.
 */
export function normalizeSettings(raw: unknown): WincompatSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const strings = (v: unknown, def: string[]) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : def);
  const num = (v: unknown, def: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : def);
  const targets = Array.isArray(r.targets)
    ? r.targets.flatMap((t): TargetSetting[] => {
      if (typeof t === 'string') return [{ host: t }];
      if (t && typeof t === 'object' && typeof (t as TargetSetting).host === 'string') {
        const { host, isolation, name } = t as TargetSetting;
        return [{ host, ...(isolation ? { isolation } : {}), ...(typeof name === 'string' ? { name } : {}) }];
      }
      return [];
    })
    : d.targets;
  const trace = r.trace && typeof r.trace === 'object' ? (r.trace as { server?: unknown }).server : undefined;
  return {
    targets,
    isolation: r.isolation === 'hyperv' || r.isolation === 'process' ? r.isolation : d.isolation,
    severities: r.severities && typeof r.severities === 'object' && !Array.isArray(r.severities) ? { ...(r.severities as Record<string, SettingSeverity>) } : {},
    dockerfilePatterns: strings(r.dockerfilePatterns, d.dockerfilePatterns),
    exclude: strings(r.exclude, d.exclude),
    maxFileSizeMB: num(r.maxFileSizeMB, d.maxFileSizeMB) || d.maxFileSizeMB,
    debounceMs: num(r.debounceMs, d.debounceMs),
    swarmBuildLabel: typeof r.swarmBuildLabel === 'string' && r.swarmBuildLabel ? r.swarmBuildLabel : d.swarmBuildLabel,
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}
