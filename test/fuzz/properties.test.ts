// Property tests: the engine never throws, answers in time proportional to the input, and every
// fix it offers yields text that re-parses, removes its finding and keeps the user's comments.
// CI runs a bounded number of cases; `npm run fuzz` runs many (FUZZ_RUNS) and prints the count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Analyzer } from '../../server/src/engine/analysis/analyzer';
import { defaultConfig } from '../../server/src/engine/config/config';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/cli/apply-edits';
import type { FileReport } from '../../server/src/engine/types';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const config = defaultConfig({ today: '2026-12-04' });
let cases = 0;

const IMAGES = [
  'mcr.microsoft.com/windows/servercore:ltsc2019', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/nanoserver:1809',
  'mcr.microsoft.com/windows/servercore:10.0.17763.973', 'mcr.microsoft.com/windows/servercore:ltsc2016', 'microsoft/windowsservercore:ltsc2016',
  'mcr.microsoft.com/dotnet/framework/aspnet:4.8', 'mcr.microsoft.com/dotnet/aspnet:8.0', 'mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809',
  'golang:1.27-windowsservercore-ltsc2025', 'nginx:1.27', 'contoso/app:1.0', 'mcr.microsoft.com/windows/servercore:latest', '${BASE}', 'mcr.microsoft.com/windows/servercore:${TAG:-ltsc2019}',
];
const image = fc.constantFrom(...IMAGES);
const comment = fc.string({ maxLength: 20 }).map((s) => `# note ${s.replace(/[\r\n]/g, ' ')}`);

const dockerfile = fc.record({
  escape: fc.boolean(),
  args: fc.array(fc.tuple(fc.constantFrom('BASE', 'TAG', 'V'), image), { maxLength: 2 }),
  stages: fc.array(fc.tuple(image, fc.boolean(), comment, fc.constantFrom('RUN echo hi', 'COPY . C:/app', 'RUN <<EOF\nFROM not-an-instruction\nEOF', 'RUN powershell -Command `\n  Write-Host hi', 'COPY --from=0 /a /b')), { minLength: 1, maxLength: 4 }),
}).map(({ escape, args, stages }) => [
  ...(escape ? ['# escape=`'] : []),
  ...args.map(([k, v]) => `ARG ${k}=${v.replace(/^\$\{BASE\}$/, 'x')}`),
  ...stages.flatMap(([img, named, c, body], i) => [c, `FROM ${i > 0 && named ? `s${i - 1}` : img}${named ? ` AS s${i}` : ''}`, body]),
].join('\n') + '\n');

const manifest = fc.array(fc.record({
  kind: fc.constantFrom('Deployment', 'Pod', 'CronJob', 'DaemonSet'),
  image,
  os: fc.constantFrom(undefined, 'windows', 'linux'),
  build: fc.constantFrom(undefined, '10.0.17763', '10.0.20348', 17763),
  beta: fc.boolean(),
  c: comment,
}), { minLength: 1, maxLength: 4 }).map((docs) => docs.map((d) => {
  const sel = [d.os && `${d.beta ? 'beta.' : ''}kubernetes.io/os: ${d.os}`, d.build && `node.kubernetes.io/windows-build: ${typeof d.build === 'number' ? d.build : `"${d.build}"`}`].filter(Boolean) as string[];
  const spec = [...(sel.length ? ['nodeSelector:', ...sel.map((s) => `  ${s}`)] : []), 'containers:', '  - name: c', `    image: ${JSON.stringify(d.image)}`, '    env:', '      - {name: A, value: "1"}'];
  const path = d.kind === 'Pod' ? ['spec:'] : d.kind === 'CronJob' ? ['spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:'] : ['spec:', '  template:', '    spec:'];
  const indent = ' '.repeat(path.length * 2);
  return [`${d.c}`, `apiVersion: v1`, `kind: ${d.kind}`, 'metadata: {name: x}', ...path, ...spec.map((s) => indent + s)].join('\n');
}).join('\n---\n') + '\n');

const compose = fc.array(fc.record({ image, isolation: fc.constantFrom(undefined, 'process', 'hyperv'), constraint: fc.constantFrom(undefined, 'node.platform.os=windows', 'node.platform.os == windows'), c: comment }), { minLength: 1, maxLength: 3 })
  .map((svcs) => ['services:', ...svcs.flatMap((s, i) => [`  ${s.c}`, `  s${i}:`, `    image: ${JSON.stringify(s.image)}`, ...(s.isolation ? [`    isolation: ${s.isolation}`] : []), ...(s.constraint ? ['    deploy:', '      placement:', `        constraints: [${JSON.stringify(s.constraint)}]`] : [])])].join('\n') + '\n');

/** a mutation: drop, duplicate or insert characters at random places */
const mutate = (gen: fc.Arbitrary<string>) => fc.tuple(gen, fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.string({ maxLength: 4 })), { maxLength: 3 }))
  .map(([text, muts]) => muts.reduce((t, [at, del, ins]) => { const i = at % (t.length + 1); return t.slice(0, i) + ins + t.slice(i + del); }, text));

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
  fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('Dockerfile', 'compose.yaml', 'k8s.yaml'), (bytes, name) => {
    analyze(`/fuzz/${name}`, Buffer.from(bytes).toString('latin1'));
  }), { numRuns: RUNS });
});

test('random text (no NUL, so it is parsed) never throws, in any file kind', () => {
  const text = fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('\n', '---\n', 'FROM ', 'ARG X=${Y:-', 'image: ', 'kind: Pod\n', '  - ', ': ', '{', '[', '&a ', '*a ', '<<: ', '`\n', '\\\n', '"')), { maxLength: 80 })
    .map((parts) => parts.join('').replace(/\0/g, ''));
  fc.assert(fc.property(text, fc.constantFrom('Dockerfile', 'compose.yaml', 'k8s.yaml'), (t, name) => {
    analyze(`/fuzz/${name}`, t);
  }), { numRuns: RUNS });
});

test('generated and mutated Dockerfiles never throw', () => {
  fc.assert(fc.property(mutate(dockerfile), (text) => { analyze('/fuzz/Dockerfile', text); }), { numRuns: RUNS });
});

test('generated and mutated manifests and compose files never throw', () => {
  fc.assert(fc.property(mutate(manifest), (text) => { analyze('/fuzz/k8s.yaml', text); }), { numRuns: RUNS });
  fc.assert(fc.property(mutate(compose), (text) => { analyze('/fuzz/compose.yaml', text); }), { numRuns: RUNS });
});

test('every fix on a Dockerfile keeps comments, removes its finding and is idempotent', () => {
  fc.assert(fc.property(dockerfile, (text) => checkFixes('/fuzz/Dockerfile', text, () => {})), { numRuns: RUNS });
});

test('every fix on a manifest re-parses, keeps comments, removes its finding and is idempotent', () => {
  fc.assert(fc.property(manifest, (text) => checkFixes('/fuzz/k8s.yaml', text, yamlParses)), { numRuns: RUNS });
});

test('every fix on a compose file re-parses, keeps comments, removes its finding and is idempotent', () => {
  fc.assert(fc.property(compose, (text) => checkFixes('/fuzz/compose.yaml', text, yamlParses)), { numRuns: RUNS });
});

test.after(() => { process.stdout.write(`fuzz: ${cases} analyses over ${RUNS} runs per property\n`); });
