// Every rule of the registry against its fixtures: test/fixtures/rules/<rule-id>/fires/* must each
// produce the rule's diagnostic, test/fixtures/rules/<rule-id>/passes/* must each produce none of it.
// A rule without both folders fails (as kube-linter's CI does), so a new rule cannot land untested.
// A `.wincompat.yaml` in the fixture folder (or in the rule's folder, for both) sets the targets.
// Subfolders of `fires/` and `passes/` hold support files (the compose file and Dockerfiles of a
// workspace that builds an image); they are read first, as `wincompat check` does, never judged.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine/rules';
import { configFileForDir, configForDir, describeReport, filesIn, fixturePath, workspaceAnalyzer } from '../helpers/fixtures';
import type { FileReport } from '../../server/src/engine/types';

const RULES_DIR = fixturePath('rules');

/** Analyses a top-level fixture file with a fresh analyzer primed by its folder's support files. */
function analyzeFixture(file: string, ruleDir: string): FileReport {
  const dir = path.dirname(file);
  const config = configForDir(dir, ruleDir);
  const report = workspaceAnalyzer(dir, config, configFileForDir(dir, ruleDir)).analyze(file, fs.readFileSync(file, 'utf8'), config);
  assert.ok(report, `${path.relative(RULES_DIR, file)} is a file wincompat reads (a Dockerfile name, or compose / Kubernetes YAML)`);
  return report;
}

describe('rule fixtures', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const ruleDir = path.join(RULES_DIR, rule.id);
      for (const outcome of ['fires', 'passes'] as const) {
        const dir = path.join(ruleDir, outcome);
        test(`has ${outcome} fixtures`, () => {
          assert.ok(fs.existsSync(dir), `missing folder test/fixtures/rules/${rule.id}/${outcome}: every rule needs fixtures that fire and fixtures that pass`);
          assert.ok(filesIn(dir).length > 0, `test/fixtures/rules/${rule.id}/${outcome} holds no fixture file`);
        });
        for (const file of filesIn(dir)) {
          const name = `${outcome}/${path.basename(file)}`;
          test(name, () => {
            const report = analyzeFixture(file, ruleDir);
            assert.deepEqual(report.errors, [], `${name} is analysed without input errors`);
            const hits = report.diagnostics.filter((d) => d.code === rule.id);
            if (outcome === 'fires') {
              assert.ok(hits.length > 0, `${name} should produce ${rule.id}; it produced:\n${describeReport(report)}`);
              for (const d of hits) {
                assert.equal(d.severity, rule.severity, `${rule.id} keeps its registry severity`);
                assert.ok(d.message.length > 0, 'a message a user can read');
                assert.doesNotMatch(d.message, /[^.]\.\.(?!\.)/, `no doubled period in: ${d.message}`);
              }
            } else {
              assert.equal(hits.length, 0, `${name} should not produce ${rule.id}; it produced:\n${describeReport(report)}`);
            }
          });
        }
      }
    });
  }

  test('every fixture folder belongs to a rule of the registry', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const stray = fs.readdirSync(RULES_DIR).filter((d) => !ids.has(d));
    assert.deepEqual(stray, [], 'fixture folders for rules that do not exist (renamed or removed?)');
  });
});
