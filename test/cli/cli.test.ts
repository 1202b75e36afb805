// The `wincompat` command line, run as a user runs it: `node dist/cli.js check …` in a temporary
// copy of a fixture workspace. `npm test` builds dist/ before the tests; when it is missing or older
// than the sources (tests run with `tsc && node --test` only), it is built here once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine/rules';
import { filesUnder, fixturePath, removeTempCopies, REPO_ROOT, tempCopy } from '../helpers/fixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

interface Run { code: number | null; stdout: string; stderr: string }

function run(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  assert.equal(r.error, undefined, `could not run the CLI: ${r.error?.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(r: Run): JsonReport {
  try { return JSON.parse(r.stdout) as JsonReport; } catch { assert.fail(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`); }
}

interface JsonPosition { line: number; character: number }
interface JsonRange { start: JsonPosition; end: JsonPosition }
interface JsonReport {
  targets: Array<{ name: string; build: string; isolation: string }>;
  files: Array<{
    path: string; kind: string;
    images: Array<{ ref: string; resolved: string; range: JsonRange; os: string; windowsBuild: string | null; verdicts: Array<{ target: string; status: string }>; fixes: unknown[] }>;
    diagnostics: Array<{ code: string; severity: string; message: string; range: JsonRange; fixes: Array<{ kind: string; title: string; edits: Array<{ range: JsonRange; newText: string; path?: string }> }> }>;
    errors: Array<{ message: string; range: JsonRange }>;
  }>;
}

function newestMtime(dir: string): number {
  return Math.max(0, ...filesUnder(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.statSync(f).mtimeMs));
}

before(() => {
  const stale = !fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < newestMtime(path.join(REPO_ROOT, 'server', 'src'));
  if (stale) {
    const b = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, `npm run build failed:\n${b.stdout}\n${b.stderr}`);
  }
});

after(removeTempCopies);

const keys = (o: object) => Object.keys(o).sort();
const isRange = (r: JsonRange) => [r.start.line, r.start.character, r.end.line, r.end.character].every((n) => Number.isInteger(n) && n >= 0);

describe('exit codes', () => {
  test('0 for a clean workspace, with nothing reported', () => {
    const dir = tempCopy(fixturePath('cli', 'clean'));
    const r = run(dir, 'check', '.');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /3 files, \d+ images checked against Windows Server 2022 10\.0\.20348 process: 0 errors, 0 warnings, 0 notes/);
  });

  test('1 when a finding has error severity; the text lists path:line:column, severity and rule id', () => {
    const dir = tempCopy(fixturePath('cli', 'fixable'));
    const r = run(dir, 'check');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^legacy\/Dockerfile:2:6: error process-isolation-mismatch /m);
    assert.match(r.stdout, /^compose\.yaml:18:13: error swarm-constraint-operator /m);
    assert.match(r.stdout, /^k8s\/deployment\.yaml:23:5: warning k8s-deprecated-label /m);
  });

  test('warnings alone exit 0', () => {
    const dir = tempCopy(fixturePath('cli', 'fixable'));
    const r = run(dir, 'check', 'k8s');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /0 errors, 2 warnings/);
  });

  test('2 for a missing path, and the path is named', () => {
    const dir = tempCopy(fixturePath('cli', 'clean'));
    const r = run(dir, 'check', 'no-such-dir');
    assert.equal(r.code, 2);
    assert.match(r.stdout + r.stderr, /no-such-dir.*no such file or directory/);
  });

  test('2 for a bad --format', () => {
    const r = run(fixturePath('cli', 'clean'), 'check', '--format', 'xml');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be text, json or sarif/);
    assert.equal(r.stdout, '', 'no report when the command line is wrong');
  });

  test('2 for an unknown --host (a typo must not fall back to the default target)', () => {
    const r = run(fixturePath('cli', 'clean'), 'check', '--host', 'ltsc2023');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown host `ltsc2023`/);
  });

  test('2 for an unknown option or command', () => {
    assert.equal(run(fixturePath('cli', 'clean'), 'check', '--fixx').code, 2);
    assert.equal(run(fixturePath('cli', 'clean'), 'chekc').code, 2);
  });
});

describe('--format json', () => {
  const dir = tempCopy(fixturePath('cli', 'fixable'));
  const r = run(dir, 'check', '--format', 'json');
  const report = json(r);

  test('the contract: {targets, files:[{path, kind, images, diagnostics, errors}]}', () => {
    assert.equal(r.code, 1);
    assert.deepEqual(keys(report), ['files', 'targets']);
    assert.deepEqual(report.targets, [{ name: 'Windows Server 2022', build: '10.0.20348', isolation: 'process' }]);
    assert.deepEqual(report.files.map((f) => [f.path, f.kind]), [
      ['compose.yaml', 'compose'],
      ['k8s/deployment.yaml', 'kubernetes'],
      ['legacy/Dockerfile', 'dockerfile'],
      ['web/Dockerfile', 'dockerfile'],
    ]);
    for (const f of report.files) {
      assert.deepEqual(keys(f), ['diagnostics', 'errors', 'images', 'kind', 'path']);
      assert.deepEqual(f.errors, []);
    }
  });

  test('images: {ref, resolved, range, os, windowsBuild, verdicts:[{target, status}], fixes}', () => {
    // the contract's fields; `windowsBuilds` (multi-release tags), `via` (built images) and a
    // verdict's `reason` are documented additions
    const OPTIONAL = ['via', 'windowsBuilds'];
    for (const f of report.files) {
      for (const i of f.images) {
        for (const k of ['ref', 'resolved', 'range', 'os', 'windowsBuild', 'verdicts', 'fixes']) assert.ok(k in i, `${f.path}: image.${k}`);
        assert.deepEqual(keys(i).filter((k) => !['ref', 'resolved', 'range', 'os', 'windowsBuild', 'verdicts', 'fixes', ...OPTIONAL].includes(k)), [], 'no undocumented image field');
        assert.ok(isRange(i.range));
        assert.ok(['windows', 'linux', 'multi', 'unknown'].includes(i.os));
        assert.ok(i.windowsBuild === null || /^10\.0\.\d{5}(\.\d+)?$/.test(i.windowsBuild));
        assert.ok(Array.isArray(i.fixes));
        for (const v of i.verdicts) {
          assert.equal(v.target, 'Windows Server 2022');
          assert.ok(['process', 'hyperv', 'unsupported', 'unknown'].includes(v.status));
        }
      }
    }
    const legacy = report.files.find((f) => f.path === 'legacy/Dockerfile')!;
    assert.deepEqual(legacy.images.map((i) => [i.ref, i.resolved, i.os, i.windowsBuild, i.verdicts.map((v) => v.status)]), [
      ['microsoft/windowsservercore:ltsc2016', 'docker.io/microsoft/windowsservercore:ltsc2016', 'windows', '10.0.14393', ['hyperv']],
    ]);
  });

  test('positions are 0-based (line, UTF-16 character)', () => {
    const legacy = report.files.find((f) => f.path === 'legacy/Dockerfile')!;
    // line 2, column 6 in the text output: `FROM ` then the reference
    assert.deepEqual(legacy.images[0].range, { start: { line: 1, character: 5 }, end: { line: 1, character: 41 } });
    const text = fs.readFileSync(path.join(dir, 'legacy', 'Dockerfile'), 'utf8').split('\n')[1];
    assert.equal(text.slice(5, 41), 'microsoft/windowsservercore:ltsc2016');
  });

  test('diagnostics: {code, severity, message, range, fixes}; fixes carry edits', () => {
    const all = report.files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, file: f.path })));
    for (const d of all) {
      assert.deepEqual(keys(d).filter((k) => k !== 'file'), ['code', 'fixes', 'message', 'range', 'severity']);
      assert.ok(RULES.some((rule) => rule.id === d.code), d.code);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      assert.ok(isRange(d.range));
      for (const fx of d.fixes) for (const e of fx.edits) assert.ok(isRange(e.range) && typeof e.newText === 'string');
    }
    const op = all.find((d) => d.code === 'swarm-constraint-operator')!;
    assert.deepEqual(op.fixes[0].edits, [{ range: { start: { line: 17, character: 12 }, end: { line: 17, character: 36 } }, newText: 'node.platform.os == windows' }]);
  });
});

describe('--format sarif', () => {
  const r = run(tempCopy(fixturePath('cli', 'fixable')), 'check', '--format', 'sarif');
  const sarif = JSON.parse(r.stdout);

  test('version 2.1.0, one run, every rule of the registry described by id', () => {
    assert.equal(r.code, 1);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const rules = sarif.runs[0].tool.driver.rules as Array<{ id: string; shortDescription: { text: string } }>;
    assert.deepEqual(rules.map((x) => x.id), RULES.map((x) => x.id));
    for (const x of rules) assert.ok(x.shortDescription.text.length > 0);
  });

  test('results carry ruleId, level and a location with a 1-based region', () => {
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
    const viaJson = json(run(tempCopy(fixturePath('cli', 'fixable')), 'check', '--format', 'json'));
    assert.equal(results.length, viaJson.files.reduce((n, f) => n + f.diagnostics.length, 0), 'one result per diagnostic');
    assert.ok(results.length >= 9);
    for (const x of results) {
      assert.ok(['error', 'warning', 'note'].includes(x.level));
      assert.equal(x.locations.length, 1);
    }
    const op = results.find((x) => x.ruleId === 'swarm-constraint-operator')!;
    assert.equal(op.level, 'error');
    assert.equal(op.locations[0].physicalLocation.artifactLocation.uri, 'compose.yaml');
    assert.deepEqual([op.locations[0].physicalLocation.region.startLine, op.locations[0].physicalLocation.region.startColumn], [18, 13]);
    assert.equal(results.find((x) => x.ruleId === 'release-support-ending')?.level, 'note', 'information → note');
  });
});

describe('--fix', () => {
  test('rewrites the files so that a re-check is clean of the fixed rules, keeping comments', () => {
    const dir = tempCopy(fixturePath('cli', 'fixable'));
    const before = json(run(dir, 'check', '--format', 'json'));
    const fixedCodes = new Set(before.files.flatMap((f) => f.diagnostics.filter((d) => d.fixes.length).map((d) => d.code)));
    assert.deepEqual([...fixedCodes].sort(), ['deprecated-repository', 'k8s-deprecated-label', 'k8s-missing-os-selector', 'process-isolation-mismatch', 'swarm-constraint-operator']);

    const fixed = run(dir, 'check', '--fix');
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stdout, /\d+ fix(es)? applied/);

    const after = json(run(dir, 'check', '--format', 'json'));
    const left = after.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}: ${d.code}`));
    assert.deepEqual(left.filter((l) => fixedCodes.has(l.split(': ')[1])), [], 'none of the fixed findings is left');

    const read = (p: string) => fs.readFileSync(path.join(dir, p), 'utf8');
    // comments and quoting kept, the changes where they belong
    assert.equal(read('web/Dockerfile'), fs.readFileSync(fixturePath('cli', 'fixable', 'web', 'Dockerfile'), 'utf8').replace('ARG WINDOWS_VERSION=ltsc2019', 'ARG WINDOWS_VERSION=ltsc2022'));
    assert.match(read('compose.yaml'), /^ {4}image: "mcr\.microsoft\.com\/dotnet\/aspnet:8\.0-nanoserver-ltsc2022" # TODO: move to 2022$/m);
    assert.match(read('compose.yaml'), /^ {10}- node\.platform\.os == windows # copied from an old guide$/m);
    assert.match(read('compose.yaml'), /^# Contoso storefront \(fixture for `wincompat check --fix`\)/);
    assert.match(read('k8s/deployment.yaml'), /^ {4}kubernetes\.io\/os: windows # legacy label$/m);
    assert.match(read('k8s/deployment.yaml'), /schedule: "30 2 \* \* \*" # 02:30 every night/);
    assert.match(read('k8s/deployment.yaml'), /^ {10}nodeSelector:\n {12}kubernetes\.io\/os: windows\n {12}node\.kubernetes\.io\/windows-build: "10\.0\.20348"$/m);
    assert.match(read('legacy/Dockerfile'), /^FROM mcr\.microsoft\.com\/windows\/servercore:ltsc2022$/m);
    assert.match(read('legacy/Dockerfile'), /^# An old app on the Docker Hub name of Server Core 2016\.$/m);

    // a second --fix has nothing left to do
    const again = run(dir, 'check', '--fix');
    assert.equal(again.code, 0);
    assert.doesNotMatch(again.stdout, /fix(es)? applied/);
  });
});

describe('.gitignore', () => {
  test('ignored files and folders are not checked', () => {
    const dir = tempCopy(fixturePath('cli', 'fixable'));
    const all = json(run(dir, 'check', '--format', 'json')).files.map((f) => f.path);
    assert.ok(all.includes('legacy/Dockerfile') && all.includes('compose.yaml'));
    fs.writeFileSync(path.join(dir, '.gitignore'), '# build output and vendored code\nlegacy/\n/k8s/deployment.yaml\n');
    const r = run(dir, 'check', '--format', 'json');
    assert.deepEqual(json(r).files.map((f) => f.path), ['compose.yaml', 'web/Dockerfile']);
    fs.writeFileSync(path.join(dir, 'k8s', '.gitignore'), '*.yaml\n');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'legacy/\n');
    assert.deepEqual(json(run(dir, 'check', '--format', 'json')).files.map((f) => f.path), ['compose.yaml', 'web/Dockerfile'], 'a nested .gitignore counts too');
  });
});

describe('malformed YAML', () => {
  test('a broken document that names no image (a Service) is reported by check as the editor reports it', () => {
    const dir = tempCopy(fixturePath('cli', 'fixable'));
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [80\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  nodeSelector: {kubernetes.io/os: windows}\n  containers:\n    - {name: a, image: "mcr.microsoft.com/windows/servercore:ltsc2022"}\n';
    fs.writeFileSync(path.join(dir, 'k8s', 'service.yaml'), text);
    const file = json(run(dir, 'check', '--format', 'json')).files.find((f) => f.path === 'k8s/service.yaml');
    assert.ok(file, 'the file is in the report');
    assert.equal(file.errors.length, 1, JSON.stringify(file.errors));
    assert.match(file.errors[0].message, /^YAML: /);
    assert.ok(file.errors[0].range.start.line >= 5 && file.errors[0].range.start.line <= 6, 'in the Service document, where the flow sequence is left open');
    assert.deepEqual(file.images.map((i) => i.ref), ['mcr.microsoft.com/windows/servercore:ltsc2022'], 'the next document is still analysed');
  });
});

describe('--host', () => {
  test('--host ltsc2019 --host ltsc2022:hyperv gives two targets, each image judged on both', () => {
    const dir = tempCopy(fixturePath('cli', 'fixable'));
    const r = run(dir, 'check', 'legacy', 'compose.yaml', '--host', 'ltsc2019', '--host', 'ltsc2022:hyperv', '--format', 'json');
    const report = json(r);
    assert.deepEqual(report.targets, [
      { name: 'Windows Server 2019', build: '10.0.17763', isolation: 'process' },
      { name: 'Windows Server 2022', build: '10.0.20348', isolation: 'hyperv' },
    ]);
    const api = report.files.find((f) => f.path === 'compose.yaml')!.images.find((i) => i.ref.includes('nanoserver-1809'))!;
    // the file asks for process isolation: a 1809 image runs on 2019, and only Hyper-V-isolated on 2022
    assert.deepEqual(api.verdicts.map((v) => [v.target, v.status]), [['Windows Server 2019', 'process'], ['Windows Server 2022', 'hyperv']]);
    const legacy = report.files.find((f) => f.path === 'legacy/Dockerfile')!.images[0];
    assert.deepEqual(legacy.verdicts.map((v) => [v.target, v.status]), [['Windows Server 2019', 'hyperv'], ['Windows Server 2022', 'hyperv']]);
  });

  test('--isolation applies to every --host without its own', () => {
    const r = run(fixturePath('cli', 'clean'), 'check', '--host', 'ltsc2019', '--host', '10.0.20348:process', '--isolation', 'hyperv', '--format', 'json');
    assert.deepEqual(json(r).targets.map((t) => [t.build, t.isolation]), [['10.0.17763', 'hyperv'], ['10.0.20348', 'process']]);
  });
});
