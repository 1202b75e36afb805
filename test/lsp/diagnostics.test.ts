// Language server: diagnostics while editing, debouncing, settings changes, compose dependents,
// malformed input, unknown documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, startClient } from './helper';

test('open → diagnostics with code, codeDescription, source and the fixes as data', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('Dockerfile');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.deepEqual(codes(p), ['process-isolation-mismatch']);
    const d = p.diagnostics[0];
    assert.equal(d.source, 'wincompat');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription!.href, /rules\.md#process-isolation-mismatch$/);
    assert.deepEqual(d.range.start, c.positionOf(uri, 'mcr.microsoft.com/windows/servercore'));
    const fixes = d.data as Array<{ title: string; preferred?: boolean; edits: unknown[] }>;
    assert.ok(fixes.some((f) => f.preferred && /ltsc2022/.test(f.title)), JSON.stringify(fixes));
  } finally { await c.shutdown(); }
});

test('an edit re-diagnoses: retag ltsc2019 → ltsc2022 clears the error', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('Dockerfile');
    await c.waitForDiagnostics(uri, (x) => x.version === 1 && x.diagnostics.length === 1);
    const v = c.replace(uri, 'ltsc2019', 'ltsc2022');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === v);
    assert.deepEqual(p.diagnostics, []);
    const back = c.replace(uri, 'ltsc2022', 'ltsc2016');
    const again = await c.waitForDiagnostics(uri, (x) => x.version === back);
    assert.deepEqual(codes(again), ['process-isolation-mismatch']);
  } finally { await c.shutdown(); }
});

test('debounce: a newer change cancels the pending one, no stale version is published', async () => {
  const c = await startClient({ fixture: 'workspace', settings: { debounceMs: 40 } });
  try {
    const uri = c.open('Dockerfile');
    await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const v2 = c.replace(uri, 'ltsc2019', 'ltsc2022');
    const v3 = c.replace(uri, 'ltsc2022', 'ltsc2025');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === v3);
    assert.deepEqual(codes(p), ['image-newer-than-host']);
    assert.ok(!c.published.some((x) => x.uri === uri && x.version === v2), 'version 2 was never published');
    const versions = c.published.filter((x) => x.uri === uri).map((x) => x.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go up');
  } finally { await c.shutdown(); }
});

test('a settings change (workspace/configuration) re-diagnoses with the new target', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('Dockerfile');
    await c.waitForDiagnostics(uri, (x) => x.version === 1 && x.diagnostics.length === 1);
    const asked = c.configurationRequests;
    c.settings = { ...c.settings, targets: [{ host: 'ltsc2019' }] };
    const since = c.mark();
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await c.waitForDiagnostics(uri, () => true, since);
    assert.deepEqual(p.diagnostics, [], 'a 2019 image on a 2019 target is fine');
    assert.ok(c.configurationRequests > asked, 'settings were pulled again');
    c.settings = { ...c.settings, targets: [{ host: 'ltsc2022', isolation: 'hyperv', name: 'Pool 2022 (Hyper-V)' }] };
    const since2 = c.mark();
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p2 = await c.waitForDiagnostics(uri, () => true, since2);
    assert.deepEqual(p2.diagnostics, [], 'Hyper-V isolation runs the older image');
  } finally { await c.shutdown(); }
});

test('a client without workspace/configuration pushes its settings with didChangeConfiguration', async () => {
  const c = await startClient({ fixture: 'workspace', capabilities: { workspace: { workspaceFolders: true } } });
  try {
    const uri = c.open('Dockerfile');
    assert.deepEqual(codes(await c.waitForDiagnostics(uri, (x) => x.version === 1)), ['process-isolation-mismatch']);
    const since = c.mark();
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { wincompat: { targets: [{ host: '10.0.17763' }], debounceMs: 0 } } });
    assert.deepEqual((await c.waitForDiagnostics(uri, () => true, since)).diagnostics, []);
    assert.equal(c.configurationRequests, 0);
  } finally { await c.shutdown(); }
});

test('a .wincompat.yaml applies to its folder; its errors become diagnostics and the last good one stays', async () => {
  const c = await startClient({ fixture: 'workspace', files: { 'pool2019/.wincompat.yaml': 'targets:\n  - host: ltsc2019\n', 'pool2019/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n' } });
  try {
    const uri = c.open('pool2019/Dockerfile');
    assert.deepEqual((await c.waitForDiagnostics(uri, (x) => x.version === 1)).diagnostics, []);
    const opening = c.mark();
    const cfg = c.open('pool2019/.wincompat.yaml');
    await c.waitForDiagnostics(cfg, (x) => x.version === 1 && x.diagnostics.length === 0, opening);
    await c.waitForDiagnostics(uri, () => true, opening); // opening it re-judges the open documents
    const since = c.mark();
    c.replace(cfg, 'ltsc2019', 'no-such-host');
    const errors = await c.waitForDiagnostics(cfg, (x) => x.diagnostics.length > 0, since);
    assert.equal(errors.diagnostics[0].code, 'config');
    assert.match(String(errors.diagnostics[0].message), /no-such-host/);
    const after = await c.waitForDiagnostics(uri, () => true, since);
    assert.deepEqual(after.diagnostics, [], 'the last good configuration (ltsc2019) stays in use');
    const since2 = c.mark();
    c.replace(cfg, 'no-such-host', 'ltsc2022');
    await c.waitForDiagnostics(cfg, (x) => x.diagnostics.length === 0, since2);
    const judged = await c.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0, since2);
    assert.deepEqual(codes(judged), ['process-isolation-mismatch']);
  } finally { await c.shutdown(); }
});

test('a Dockerfile edit re-judges the compose file that builds it', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const compose = c.open('compose/compose.yaml');
    const first = await c.waitForDiagnostics(compose, (x) => x.version === 1);
    assert.deepEqual(codes(first), ['process-isolation-mismatch']);
    assert.deepEqual(first.diagnostics[0].range.start, c.positionOf(compose, 'build: ./app'), 'on the service build');
    const opening = c.mark();
    const dockerfile = c.open('compose/app/Dockerfile');
    await c.waitForDiagnostics(dockerfile, (x) => x.version === 1);
    await c.waitForDiagnostics(compose, () => true, opening); // opening it re-judges the compose file too
    const since = c.mark();
    c.replace(dockerfile, 'ltsc2019', 'ltsc2022');
    const rejudged = await c.waitForDiagnostics(compose, () => true, since);
    assert.deepEqual(rejudged.diagnostics, [], 'the compose service now builds on ltsc2022');
    assert.equal(rejudged.version, 1, 'the compose document itself did not change');
    // closing the Dockerfile unsaved: the compose file reads the disk again
    const since2 = c.mark();
    c.close(dockerfile);
    const reverted = await c.waitForDiagnostics(compose, () => true, since2);
    assert.deepEqual(codes(reverted), ['process-isolation-mismatch']);
  } finally { await c.shutdown(); }
});

test('a manifest naming an image the workspace builds is judged by its Dockerfile, also after an edit there', async () => {
  const c = await startClient({
    files: {
      'compose.yaml': 'services:\n  app:\n    image: contoso/app:1.0\n    build: ./app\n',
      'app/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n',
      'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  nodeSelector:\n    kubernetes.io/os: windows\n  containers:\n    - name: app\n      image: contoso/app:1.0\n',
    },
  });
  try {
    // the compose file is not open: the server learns what the workspace builds on its own
    const pod = c.open('k8s/pod.yaml');
    const judged = await c.waitForDiagnostics(pod, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(judged), ['process-isolation-mismatch']);
    assert.match(String(judged.diagnostics[0].message), /built from/);
    const dockerfile = c.open('app/Dockerfile');
    await c.waitForDiagnostics(dockerfile, (x) => x.version === 1);
    c.replace(dockerfile, 'ltsc2019', 'ltsc2022');
    await c.waitForDiagnostics(pod, (x) => x.diagnostics.length === 0);
  } finally { await c.shutdown(); }
});

test('an untitled Dockerfile is analysed by its language id', async () => {
  const c = await startClient();
  try {
    const uri = c.openUntitled('untitled:Untitled-1', 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n', 'dockerfile');
    assert.deepEqual(codes(await c.waitForDiagnostics(uri, (x) => x.version === 1)), ['process-isolation-mismatch']);
    const v = c.replace(uri, 'ltsc2019', 'ltsc2022');
    assert.deepEqual((await c.waitForDiagnostics(uri, (x) => x.version === v)).diagnostics, []);
    const since = c.mark();
    c.close(uri);
    assert.deepEqual((await c.waitForDiagnostics(uri, () => true, since)).diagnostics, []);
  } finally { await c.shutdown(); }
});

test('malformed YAML → one input diagnostic, and the server keeps working', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('docker-compose.yml', 'services:\n  web:\n    image: [unclosed\n    build: ./web\n');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].code, 'input');
    assert.equal(p.diagnostics[0].severity, 1);
    assert.match(String(p.diagnostics[0].message), /YAML/);
    const v = c.replace(uri, '[unclosed', 'mcr.microsoft.com/windows/servercore:ltsc2019');
    const fixed = await c.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(fixed.diagnostics.every((d) => d.code !== 'input'), JSON.stringify(fixed.diagnostics));
    const helm = c.open('templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  image: {{ .Values.image }}\n');
    const note = await c.waitForDiagnostics(helm, (x) => x.version === 1);
    assert.equal(note.diagnostics.length, 1);
    assert.equal(note.diagnostics[0].severity, 3, 'a Helm template is a note, not an error');
  } finally { await c.shutdown(); }
});

test('YAML of another kind publishes nothing; requests for unknown or closed documents return empty results', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const notes = c.open('notes.yaml');
    assert.deepEqual((await c.waitForDiagnostics(notes, (x) => x.version === 1)).diagnostics, []);
    const unknown = c.uri('does/not/exist/Dockerfile');
    const position = { line: 0, character: 6 };
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position }), null);
    assert.deepEqual(await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    const completion = await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: unknown }, position }) as { items: unknown[] };
    assert.deepEqual(completion.items, []);
    const uri = c.open('Dockerfile');
    await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const since = c.mark();
    c.close(uri);
    assert.deepEqual((await c.waitForDiagnostics(uri, () => true, since)).diagnostics, [], 'closing clears');
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 10 } }), null);
  } finally { await c.shutdown(); }
});

test('versions that go backwards, and changes to documents never opened, leave the diagnostics true to the text', async () => {
  const c = await startClient({ fixture: 'workspace', settings: { debounceMs: 0 } });
  try {
    const pod = (name: string, tag: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeSelector: {kubernetes.io/os: windows}\n  containers:\n    - name: ${name}\n      image: mcr.microsoft.com/windows/servercore:${tag}\n`;
    const uri = c.open('k8s/pods.yaml', `${pod('a', 'ltsc2022')}---\n${pod('b', 'ltsc2022')}`, 'yaml');
    assert.deepEqual(codes(await c.waitForDiagnostics(uri, (x) => x.version === 1)), []);
    // a buggy client: version 7, then version 4 (lower), each a ranged edit of the second pod's tag
    const tag = { line: 18, character: 50 };
    const at = (v: number, text: string, len: number) => c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v }, contentChanges: [{ range: { start: tag, end: { line: tag.line, character: tag.character + len } }, text }],
    });
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: c.uri('k8s/never-opened.yaml'), version: 2 }, contentChanges: [{ text: 'kind: Pod' }] });
    await at(7, 'ltsc2019', 8);
    await at(4, 'ltsc2025', 8);
    const last = await c.waitForDiagnostics(uri, (x) => x.version === 4);
    assert.deepEqual(last.diagnostics.map((d) => [d.code, d.range.start.line]), [['image-newer-than-host', 18]], 'judged on the text as the client last changed it');
    assert.ok(!c.published.some((x) => x.uri === c.uri('k8s/never-opened.yaml')), 'nothing is published for a document that was never opened');
  } finally { await c.shutdown(); }
});
