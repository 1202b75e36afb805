// Generated artefacts must match their generators: a rule, token or limit added to the engine
// shows up in the rules page, the schema and the grammar, or this fails.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { renderGrammar } from '../scripts/gen-grammar';
import { renderSchema } from '../scripts/gen-schema';
import { renderRulesDoc } from '../scripts/gen-rules-doc';

const root = path.resolve(__dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

test('docs/rules.md is up to date (npm run generate)', () => assert.equal(read('docs/rules.md'), renderRulesDoc()));
test('schemas/wincompat.schema.json is up to date (npm run generate)', () => assert.equal(read('schemas/wincompat.schema.json'), renderSchema()));
test('syntaxes/windows-image.injection.json is up to date (npm run generate)', () => assert.equal(read('syntaxes/windows-image.injection.json'), renderGrammar()));
