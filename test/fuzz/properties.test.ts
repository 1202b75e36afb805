// Property tests: the engine never throws, answers in time proportional to the input, and every
// fix it offers yields text that re-parses, removes its finding and keeps the user's comments.
// CI runs a bounded number of cases; `npm run fuzz` runs many (FUZZ_RUNS) and prints the count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../helpers/property';
import { Analyzer } from '../../server/src/engine/analysis/analyzer';
import { defaultConfig } from '../../server/src/engine/config/config';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/cli/apply-edits';
import type { FileReport } from '../../server/src/engine/types';
import { compose, dockerfile, manifest, mutate } from '../helpers/arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const config = defaultConfig({ today: '2026-12-04' });
let cases = 0;

function analyze(path: string, text: string): FileReport | undefined {
  const analyzer = new Analyzer({ readFile: () => undefined });
  const start = performance.now();
  const r = analyzer.analyze(path, text, config);
  // generous, size-proportional: a hang or a blow-up fails, a slow CI machine does not
  assert.ok(performance.now() - start < 2000 + text.length / 100, `analysis of ${text.length} chars took too long`);
  cases++;
  return r;
}

function checkFixes(path: string, text: string, reparses: (t: string) => void) {
  const r = analyze(path, text);
  if (!r) return;
  const comments = text.split('\n').filter((l) => l.trimStart().startsWith('# note'));
  for (const d of r.diagnostics) {
    for (const fix of d.fixes) {
      if (fix.edits.some((e) => e.path)) continue;
      const fixed = applyEdits(text, fix.edits);
      assert.notEqual(fixed, text, `fix "${fix.title}" changes nothing`);
      reparses(fixed);
      for (const c of comments) assert.ok(fixed.includes(c), `fix "${fix.title}" lost the comment ${c}`);
      const after = analyze(path, fixed)!;
      if (fix.kind !== 'relabel' && fix.kind !== 'constraintOperator') {
        // the finding the fix was offered for is gone (a fix may leave other findings, e.g. a retag to a release ending support)
        assert.ok(!after.diagnostics.some((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.message === d.message), `after "${fix.title}" ${d.code} is still reported:\n${fixed}`);
      } else {
        assert.ok(!after.diagnostics.some((x) => x.code === d.code && x.range.start.line === d.range.start.line), `after "${fix.title}" ${d.code} is still reported`);
      }
      // idempotent: the same edits applied to the fixed text by the fix of the re-analysis change nothing more
      const again = after.diagnostics.filter((x) => x.range.start.line === d.range.start.line).flatMap((x) => x.fixes).find((f) => f.title === fix.title);
      if (again) assert.equal(applyEdits(fixed, again.edits), fixed, `applying "${fix.title}" twice changed the text again`);
    }
  }
}

const yamlParses = (t: string) => { for (const doc of t.split(/^---$/m)) assert.equal(parseDocument(doc).errors.length, 0, `fixed YAML does not parse:\n${t}`); };

test('random bytes never throw, in any file kind', () => {
  check(fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('Dockerfile', 'compose.yaml', 'k8s.yaml'), (bytes, name) => {
    analyze(`/fuzz/${name}`, Buffer.from(bytes).toString('latin1'));
  }), { numRuns: RUNS });
});

test('random text (no NUL, so it is parsed) never throws, in any file kind', () => {
  const text = fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('\n', '---\n', 'FROM ', 'ARG X=${Y:-', 'image: ', 'kind: Pod\n', '  - ', ': ', '{', '[', '&a ', '*a ', '<<: ', '`\n', '\\\n', '"')), { maxLength: 80 })
    .map((parts) => parts.join('').replace(/\0/g, ''));
  check(fc.property(text, fc.constantFrom('Dockerfile', 'compose.yaml', 'k8s.yaml'), (t, name) => {
    analyze(`/fuzz/${name}`, t);
  }), { numRuns: RUNS });
});

test('generated and mutated Dockerfiles never throw', () => {
  check(fc.property(mutate(dockerfile), (text) => { analyze('/fuzz/Dockerfile', text); }), { numRuns: RUNS });
});

test('generated and mutated manifests and compose files never throw', () => {
  check(fc.property(mutate(manifest), (text) => { analyze('/fuzz/k8s.yaml', text); }), { numRuns: RUNS });
  check(fc.property(mutate(compose), (text) => { analyze('/fuzz/compose.yaml', text); }), { numRuns: RUNS });
});

test('every fix on a Dockerfile keeps comments, removes its finding and is idempotent', () => {
  check(fc.property(dockerfile, (text) => checkFixes('/fuzz/Dockerfile', text, () => {})), { numRuns: RUNS });
});

test('every fix on a manifest re-parses, keeps comments, removes its finding and is idempotent', () => {
  check(fc.property(manifest, (text) => checkFixes('/fuzz/k8s.yaml', text, yamlParses)), { numRuns: RUNS });
});

test('every fix on a compose file re-parses, keeps comments, removes its finding and is idempotent', () => {
  check(fc.property(compose, (text) => checkFixes('/fuzz/compose.yaml', text, yamlParses)), { numRuns: RUNS });
});

test.after(() => { process.stdout.write(`fuzz: ${cases} analyses over ${RUNS} runs per property\n`); });
