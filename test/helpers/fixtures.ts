// Shared test helpers: where the repository and its fixtures are, an Analyzer that reads real files,
// configurations with a fixed date, and the fix plumbing (apply a fix, re-analyse) the tests repeat.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { Analyzer } from '../../server/src/engine/analysis/analyzer';
import { defaultConfig, type EngineConfig } from '../../server/src/engine/config/config';
import { buildConfig, CONFIG_FILE_NAME, parseSettingsFile, type UserSettings } from '../../server/src/engine/config/load-config';
import type { Diagnostic, Fix, FileReport, TextEdit } from '../../server/src/engine/types';
import { applyEdits } from '../../server/src/cli/apply-edits';

/** The fixed date every test judges lifecycle rules against. */
export const TODAY = '2026-12-04';

/**
 * The repository root. Compiled tests live in `out/test/<dir>/x.test.js`; this file in
 * `out/test/helpers/`, so the root is three levels up from here.
 */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** A path inside `test/fixtures` of the source tree (fixtures are not compiled). */
export function fixturePath(...parts: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...parts);
}

/** The default configuration (Windows Server 2022, process isolation) on TODAY. */
export function defaultTestConfig(): EngineConfig {
  return defaultConfig({ today: TODAY });
}

/** A configuration from settings, as `.wincompat.yaml` would give them, on TODAY. */
export function configFrom(settings: UserSettings): EngineConfig {
  return buildConfig([settings], TODAY);
}

/** Parses `.wincompat.yaml` text; fails the test on any settings error. */
export function configFromYaml(text: string, where = CONFIG_FILE_NAME): EngineConfig {
  const { settings, errors } = parseSettingsFile(text);
  assert.deepEqual(errors, [], `${where} has errors`);
  return configFrom(settings);
}

/** The nearest `.wincompat.yaml` between `dir` and `stopAt` (inclusive), else the default configuration. */
export function configForDir(dir: string, stopAt: string): EngineConfig {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const f = path.join(d, CONFIG_FILE_NAME);
    if (fs.existsSync(f)) return configFromYaml(fs.readFileSync(f, 'utf8'), f);
    if (d === path.resolve(stopAt) || path.dirname(d) === d) return defaultTestConfig();
  }
}

/** Reads workspace files from disk, with optional in-memory overrides (path → text). */
export function fsReader(overrides: Record<string, string> = {}): (p: string) => string | undefined {
  return (p) => {
    if (Object.prototype.hasOwnProperty.call(overrides, p)) return overrides[p];
    try { return fs.readFileSync(p, 'utf8'); } catch { return undefined; }
  };
}

/** A fresh Analyzer whose readFile reads the real file system (plus overrides). */
export function newAnalyzer(overrides: Record<string, string> = {}): Analyzer {
  return new Analyzer({ readFile: fsReader(overrides) });
}

/** Analyses one text with a fresh Analyzer; fails the test when the file is not one wincompat reads. */
export function analyzeText(file: string, text: string, config: EngineConfig = defaultTestConfig(), files: Record<string, string> = {}): FileReport {
  const report = newAnalyzer(files).analyze(file, text, config);
  assert.ok(report, `${file} is analysed`);
  return report;
}

/** Every file under `dir`, recursively (sorted), skipping dot files and dot folders. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full));
    else if (e.isFile()) out.push(full);
  }
  return out.sort();
}

/**
 * An Analyzer for a fixture folder that behaves like one over a workspace: it knows the images
 * that the support files in the folder's subfolders build (compose services with `image` and
 * `build`, build scripts) and the `images:` map of the `.wincompat.yaml` in effect, the way
 * `wincompat check` primes its analyzer before judging files.
 */
export function workspaceAnalyzer(dir: string, config: EngineConfig, configFile?: string): Analyzer {
  const analyzer = new Analyzer({ readFile: fsReader(), root: dir });
  if (configFile) {
    const { settings } = parseSettingsFile(fs.readFileSync(configFile, 'utf8'));
    if (settings.images) analyzer.setConfiguredImages(configFile, settings.images);
  }
  const support = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')) : [];
  for (const sub of support) {
    for (const file of filesUnder(path.join(dir, sub.name))) {
      if (analyzer.candidate(file)) analyzer.analyze(file, fs.readFileSync(file, 'utf8'), config);
    }
  }
  return analyzer;
}

/** The nearest `.wincompat.yaml` between `dir` and `stopAt` (inclusive), if any. */
export function configFileForDir(dir: string, stopAt: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const f = path.join(d, CONFIG_FILE_NAME);
    if (fs.existsSync(f)) return f;
    if (d === path.resolve(stopAt) || path.dirname(d) === d) return undefined;
  }
}

/** Analyses a file on disk. */
export function analyzeFile(file: string, config: EngineConfig = defaultTestConfig()): FileReport {
  return analyzeText(file, fs.readFileSync(file, 'utf8'), config);
}

export function codes(report: FileReport): string[] {
  return report.diagnostics.map((d) => d.code);
}

/** Short description of a report for assertion messages. */
export function describeReport(report: FileReport): string {
  const lines = report.diagnostics.map((d) => `  ${d.code} (${d.range.start.line + 1}:${d.range.start.character + 1}) ${d.message}`);
  for (const e of report.errors) lines.push(`  error: ${e.message}`);
  for (const i of report.images) lines.push(`  image ${i.ref} → ${i.resolved} (${i.os}, ${i.windowsBuild ?? i.windowsBuilds?.join('/') ?? '-'})`);
  return lines.join('\n') || '  (nothing)';
}

/** The one diagnostic with this code (fails when there is none or several). */
export function theDiagnostic(report: FileReport, code: string): Diagnostic {
  const found = report.diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected exactly one ${code}:\n${describeReport(report)}`);
  return found[0];
}

/** The fix of a kind attached to a diagnostic (fails when absent). */
export function fixOf(d: Diagnostic, kind: Fix['kind']): Fix {
  const f = d.fixes.find((x) => x.kind === kind);
  assert.ok(f, `${d.code} offers a ${kind} fix; it offers: ${d.fixes.map((x) => `${x.kind} "${x.title}"`).join(', ') || 'none'}`);
  return f;
}

/**
 * Applies a fix's edits to the texts they belong to: edits without `path` go to `file`, others to
 * their own file. Returns the new texts by path (only files the fix touches).
 */
export function applyFix(fix: Fix, file: string, texts: Record<string, string>): Record<string, string> {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of fix.edits) byFile.set(e.path ?? file, [...(byFile.get(e.path ?? file) ?? []), e]);
  const out: Record<string, string> = {};
  for (const [p, edits] of byFile) {
    const text = texts[p];
    assert.ok(text !== undefined, `the fix edits ${p}, which the test does not know`);
    out[p] = applyEdits(text, edits);
  }
  return out;
}

/** Asserts that every YAML document of `text` parses without error (duplicate keys count as errors). */
export function assertYamlParses(text: string, what: string): void {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  assert.ok(Array.isArray(docs), `${what}: not a YAML stream`);
  for (const d of docs) assert.deepEqual(d.errors.map((e) => e.message), [], `${what} parses as YAML`);
}

/** Files directly in a folder (sorted), skipping dot files; empty when the folder is absent. */
export function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

const tempDirs: string[] = [];

/** Copies a fixture folder to a fresh temporary directory (for tests that write, like `--fix`). */
export function tempCopy(src: string, prefix = 'wincompat-test-'): string {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), prefix));
  fs.cpSync(src, dir, { recursive: true });
  tempDirs.push(dir);
  return dir;
}

/** Removes every directory tempCopy made (call from an `after` hook). */
export function removeTempCopies(): void {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
