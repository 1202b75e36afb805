import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../server/src/engine/rules';

const root = path.resolve(__dirname, '../..');

test('every rule id is kebab-case, unique and documented in the settings schema', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/wincompat.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.severities.properties).sort(), [...ids].sort());
});
