// The engine's configuration, already merged from `.wincompat.yaml`, editor settings and defaults
// (see load-config.ts). One object, passed to every analysis: nothing reads settings elsewhere.
import type { Severity } from '../types';
import { DEFAULT_TARGETS, parseTarget, type Target } from '../targets/target';

export interface Limits {
  /** files larger than this are reported, not parsed */
  maxFileBytes: number;
  /** YAML documents per file */
  maxDocuments: number;
  /** alias references followed per YAML document */
  maxAliasHops: number;
  /** nesting levels of a YAML document (indentation and flow brackets) */
  maxNestingDepth: number;
  /** characters on one line that is parsed (Dockerfile lines; YAML lines that are read) */
  maxLineLength: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxDocuments: 20000,
  maxAliasHops: 10000,
  // Kubernetes CRD schemas, the deepest YAML people write, stay well under 100 levels; the
  // parser's own recursion fails in the thousands
  maxNestingDepth: 256,
  maxLineLength: 100000,
};

export interface EngineConfig {
  targets: Target[];
  /** per-rule severity overrides; `off` silences a rule */
  severities: Record<string, Severity | 'off'>;
  /** the Swarm node label that carries the Windows build (Microsoft's guide: `OsVersion`) */
  swarmBuildLabel: string;
  /** today's date (YYYY-MM-DD) for lifecycle rules; fixed in tests */
  today: string;
  /** releases whose support ends within this many days are flagged */
  supportWarningDays: number;
  limits: Limits;
}

export function defaultConfig(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return {
    targets: DEFAULT_TARGETS.map((t) => parseTarget(t)),
    severities: {},
    swarmBuildLabel: 'OsVersion',
    today: new Date().toISOString().slice(0, 10),
    supportWarningDays: 90,
    limits: { ...DEFAULT_LIMITS },
    ...overrides,
  };
}
