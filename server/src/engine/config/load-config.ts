// `.wincompat.yaml` → configuration, validated with located messages; merged over editor settings
// and the embedded default (targets: Windows Server 2022, process isolation).
import { isMap, isSeq, parseDocument } from 'yaml';
import { RULES_BY_ID } from '../rules';
import { parseTarget, TargetError, type TargetSpec } from '../targets/target';
import { LineIndex } from '../text/line-index';
import type { FileError, Severity } from '../types';
import { defaultConfig, DEFAULT_LIMITS, type EngineConfig, type Limits } from './config';

export const CONFIG_FILE_NAME = '.wincompat.yaml';
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/** The settings a user can write, in `.wincompat.yaml` or the editor's `wincompat.*` settings. */
export interface UserSettings {
  targets?: Array<TargetSpec | string>;
  isolation?: 'process' | 'hyperv';
  severities?: Record<string, string>;
  swarmBuildLabel?: string;
  limits?: Partial<Limits>;
  dockerfilePatterns?: string[];
  exclude?: string[];
  /** images the workspace builds: name → Dockerfile (issue 5) */
  images?: Record<string, string | { dockerfile: string; target?: string; args?: Record<string, string> }>;
}

export interface LoadedSettings { settings: UserSettings; errors: FileError[] }

export function parseSettingsFile(text: string): LoadedSettings {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false });
  const errors: FileError[] = doc.errors.map((e) => ({ message: e.message.split('\n')[0], range: lines.range(e.pos[0], e.pos[1]) }));
  if (errors.length) return { settings: {}, errors };
  const root = doc.contents;
  if (root && !isMap(root)) return { settings: {}, errors: [{ message: 'the configuration must be a mapping', range: lines.range(0, 1) }] };
  const settings = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as UserSettings;
  const at = (path: (string | number)[]) => {
    const node = doc.getIn(path, true) as { range?: [number, number] } | undefined;
    return node?.range ? lines.range(node.range[0], node.range[1]) : lines.range(0, 0);
  };
  const targets = doc.get('targets', true);
  if (targets !== undefined && !isSeq(targets)) errors.push({ message: '`targets` must be a list', range: at(['targets']) });
  for (const e of validateSettings(settings)) errors.push({ message: e.message, range: at(e.path) });
  return { settings, errors };
}

/** Checks user settings; each problem names the path of the offending value. */
export function validateSettings(s: UserSettings): Array<{ message: string; path: (string | number)[] }> {
  const out: Array<{ message: string; path: (string | number)[] }> = [];
  (Array.isArray(s.targets) ? s.targets : []).forEach((t, i) => {
    try { parseTarget(typeof t === 'string' ? t : { ...t, host: String((t as TargetSpec).host ?? '') }); }
    catch (e) { out.push({ message: `targets[${i}]: ${(e as Error).message}`, path: ['targets', i] }); }
  });
  for (const [id, sev] of Object.entries(s.severities ?? {})) {
    if (!RULES_BY_ID.has(id)) out.push({ message: `unknown rule \`${id}\``, path: ['severities', id] });
    else if (!SEVERITIES.includes(String(sev))) out.push({ message: `severity of \`${id}\` must be one of ${SEVERITIES.join(', ')}`, path: ['severities', id] });
  }
  if (s.isolation !== undefined && s.isolation !== 'process' && s.isolation !== 'hyperv') out.push({ message: '`isolation` must be process or hyperv', path: ['isolation'] });
  for (const [k, v] of Object.entries(s.limits ?? {})) {
    if (!(k in DEFAULT_LIMITS)) out.push({ message: `unknown limit \`${k}\``, path: ['limits', k] });
    else if (typeof v !== 'number' || !(v > 0)) out.push({ message: `limit \`${k}\` must be a positive number`, path: ['limits', k] });
  }
  return out;
}

/**
 * Merges layers, later ones winning field by field: editor settings, then `.wincompat.yaml`, then
 * command-line flags. Invalid values are skipped (their errors are reported by the caller).
 */
export function buildConfig(layers: UserSettings[], today?: string): EngineConfig {
  const merged: UserSettings = {};
  for (const l of layers) {
    for (const [k, v] of Object.entries(l)) {
      if (v === undefined || v === null) continue;
      if ((k === 'severities' || k === 'limits') && typeof v === 'object') (merged as Record<string, unknown>)[k] = { ...((merged as Record<string, object>)[k] ?? {}), ...v };
      else if (!(Array.isArray(v) && v.length === 0 && k === 'targets')) (merged as Record<string, unknown>)[k] = v;
    }
  }
  const config = defaultConfig(today ? { today } : {});
  if (merged.targets?.length) {
    const targets = [];
    for (const spec of merged.targets) {
      try {
        const s = typeof spec === 'string' ? spec : { ...spec, isolation: spec.isolation ?? merged.isolation };
        // a string with its own isolation (`ltsc2022:hyperv`) keeps it; `isolation` is for the others
        const t = parseTarget(typeof s === 'string' && merged.isolation && !/[:@](?:process|hyperv)\s*$/i.test(s) ? { host: s, isolation: merged.isolation } : s);
        targets.push(t);
      } catch (e) { if (!(e instanceof TargetError)) throw e; }
    }
    if (targets.length) config.targets = targets;
  } else if (merged.isolation) {
    config.targets = config.targets.map((t) => ({ ...t, isolation: merged.isolation! }));
  }
  for (const [id, sev] of Object.entries(merged.severities ?? {})) {
    if (RULES_BY_ID.has(id) && SEVERITIES.includes(sev)) config.severities[id] = sev as Severity | 'off';
  }
  if (merged.swarmBuildLabel) config.swarmBuildLabel = merged.swarmBuildLabel;
  for (const [k, v] of Object.entries(merged.limits ?? {})) if (k in DEFAULT_LIMITS && typeof v === 'number' && v > 0) (config.limits as unknown as Record<string, number>)[k] = v;
  return config;
}
