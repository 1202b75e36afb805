// The YAML fast path against the `yaml` parser: on every document it accepts, the same tree (node
// kinds, values, quoting, flow style, and the ranges the engine reads); on every document the
// parser finds an error in, no answer at all (the parser's error is reported instead).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { check } from '../helpers/property';
import { Document, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, Schema, visit } from 'yaml';
import { fastParse } from '../../server/src/engine/yaml/fast-parse';
import { splitDocuments } from '../../server/src/engine/yaml/documents';
import { prune } from '../../server/src/engine/yaml/prune';
import { compose, manifest, mutate } from '../helpers/arbitraries';
import { filesUnder, REPO_ROOT } from '../helpers/fixtures';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const OPTIONS = { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, strict: false, merge: true } as const;

/** what the engine can observe of a node: kind, value, quoting, flow, and the ranges it reads */
function shape(n: unknown): unknown {
  if (isPair(n)) return { key: shape(n.key), value: shape(n.value) };
  if (isScalar(n)) return { value: typeof n.value === 'number' && Number.isNaN(n.value) ? 'NaN' : n.value, type: n.type, format: n.format, range: n.range?.slice(0, 2) };
  if (isMap(n) || isSeq(n)) return { kind: isMap(n) ? 'map' : 'seq', flow: Boolean(n.flow), range: n.flow ? n.range?.slice(0, 2) : n.range?.[0], items: n.items.map(shape) };
  return String(n);
}

/** the same tree, or no answer where the parser has errors; returns whether the fast path answered */
function agree(text: string): boolean {
  const fast = fastParse(text);
  const slow = parseDocument(text, OPTIONS);
  if (slow.errors.length) {
    assert.equal(fast, undefined, `the fast path accepted text the parser rejects (${slow.errors[0].message}):\n${text}`);
    return false;
  }
  if (fast) assert.deepEqual(shape(fast.contents), shape(slow.contents), `trees differ for:\n${text}`);
  return fast !== undefined;
}

/** each document as the engine hands it to the parser (pruned when it is a Kubernetes object) */
function documents(text: string): string[] {
  return splitDocuments(text).map((c) => (/^kind\s*:/m.test(c.text) && /^apiVersion\s*:/m.test(c.text) ? prune(c.text)?.text ?? c.text : c.text));
}

test('generated manifests and compose files: the same tree, and the fast path takes them', () => {
  let answered = 0, total = 0;
  check(fc.property(fc.oneof(manifest, compose), (text) => {
    for (const doc of documents(text)) { total++; if (agree(doc)) answered++; }
  }), { numRuns: RUNS * 3 });
  assert.ok(answered > total * 0.9, `the fast path answered ${answered} of ${total} generated documents`);
});

test('mutated manifests and compose files: the same tree, or left to the parser', () => {
  check(fc.property(fc.oneof(mutate(manifest), mutate(compose)), (text) => { for (const doc of documents(text)) agree(doc); }), { numRuns: RUNS * 5 });
});

/** scalars chosen to stress resolution and quoting: numbers in every base, booleans, nulls, indicators */
const scalar = fc.oneof(
  fc.constantFrom('web', '10.0.17763', '17763', '0x1F', '0o17', '-12', '+3', '1e3', '.5', '-.inf', '.NaN', 'true', 'False', 'yes', 'null', '~', '',
    '- a', '--flag=1', '-', '-]', '-x y', 'a: b', 'a:b', '#x', 'x #y', "it's", 'say "hi"', 'C:\\app', 'mcr.microsoft.com/windows/servercore:ltsc2019', 'ünïcödé ✓', '[x]', '{y}', 'a, b', '-', ':', '?', '@x', '*a', '&b', '!t', '%p', '`c`', '|', '>'),
  fc.string({ maxLength: 6 }),
  fc.integer(), fc.double({ noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom('image', 'name', 'a b', 'x: y', '- k', '#k', '1', 'true'), fc.string({ maxLength: 4 })), tie('value'), { maxKeys: 3 }),
  ),
}));

test('any structure written by the yaml package, block, flow or mixed, with comments: the same tree', () => {
  let answered = 0, total = 0;
  check(fc.property(value, fc.constantFrom('block', 'flow', 'mixed'), fc.boolean(), (v, style, comments) => {
    const doc = new Document(v);
    visit(doc, {
      Collection: (_k, node, p) => { if (style !== 'block' && isCollection(node)) node.flow = style === 'flow' || p.filter(isCollection).length >= 2; },
      Pair: (_k, pair) => { if (comments && isScalar(pair.key)) pair.key.commentBefore = ' about this key'; },
    });
    const text = comments ? `# a document\n${doc.toString()}# the end\n` : doc.toString();
    total += 2;
    if (agree(text)) answered++;
    if (agree(text.replace(/\n/g, '\r\n'))) answered++;
  }), { numRuns: RUNS * 5 });
  // the rest holds what the fast path leaves alone: block scalars, `? ` keys, multi-line scalars
  assert.ok(answered > total / 2, `the fast path answered ${answered} of ${total}`);
});

test('every YAML file of the repository\'s fixtures and examples: the same tree', () => {
  const files = ['test', 'examples'].flatMap((d) => filesUnder(path.join(REPO_ROOT, d))).filter((f) => /\.ya?ml$/.test(f));
  assert.ok(files.length > 30, `${files.length} YAML files`);
  let answered = 0;
  for (const f of files) for (const doc of documents(fs.readFileSync(f, 'utf8'))) if (agree(doc)) answered++;
  assert.ok(answered > 0);
});

test('what the fast path leaves to the parser', () => {
  for (const text of [
    'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  text\n', 'a: >\n  text\n', 'a: one\n  two\n', 'a: [1,\n  2]\n', '<<: {a: 1}\n',
    '%YAML 1.2\n---\na: 1\n', 'a:\tb\n', '? complex\n: key\n', 'a: "multi\n  line"\n', 'a: b: c\n',
  ]) assert.equal(fastParse(text), undefined, JSON.stringify(text));
});

test('the core schema resolves plain scalars by the patterns the fast path\'s first-character filter was written for', () => {
  // a yaml release that adds or changes one must be looked at: fast-parse.ts skips the patterns
  // for scalars whose first character none of these can match
  const patterns = (new Schema({}).tags as Array<{ default?: unknown; test?: RegExp }>).filter((t) => t.default === true && t.test).map((t) => String(t.test));
  assert.deepEqual(patterns, [
    '/^(?:~|[Nn]ull|NULL)?$/', '/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/', '/^0o[0-7]+$/', '/^[-+]?[0-9]+$/', '/^0x[0-9a-fA-F]+$/',
    '/^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$/', '/^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$/', '/^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$/',
  ]);
});
