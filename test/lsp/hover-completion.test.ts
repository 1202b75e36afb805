// Language server: hover on image references and placement values, tag completion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './helper';

async function hover(c: TestClient, uri: string, search: string, offset = 2): Promise<Hover | null> {
  return c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, search, offset) }) as Promise<Hover | null>;
}

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

async function complete(c: TestClient, uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
  const list = await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position }) as CompletionList;
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

test('hover on an image: resolved reference, build, release, lifecycle and a verdict per target', async () => {
  const c = await startClient({ fixture: 'workspace', settings: { targets: [{ host: 'ltsc2022' }, { host: 'ltsc2019', name: 'Pool 2019' }] } });
  try {
    const uri = c.open('Dockerfile');
    await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const h = await hover(c, uri, 'mcr.microsoft.com/windows/servercore:ltsc2019', 10);
    const md = markdown(h);
    assert.match(md, /`mcr\.microsoft\.com\/windows\/servercore:ltsc2019`/);
    assert.match(md, /10\.0\.17763/);
    assert.match(md, /Windows Server 2019/);
    assert.match(md, /Support: supported until 2029-01-09/);
    assert.match(md, /\| Target \| Isolation \| Verdict \| Why \|/);
    assert.match(md, /\| Windows Server 2022 \(10\.0\.20348\) \| process \| 🟡 Hyper-V isolation only \|/);
    assert.match(md, /\| Pool 2019 \(10\.0\.17763\) \| process \| ✅ runs \(process isolation\) \|/);
    assert.deepEqual(h!.range!.start, c.positionOf(uri, 'mcr.microsoft.com/windows/servercore'));
    assert.equal(await hover(c, uri, 'RUN echo', 1), null, 'no hover off an image');
  } finally { await c.shutdown(); }
});

test('hover shows the provenance of a stage reference and of a compose build', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('multistage/Dockerfile');
    await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const md = markdown(await hover(c, uri, 'FROM build', 6));
    assert.match(md, /via stage build/);
    assert.match(md, /`mcr\.microsoft\.com\/windows\/servercore:ltsc2019`/);
    const compose = c.open('compose/compose.yaml');
    await c.waitForDiagnostics(compose, (x) => x.version === 1);
    assert.match(markdown(await hover(c, compose, 'build: ./app', 2)), /via built from `app\/Dockerfile`/);
  } finally { await c.shutdown(); }
});

test('hover on a Kubernetes windows-build value and on a compose isolation value explains them', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const k8s = c.open('k8s/deployment.yaml');
    await c.waitForDiagnostics(k8s, (x) => x.version === 1);
    const value = markdown(await hover(c, k8s, '"10.0.20348"', 3));
    assert.match(value, /node\.kubernetes\.io\/windows-build/);
    assert.match(value, /Windows Server 2022 \(10\.0\.20348\)/);
    assert.match(value, /Configured targets of this build: Windows Server 2022/);
    const compose = c.open('compose/compose.yaml');
    await c.waitForDiagnostics(compose, (x) => x.version === 1);
    const iso = markdown(await hover(c, compose, 'isolation: hyperv', 12));
    assert.match(iso, /Hyper-V isolation/);
    assert.match(iso, /older than the host/);
  } finally { await c.shutdown(); }
});

test('hover on a Swarm placement constraint: what it selects, the build a label names, and a rejected operator', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const text = 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2019\n    deploy:\n      placement:\n        constraints:\n          - node.platform.os == windows\n          - "node.labels.OsVersion == 10.0.17763"\n          - node.labels.zone=west\n';
    const uri = c.open('swarm/compose.yaml', text, 'yaml');
    await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const os = markdown(await hover(c, uri, 'node.platform.os == windows', 5));
    assert.match(os, /Places the service on nodes whose operating system is `windows`/);
    assert.match(os, /no attribute for the Windows build/);
    assert.match(os, /--label-add OsVersion=<build>/);
    const label = markdown(await hover(c, uri, 'node.labels.OsVersion == 10.0.17763', 30));
    assert.match(label, /node label `OsVersion` is `10\.0\.17763`/);
    assert.match(label, /Windows Server 2019 \(10\.0\.17763\)/);
    assert.match(label, /None of the configured targets \(Windows Server 2022, 10\.0\.20348\) has this build/);
    assert.match(markdown(await hover(c, uri, 'node.labels.zone=west', 3)), /Swarm rejects `=`/);
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 6 } }), null, 'nothing on `deploy:`');
  } finally { await c.shutdown(); }
});

test('completion after FROM mcr.microsoft.com/windows/servercore: offers its tags, the first target first', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const text = 'FROM mcr.microsoft.com/windows/servercore:\n';
    const uri = c.open('new/Dockerfile', text);
    await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const items = await complete(c, uri, { line: 0, character: text.indexOf('\n') });
    const labels = items.map((i) => i.label);
    assert.deepEqual([...labels].sort(), ['1809', 'ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025']);
    assert.equal(labels[0], 'ltsc2022', 'the default target is Windows Server 2022');
    assert.equal(items[0].detail, '10.0.20348 · Windows Server 2022');
    assert.equal(items[0].preselect, true);
    assert.deepEqual(items[0].textEdit, { range: { start: { line: 0, character: 42 }, end: { line: 0, character: 42 } }, newText: 'ltsc2022' });
    // with a 2019 first target, the 2019 tags come first
    c.settings = { ...c.settings, targets: [{ host: 'ltsc2019' }] };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const again = await complete(c, uri, { line: 0, character: text.indexOf('\n') });
    assert.deepEqual(again.slice(0, 2).map((i) => i.label), ['ltsc2019', '1809']);
  } finally { await c.shutdown(); }
});

test('completion in an image: value of a variant-suffix repository continues the typed version', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const text = 'services:\n  api:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0-\n';
    const uri = c.open('compose.yaml', text);
    await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const line = text.split('\n')[2];
    const items = await complete(c, uri, { line: 2, character: line.length });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('8.0-nanoserver-ltsc2022') && labels.includes('8.0-windowsservercore-ltsc2022'), labels.join());
    assert.ok(labels.includes('8.0-nanoserver-1809') && !labels.includes('8.0-nanoserver-ltsc2019'), 'Nano Server 2019 is 1809');
    assert.match(labels[0], /-ltsc2022$/);
    assert.equal(items[0].textEdit && 'range' in items[0].textEdit ? items[0].textEdit.range.start.character : -1, line.indexOf('8.0-'));
    // nothing after a repository wincompat does not know, or outside an image value
    assert.deepEqual(await complete(c, uri, { line: 1, character: 5 }), []);
  } finally { await c.shutdown(); }
});
