// Input the engine must survive: it reports what it cannot analyse as a located error in `errors`,
// never throws, and stays fast on hostile YAML. And a workspace with nothing Windows in it gets
// no finding at all.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FileReport } from '../../server/src/engine/types';
import {
  analyzeFile, analyzeText, codes, configFrom, defaultTestConfig, describeReport, filesUnder, fixturePath, newAnalyzer,
} from '../helpers/fixtures';

/** analyses and returns the report plus the time it took; fails on a throw */
function timed(file: string, text: string): { report: FileReport | undefined; ms: number } {
  const start = performance.now();
  const report = newAnalyzer().analyze(file, text, defaultTestConfig());
  return { report, ms: performance.now() - start };
}

function oneError(r: FileReport | undefined, pattern: RegExp): FileReport {
  assert.ok(r, 'the file is reported, not skipped');
  assert.equal(r.errors.length, 1, `one input error:\n${describeReport(r)}`);
  assert.match(r.errors[0].message, pattern);
  assert.deepEqual(r.diagnostics, [], 'no findings from a file that was not analysed');
  return r;
}

describe('malformed YAML', () => {
  test('a Kubernetes manifest with an unclosed quote: a located YAML error, no throw', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: "mcr.microsoft.com/windows/servercore:ltsc2019
        - name: sidecar
`;
    const r = oneError(analyzeText('/virtual/k8s/deployment.yaml', text), /^YAML: /);
    assert.equal(r.kind, 'kubernetes');
    assert.ok(r.errors[0].range.start.line >= 9, 'located at or after the opening quote');
  });

  test('a bad indentation error points at the offending lines', () => {
    const text = `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n     image: x\n`;
    const r = oneError(analyzeText('/virtual/pod.yaml', text), /^YAML: /);
    // the parser blames the compact mapping that the over-indented key would continue
    assert.ok([4, 5].includes(r.errors[0].range.start.line), `line ${r.errors[0].range.start.line}`);
  });

  test('a compose file that does not parse is reported as compose', () => {
    const r = oneError(analyzeText('/virtual/compose.yaml', 'services:\n  web:\n    image: [unclosed\n'), /^YAML: /);
    assert.equal(r.kind, 'compose');
  });

  test('one broken document of several: the others are still analysed', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: ok}
spec:
  nodeSelector: {kubernetes.io/os: windows}
  containers: [{name: a, image: "mcr.microsoft.com/windows/servercore:ltsc2019"}]
---
apiVersion: v1
kind: Pod
metadata: {name: broken
spec:
  containers: [{name: b, image: "mcr.microsoft.com/windows/servercore:ltsc2022"}]
`;
    const r = analyzeText('/virtual/pods.yaml', text);
    assert.equal(r.errors.length, 1, describeReport(r));
    assert.ok(r.errors[0].range.start.line >= 6, 'the error is in the second document');
    assert.deepEqual(codes(r), ['process-isolation-mismatch']);
  });

  test('YAML of another kind that does not parse stays silent', () => {
    assert.equal(newAnalyzer().analyze('/virtual/.github/labels.yaml', '- name: [bug\n', defaultTestConfig()), undefined);
  });
});

describe('files that are not text', () => {
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]).toString('latin1');
  for (const file of ['/virtual/Dockerfile', '/virtual/deployment.yaml', '/virtual/compose.yaml']) {
    test(`a binary file (NUL bytes) named ${path.basename(file)}`, () => {
      const { report } = timed(file, binary + 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n');
      const r = oneError(report, /binary/);
      assert.deepEqual(r.images, []);
    });
  }
});

describe('empty files', () => {
  test('an empty Dockerfile, compose file and manifest: nothing to report, no error', () => {
    for (const [file, text] of [['/virtual/Dockerfile', ''], ['/virtual/compose.yaml', ''], ['/virtual/compose.yaml', '# nothing yet\n'], ['/virtual/Dockerfile', '\r\n']]) {
      const r = newAnalyzer().analyze(file, text, defaultTestConfig());
      assert.ok(r, file);
      assert.deepEqual([r.images, r.diagnostics, r.errors], [[], [], []], `${file} ${JSON.stringify(text)}`);
    }
    assert.equal(newAnalyzer().analyze('/virtual/deployment.yaml', '', defaultTestConfig()), undefined, 'an empty YAML file is no manifest');
  });
});

describe('hostile YAML', () => {
  // billion laughs: 9 aliases per level, 9 levels deep → 9^9 nodes if expanded
  function laughs(prefix: string, indent: string): string {
    let y = `${indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
    for (let i = 1; i <= 9; i++) y += `${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    return prefix + y;
  }

  test('an alias bomb in a manifest returns quickly, without a throw', () => {
    const text = laughs('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n', '  ');
    const { report, ms } = timed('/virtual/bomb.yaml', text);
    // a ConfigMap holds no image: skipping it is as right as analysing it, as long as it is quick
    assert.deepEqual(report?.diagnostics ?? [], []);
    assert.deepEqual(report?.errors ?? [], []);
    assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
  });

  test('an alias bomb that the analysis walks (merge keys into services) is cut off by the alias budget', () => {
    let text = 'x-l0: &l0 {image: "mcr.microsoft.com/windows/servercore:ltsc2019", isolation: process}\n';
    for (let i = 1; i <= 9; i++) text += `x-l${i}: &l${i}\n  <<: [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    text += 'services:\n' + Array.from({ length: 20 }, (_, i) => `  svc${i}: *l9\n`).join('');
    const { report, ms } = timed('/virtual/compose.yaml', text);
    const r = oneError(report, /alias/i);
    assert.match(r.errors[0].message, /maxAliasHops/, 'names the setting that bounds it');
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });

  test('a 50 MB manifest: the size-limit error, at once', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: ' + 'x'.repeat(50 * 1024 * 1024) + '\n';
    const { report, ms } = timed('/virtual/big.yaml', text);
    const r = oneError(report, /too large.*50\.0 MB.*limits\.maxFileBytes/);
    assert.deepEqual(r.errors[0].range.start, { line: 0, character: 0 });
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
  });

  test('100000 nested `[`: a located error, no stack overflow', () => {
    for (const [file, text] of [
      ['/virtual/compose.yaml', `services: ${'['.repeat(100000)}`],
      ['/virtual/deep.yaml', `apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: busybox, args: ${'['.repeat(100000)}`],
      ['/virtual/deep.yaml', '['.repeat(100000)],
    ] as const) {
      const { report, ms } = timed(file, text);
      assert.ok(ms < 5000, `${file}: took ${ms.toFixed(0)} ms`);
      if (file === '/virtual/deep.yaml' && !text.startsWith('apiVersion')) {
        assert.equal(report, undefined, 'YAML that does not look like a manifest stays silent');
        continue;
      }
      const r = oneError(report, /^YAML: /);
      assert.doesNotMatch(r.errors[0].message, /call stack/i, 'a message for people, not the parser\'s stack overflow');
    }
  });
});

describe('nesting depth and line length limits', () => {
  /** a CRD-style schema: `depth` levels of properties, the image at the bottom of a pod template beside it */
  const deepManifest = (levels: number) => {
    let schema = '';
    for (let i = 0; i < levels; i++) schema += `${'  '.repeat(i + 2)}level${i}:\n`;
    schema += `${'  '.repeat(levels + 2)}type: string\n`;
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nx-schema:\n${schema}spec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: mcr.microsoft.com/windows/servercore:ltsc2019\n`;
  };

  test('a document nested deeper than limits.maxNestingDepth is reported at the level that passes it', () => {
    const r = oneError(analyzeText('/virtual/deep.yaml', deepManifest(400)), /limits\.maxNestingDepth \(256\)/);
    assert.equal(r.errors[0].range.start.line, 5 + 255, 'the first line nested deeper than 256 levels (x-schema is one)');
  });

  test('flow brackets count as levels, and the error says where', () => {
    const text = `apiVersion: v1\nkind: Pod\nspec:\n  containers: ${'['.repeat(300)}\n`;
    const r = oneError(analyzeText('/virtual/pod.yaml', text), /maxNestingDepth/);
    assert.deepEqual(r.errors[0].range.start, { line: 3, character: 15 + 253 });
  });

  test('the limit is a setting: deep documents pass when it is raised, shallow ones fail when it is lowered', () => {
    const raised = analyzeText('/virtual/deep.yaml', deepManifest(400), configFrom({ limits: { maxNestingDepth: 1000 } }));
    assert.deepEqual(raised.errors, []);
    assert.deepEqual(codes(raised), ['process-isolation-mismatch', 'k8s-missing-os-selector'], 'the image below the deep block is judged');
    oneError(analyzeText('/virtual/deep.yaml', deepManifest(20), configFrom({ limits: { maxNestingDepth: 10 } })), /limits\.maxNestingDepth \(10\)/);
  });

  test('depth is not fooled by brackets in strings, comments and block scalars', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "${'['.repeat(300)}"\n  annotations:\n    note: '${'{'.repeat(300)}' # ${'['.repeat(300)}\n    script: |\n      ${'[['.repeat(300)}\n    plain: a${'['.repeat(300)}\nspec:\n  containers:\n    - name: a\n      image: mcr.microsoft.com/windows/servercore:ltsc2019\n`;
    const r = analyzeText('/virtual/pod.yaml', text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(codes(r), ['process-isolation-mismatch', 'k8s-missing-os-selector']);
  });

  test('a YAML line longer than limits.maxLineLength: that document is reported, the others analysed', () => {
    const long = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    blob: ${'x'.repeat(200000)}\nspec:\n  containers:\n    - {name: a, image: mcr.microsoft.com/windows/servercore:ltsc2019}\n`;
    const fine = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  nodeSelector: {kubernetes.io/os: windows}\n  containers:\n    - {name: b, image: mcr.microsoft.com/windows/servercore:ltsc2019}\n';
    const r = analyzeText('/virtual/pods.yaml', `${long}---\n${fine}`);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /a line of 200,010 characters, more than limits\.maxLineLength \(100,000\)/);
    assert.equal(r.errors[0].range.start.line, 5);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.start.line]), [['process-isolation-mismatch', 17]]);
  });

  test('a long line in a block wincompat never reads (a ConfigMap\'s data) costs nothing', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: certs\ndata:\n  ca.crt: ${'QUJD'.repeat(100000)}\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: mcr.microsoft.com/windows/servercore:ltsc2019}\n`;
    assert.deepEqual(analyzeText('/virtual/all.yaml', text).errors, []);
  });

  test('a Dockerfile line longer than limits.maxLineLength: the file is reported at that line, from text or from lines', () => {
    const text = `FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo ${'x'.repeat(150000)}\n`;
    const r = oneError(analyzeText('/virtual/Dockerfile', text), /line 2 has 150,009 characters, more than limits\.maxLineLength/);
    assert.deepEqual(r.errors[0].range.start, { line: 1, character: 0 });
    const lines = text.split('\n');
    const fromLines = newAnalyzer().analyze('/virtual/Dockerfile', { length: text.length, lineArray: () => lines, toString: () => text } as never, defaultTestConfig());
    assert.deepEqual(fromLines?.errors, r.errors);
    assert.deepEqual(codes(analyzeText('/virtual/Dockerfile', text, configFrom({ limits: { maxLineLength: 200000 } }))), ['process-isolation-mismatch']);
  });
});

describe('unknown tags', () => {
  test('a Windows repository tag that names no release: unknown-windows-tag information, judged unknown', () => {
    const r = analyzeText('/virtual/Dockerfile', 'FROM mcr.microsoft.com/windows/servercore:2023-preview\nFROM mcr.microsoft.com/windows/nanoserver:latest\n');
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [
      ['unknown-windows-tag', 'information', 0],
      ['unknown-windows-tag', 'information', 1],
    ]);
    assert.match(r.diagnostics[1].message, /latest/);
    for (const i of r.images) {
      assert.equal(i.windowsBuild, null);
      assert.deepEqual(i.verdicts.map((v) => v.status), ['unknown']);
    }
  });

  test('an image no table knows is unknown and reported with no finding', () => {
    const r = analyzeText('/virtual/Dockerfile', 'FROM contoso/build-agent:7.1\n');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.images[0].os, 'unknown');
  });
});

describe('Helm templates', () => {
  test('a chart template is reported as not analysed, never as a YAML error', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "demo.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          {{- with .Values.resources }}
          resources: {{- toYaml . | nindent 12 }}
          {{- end }}
`;
    const r = oneError(analyzeText('/virtual/charts/demo/templates/deployment.yaml', text), /Helm template/);
    assert.doesNotMatch(r.errors[0].message, /^YAML/);
    assert.deepEqual(r.errors[0].range.start, { line: 3, character: 8 }, 'points at the first template action');
  });

  test('the example chart in examples/', () => {
    const file = path.resolve(fixturePath(), '../../examples/charts/wincompat-demo/templates/deployment.yaml');
    const r = oneError(analyzeFile(file), /Helm template/);
    assert.equal(r.images.length, 0);
  });
});

describe('a Linux-only workspace', () => {
  const dir = fixturePath('workspaces', 'linux-only');

  test('nginx/redis/postgres in a Dockerfile, a compose file and a Deployment: zero diagnostics', () => {
    const files = filesUnder(dir);
    assert.ok(files.length >= 3, 'the fixture has a Dockerfile, a compose file and a manifest');
    const analyzer = newAnalyzer();
    const kinds = new Set<string>();
    for (const file of files) {
      if (!analyzer.candidate(file)) continue;
      const r = analyzer.analyze(file, fs.readFileSync(file, 'utf8'), defaultTestConfig());
      assert.ok(r, `${path.basename(file)} is analysed`);
      kinds.add(r.kind);
      assert.deepEqual(r.errors, [], path.basename(file));
      assert.deepEqual(r.diagnostics, [], `${path.basename(file)}:\n${describeReport(r)}`);
      assert.ok(r.images.length > 0, `${path.basename(file)} has images`);
      for (const i of r.images) assert.equal(i.os, 'linux', `${i.ref} is Linux`);
    }
    assert.deepEqual([...kinds].sort(), ['compose', 'dockerfile', 'kubernetes']);
  });
});
