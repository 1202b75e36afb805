// A Kubernetes document is pruned of blocks wincompat never reads before it is parsed. Whatever
// the analysis does read (placement, images, annotations, RuntimeClass scheduling) must come out
// of the pruned parse with the same values at the same places in the user's text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../helpers/property';
import { isNode, parseDocument, type Document } from 'yaml';
import { prune, remapRanges } from '../../server/src/engine/yaml/prune';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const OPTIONS = { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, strict: false, merge: true } as const;

/** the paths the Kubernetes analysis reads */
const READ: Array<Array<string | number>> = [
  ['kind'], ['metadata', 'name'], ['metadata', 'annotations'],
  ['spec', 'template', 'spec', 'nodeSelector'], ['spec', 'template', 'spec', 'tolerations'], ['spec', 'template', 'spec', 'runtimeClassName'],
  ['spec', 'template', 'spec', 'affinity'], ['spec', 'template', 'spec', 'containers', 0, 'image'], ['spec', 'template', 'spec', 'containers', 0, 'name'],
  ['spec', 'template', 'spec', 'initContainers', 0, 'image'],
];

/** each read path's value (aliases resolved) and the text its node spans in the original */
function read(doc: Document.Parsed, text: string) {
  let js: unknown;
  try { js = doc.toJS({ maxAliasCount: 100 }); } catch (e) { js = (e as Error).message; }
  return READ.map((p) => {
    const node = doc.getIn(p, true);
    const range = isNode(node) && node.range ? node.range : undefined;
    const value = p.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), js);
    return { path: p.join('.'), value: JSON.stringify(value), at: range && text.slice(range[0], range[1]) };
  });
}

/** a value for a prunable key in one of the styles people write: block, one-line flow, multi-line flow, anchored */
const labels = (indent: string) => fc.constantFrom(
  ` {app: web, tier: "back end"}`,
  ` {app: web}  # inline`,
  `\n${indent}  app: web\n${indent}  team: a`,
  ` {app: web,\n${indent}    tier: backend}`,
  ` &labels\n${indent}  app: web`,
  ` {app: &flow web}`,
  ` [not, a, map]`,
  ` {unclosed: yes`,
);
const env = (indent: string) => fc.constantFrom(
  `\n${indent}- name: A\n${indent}  value: "1"\n${indent}- {name: B, value: "x: y"}`,
  `\n${indent}  - name: A\n${indent}    value: b`,
  ` [{name: A, value: "1"}]`,
  ` []`,
  `\n${indent}- &e {name: A, value: "1"}`,
);

const manifest = fc.record({
  metaLabels: labels('  '), selector: labels('  '), podLabels: labels('      '), env: env('          '), ports: env('          '),
  nodeSelector: fc.constantFrom(
    `\n        kubernetes.io/os: windows\n        node.kubernetes.io/windows-build: "10.0.17763"`,
    ` {kubernetes.io/os: windows}`,
    ` *labels`,
    ` *flow`,
  ),
  image: fc.constantFrom('mcr.microsoft.com/windows/servercore:ltsc2019', '"mcr.microsoft.com/windows/nanoserver:ltsc2022"', 'nginx:1.27'),
  init: fc.boolean(),
}).map((m) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:${m.metaLabels}
  annotations:
    experimental.windows.kubernetes.io/isolation-type: hyperv
spec:
  replicas: 2
  selector:${m.selector}
  template:
    metadata:
      labels:${m.podLabels}
    spec:
      nodeSelector:${m.nodeSelector}
      tolerations:
        - {key: os, operator: Equal, value: windows, effect: NoSchedule}
${m.init ? '      initContainers:\n        - name: init\n          image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n          command: ["cmd", "/c", "echo"]\n' : ''}      containers:
        - name: app
          image: ${m.image}
          env:${m.env}
          ports:${m.ports}
          resources: {limits: {cpu: 500m}}
`);

test('pruning never changes what the analysis reads, nor where it reads it', () => {
  check(fc.property(manifest, (text) => {
    const whole = parseDocument(text, OPTIONS);
    const pruned = prune(text);
    assert.ok(pruned, 'every generated manifest has something to prune');
    const doc = parseDocument(pruned.text, OPTIONS);
    remapRanges(doc, pruned.toOriginal);
    assert.deepEqual(read(doc, text), read(whole, text));
    // a document that does not parse fails in the pruned text too, at the same place
    assert.deepEqual(doc.errors.map((e) => e.pos[0]).slice(0, 1), whole.errors.map((e) => e.pos[0]).slice(0, 1));
  }), { numRuns: RUNS });
});

test('the blocks and flow values of prunable keys are dropped, their keys and everything else kept', () => {
  const text = 'metadata:\n  name: web\n  labels: {app: web}\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    spec:\n      nodeSelector: {kubernetes.io/os: windows}\n';
  assert.equal(prune(text)?.text, 'metadata:\n  name: web\n  labels:\nspec:\n  selector:\n  template:\n    spec:\n      nodeSelector: {kubernetes.io/os: windows}\n');
});

test('a value that defines an anchor, or a flow value that does not end on its line, is kept', () => {
  assert.equal(prune('metadata:\n  labels: {app: &l web}\n'), undefined);
  assert.equal(prune('metadata:\n  labels:\n    &l app: web\n'), undefined);
  assert.equal(prune('metadata:\n  labels: {app: web,\n  tier: backend}\n'), undefined);
});
