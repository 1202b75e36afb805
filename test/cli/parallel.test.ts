// A parallel scan (workers walking and analysing their share of the tree) reports exactly what a
// single-threaded scan reports, in the same order, including findings that cross files (a compose
// service judged by the Dockerfile it builds, a nested .wincompat.yaml).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCheck } from '../../server/src/cli/check';

const examples = path.resolve(__dirname, '../../../examples');

test('--jobs 2 and --jobs 1 give the same report on examples/', async () => {
  const one = await runCheck({ paths: [examples], cli: {}, fix: false, today: '2026-12-04', workers: 1 });
  const two = await runCheck({ paths: [examples], cli: {}, fix: false, today: '2026-12-04', workers: 2 });
  const summary = (r: typeof one) => r.reports.map((f) => [path.relative(examples, f.path), f.diagnostics.map((d) => `${d.code}@${d.range.start.line}`), f.errors.length]);
  assert.ok(one.reports.some((f) => f.diagnostics.length));
  assert.deepEqual(summary(two), summary(one));
  assert.deepEqual(two.configs.map((c) => c.targets.map((t) => t.build)).sort(), one.configs.map((c) => c.targets.map((t) => t.build)).sort());
});
