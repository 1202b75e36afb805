// The nesting estimate that guards the parser: never below the real depth (a hostile document
// cannot slip under the limit), and never above twice the real depth plus one (a sequence entry
// counts as a level of its own), whatever style the YAML is written in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../helpers/property';
import { Document, isCollection, stringify, visit } from 'yaml';
import { tooDeep } from '../../server/src/engine/yaml/nesting';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/** nested maps and sequences, with scalars that look like structure (brackets, quotes, colons, hashes) */
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('web', '[x', '{a: [b', "it's", 'a: b', '# not a comment', '|', '- item', 'x]]}', 'line\nbreak [', 42, true, null),
    fc.array(tie('value'), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.constantFrom('image', 'name', 'spec', 'a b', '[k]', '- k'), tie('value'), { minKeys: 1, maxKeys: 3 }),
  ),
}));

function depth(v: unknown): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(depth));
  if (v && typeof v === 'object') return 1 + Math.max(0, ...Object.values(v).map(depth));
  return 0;
}

/** block collections outside, flow collections from the second level in */
function mixed(v: unknown): string {
  const doc = new Document(v);
  visit(doc, { Collection: (_key, node, path) => { if (isCollection(node)) node.flow = path.filter(isCollection).length >= 2; } });
  return doc.toString();
}

test('the estimate lies between the real depth and twice it plus one, in block, flow and mixed styles', () => {
  check(fc.property(value, fc.constantFrom('block', 'flow', 'mixed'), (v, style) => {
    const text = style === 'mixed' ? mixed(v) : stringify(v, { collectionStyle: style });
    const d = depth(v);
    assert.equal(tooDeep(text, 2 * d + 1), undefined, `estimate above ${2 * d + 1} for\n${text}`);
    if (d > 1) assert.ok(tooDeep(text, d - 1), `estimate below the real depth ${d} for\n${text}`);
  }), { numRuns: RUNS * 5 });
});
