import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { renderRulesDoc } from '../scripts/gen-rules-doc';
import { RULES } from '../server/src/engine/rules';

const root = path.resolve(__dirname, '../..');

test('docs/rules.md is generated from the rule registry and up to date', () => {
  const committed = fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
  assert.equal(committed, renderRulesDoc(), 'run `npm run docs:rules` and commit docs/rules.md');
});

test('every rule id is kebab-case, unique and documented in the settings schema', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/wincompat.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.severities.properties).sort(), [...ids].sort());
});
