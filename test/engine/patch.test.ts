// The typing path (change events applied to the previous documents) must report exactly what a
// fresh analysis of the new text reports, whatever the edit: inside a document, across lines, on a
// `---` line, creating a new document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../helpers/property';
import { Analyzer } from '../../server/src/engine/analysis/analyzer';
import { defaultConfig } from '../../server/src/engine/config/config';
import { LineIndex } from '../../server/src/engine/text/line-index';
import type { TextChange } from '../../server/src/engine/yaml/patch';

const config = defaultConfig({ today: '2026-12-04' });
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const doc = (i: number, image: string, build: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.io/os: windows
        node.kubernetes.io/windows-build: "${build}"
      containers:
        - name: app
          image: ${image}
          env:
            - {name: A, value: "${i}"}
`;
const base = [doc(0, 'mcr.microsoft.com/windows/servercore:ltsc2019', '10.0.17763'), doc(1, 'mcr.microsoft.com/windows/servercore:ltsc2022', '10.0.17763'), doc(2, 'nginx:1.27', '10.0.20348')].join('---\n');

const edit = fc.record({
  at: fc.nat(),
  len: fc.nat(6),
  text: fc.oneof(fc.constantFrom('x', '2', '\n', '---\n', '\n---\n', ' ', 'ltsc2022', '\n  # note\n', ''), fc.string({ maxLength: 5 })),
});

function apply(text: string, at: number, len: number, insert: string): { text: string; change: TextChange } {
  const lines = new LineIndex(text);
  const start = Math.min(at, text.length);
  const end = Math.min(start + len, text.length);
  return { text: text.slice(0, start) + insert + text.slice(end), change: { range: lines.range(start, end), text: insert } };
}

const view = (r: ReturnType<Analyzer['analyze']>) => JSON.stringify(r && { images: r.images, diagnostics: r.diagnostics, errors: r.errors });

test('change events give the same report as analysing the new text from scratch', () => {
  // also with a file that opens with `---`: an edit on that line must not be taken for an inner one
  check(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), (edits, leadingMarker) => {
    const typing = new Analyzer({ readFile: () => undefined });
    let text = leadingMarker ? `---\n${base}` : base;
    typing.analyze('/ws/app.yaml', text, config);
    for (const e of edits) {
      const next = apply(text, e.at % (text.length + 1), e.len, e.text);
      text = next.text;
      const incremental = typing.analyze('/ws/app.yaml', text, config, [next.change]);
      const fresh = new Analyzer({ readFile: () => undefined }).analyze('/ws/app.yaml', text, config);
      assert.equal(view(incremental), view(fresh), `after inserting ${JSON.stringify(e.text)} at ${e.at}:\n${text}`);
    }
  }), { numRuns: RUNS });
});

test('a change inside one document re-judges it: an image matching its selector clears the finding', () => {
  const typing = new Analyzer({ readFile: () => undefined });
  const at = base.indexOf('servercore:ltsc2022') + 'servercore:'.length;
  const line = new LineIndex(base).position(at).line;
  const first = typing.analyze('/ws/app.yaml', base, config)!;
  assert.ok(first.diagnostics.some((d) => d.range.start.line === line && d.code === 'k8s-build-selector-mismatch'));
  const next = apply(base, at, 8, 'ltsc2019');
  const after = typing.analyze('/ws/app.yaml', next.text, config, [next.change])!;
  assert.ok(!after.diagnostics.some((d) => d.range.start.line === line));
  assert.equal(view(after), view(new Analyzer({ readFile: () => undefined }).analyze('/ws/app.yaml', next.text, config)));
});
