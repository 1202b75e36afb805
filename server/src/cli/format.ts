// Output formats of `wincompat check`: compiler-style text, the JSON contract, SARIF 2.1.0.
import * as path from 'node:path';
import type { EngineConfig } from '../engine/config/config';
import { RULES, ruleDocUrl } from '../engine/rules';
import { targetBuildLabel } from '../engine/targets/target';
import type { FileReport, Severity } from '../engine/types';
import type { CheckResult } from './check';

const rel = (p: string) => {
  const r = path.relative(process.cwd(), p);
  return (r && !r.startsWith('..') ? r : p).split(path.sep).join('/');
};

export function formatText(result: CheckResult, color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of result.reports) {
    const items = [
      ...r.errors.map((e) => ({ range: e.range, text: `${paint(31, 'error')} input ${e.message}` })),
      ...r.diagnostics.map((d) => { counts[d.severity]++; return { range: d.range, text: `${paint(sevColor[d.severity], d.severity)} ${d.code} ${d.message}` }; }),
    ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const i of items) lines.push(`${rel(r.path)}:${i.range.start.line + 1}:${i.range.start.character + 1}: ${i.text}`);
  }
  for (const p of result.problems) lines.push(`${rel(p.path)}${p.range ? `:${p.range.start.line + 1}:${p.range.start.character + 1}` : ''}: ${p.severity === 'warning' ? paint(33, 'warning') : paint(31, 'error')} input ${p.message}`);
  const images = result.reports.reduce((n, r) => n + r.images.length, 0);
  const targets = [...new Set(result.configs.flatMap((c) => c.targets.map((t) => `${t.name} ${targetBuildLabel(t)} ${t.isolation}`)))];
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  lines.push(`${n(result.reports.length, 'file')}, ${n(images, 'image')} checked against ${targets.join('; ')}: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${n(counts.information + counts.hint, 'note')}${result.fixed ? `; ${result.fixed} fix${result.fixed === 1 ? '' : 'es'} applied` : ''}`);
  return lines.join('\n');
}

export function toJson(result: CheckResult) {
  return {
    targets: uniqueTargets(result.configs),
    files: result.reports.map((r) => ({ ...r, path: rel(r.path), ...relEdits(r), errors: [...r.errors, ...result.problems.filter((p) => p.path === r.path).map((p) => ({ message: p.message, range: p.range ?? zero }))] }))
      .concat(orphanProblems(result)),
  };
}

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function orphanProblems(result: CheckResult): FileReport[] {
  const known = new Set(result.reports.map((r) => r.path));
  const byPath = new Map<string, FileReport>();
  for (const p of result.problems) {
    if (known.has(p.path)) continue;
    const r = byPath.get(p.path) ?? { path: rel(p.path), kind: 'dockerfile' as const, images: [], diagnostics: [], errors: [] };
    r.errors.push({ message: p.message, range: p.range ?? zero });
    byPath.set(p.path, r);
  }
  return [...byPath.values()];
}

function uniqueTargets(configs: EngineConfig[]) {
  const seen = new Map<string, { name: string; build: string; isolation: string }>();
  for (const c of configs) for (const t of c.targets) {
    const v = { name: t.name, build: targetBuildLabel(t), isolation: t.isolation };
    seen.set(JSON.stringify(v), v);
  }
  return [...seen.values()];
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(result: CheckResult, version: string) {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const region = (r: FileReport['diagnostics'][number]['range']) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });
  const results = result.reports.flatMap((f) => f.diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code),
    level: SARIF_LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: rel(f.path), uriBaseId: '%SRCROOT%' }, region: region(d.range) } }],
    ...(d.fixes.length ? {
      fixes: d.fixes.map((fx) => ({
        description: { text: fx.title },
        artifactChanges: [...groupEdits(fx.edits, f.path)].map(([p, edits]) => ({
          artifactLocation: { uri: rel(p), uriBaseId: '%SRCROOT%' },
          replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        })),
      })),
    } : {}),
  })));
  const notifications = [...result.reports.flatMap((f) => f.errors.map((e) => ({ path: f.path, message: e.message, range: e.range }))), ...result.problems].map((p) => ({
    level: 'error', message: { text: p.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: rel(p.path), uriBaseId: '%SRCROOT%' }, ...(p.range ? { region: region(p.range) } : {}) } }],
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'wincompat', version, informationUri: 'https://github.com/wincompat/wincompat',
        rules: RULES.map((r) => ({ id: r.id, name: r.id, shortDescription: { text: r.summary }, fullDescription: { text: r.description }, helpUri: ruleDocUrl(r.id), defaultConfiguration: { level: SARIF_LEVEL[r.severity] } })),
      } },
      originalUriBaseIds: { '%SRCROOT%': { uri: `file://${process.cwd().split(path.sep).join('/')}/` } },
      results,
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    }],
  };
}

function groupEdits(edits: FileReport['diagnostics'][number]['fixes'][number]['edits'], file: string) {
  const m = new Map<string, typeof edits>();
  for (const e of edits) { const p = e.path ?? file; m.set(p, [...(m.get(p) ?? []), e]); }
  return m;
}

/** edit paths in the JSON are relative like file paths */
function relEdits(r: FileReport): Pick<FileReport, 'images' | 'diagnostics'> {
  const fix = (f: FileReport['diagnostics'][number]['fixes'][number]) => ({ ...f, edits: f.edits.map((e) => (e.path ? { ...e, path: rel(e.path) } : e)) });
  return {
    images: r.images.map((i) => ({ ...i, fixes: i.fixes.map(fix) })),
    diagnostics: r.diagnostics.map((d) => ({ ...d, fixes: d.fixes.map(fix) })),
  };
}
