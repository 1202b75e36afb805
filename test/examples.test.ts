// The bundled examples/ workspace is what a newcomer runs first: its README's table of expected
// findings must be what the tool reports, file by file (and nothing anywhere else).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCheck } from '../server/src/cli/check';
import { RULES } from '../server/src/engine/rules';

const root = path.resolve(__dirname, '../..');
const examples = path.join(root, 'examples');

function expectedFromReadme(): Map<string, Set<string>> {
  const ids = new Set(RULES.map((r) => r.id));
  const expected = new Map<string, Set<string>>();
  for (const line of fs.readFileSync(path.join(examples, 'README.md'), 'utf8').split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line.split(' | ');
    const file = /`([^`]+)`/.exec(cells[0])![1];
    const codes = [...(cells[3] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]).filter((c) => ids.has(c));
    const set = expected.get(file) ?? new Set<string>();
    codes.forEach((c) => set.add(c));
    expected.set(file, set);
  }
  return expected;
}

test('examples/README.md states exactly what wincompat check reports on examples/', async () => {
  const result = await runCheck({ paths: [examples], cli: {}, fix: false, today: '2026-12-04', workers: 1 });
  const actual = new Map<string, Set<string>>();
  for (const r of result.reports) {
    const rel = path.relative(examples, r.path).split(path.sep).join('/');
    if (r.diagnostics.length) actual.set(rel, new Set(r.diagnostics.map((d) => d.code)));
  }
  const expected = expectedFromReadme();
  for (const [file, codes] of expected) {
    assert.deepEqual([...(actual.get(file) ?? [])].sort(), [...codes].sort(), `findings of examples/${file}`);
  }
  for (const file of actual.keys()) assert.ok(expected.has(file), `examples/${file} has findings the README does not list`);
  const helm = result.reports.find((r) => r.path.includes('templates/deployment.yaml'));
  assert.match(helm?.errors[0]?.message ?? '', /Helm template: not analysed/);
  const counts = { error: 0, warning: 0, information: 0 } as Record<string, number>;
  for (const r of result.reports) for (const d of r.diagnostics) counts[d.severity] = (counts[d.severity] ?? 0) + 1;
  const stated = /(\d+) errors, (\d+) warnings and (\d+) note/.exec(fs.readFileSync(path.join(examples, 'README.md'), 'utf8'))!;
  assert.deepEqual([counts.error, counts.warning, counts.information], [Number(stated[1]), Number(stated[2]), Number(stated[3])]);
});
