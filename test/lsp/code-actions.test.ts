// Language server: quick fixes from the engine, the suppress action and source.fixAll.wincompat,
// each applied to the text like an editor would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { codes, startClient, type TestClient } from './helper';

function actions(c: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
}

test('the initialize result advertises the capabilities served', async () => {
  const c = await startClient();
  try {
    const caps = c.initializeResult!.capabilities;
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.wincompat'] });
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.completionProvider?.triggerCharacters, [':', '-']);
    const uri = c.open('Dockerfile', 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const kinds = new Set((await actions(c, uri, p.diagnostics)).map((a) => a.kind));
    assert.deepEqual([...kinds].sort(), ['quickfix', 'source.fixAll.wincompat']);
  } finally { await c.shutdown(); }
});

test('quick fix: the preferred retag, applied, removes the diagnostic', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('Dockerfile');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const fixes = (await actions(c, uri, p.diagnostics, ['quickfix'])).filter((a) => a.kind === 'quickfix');
    const retag = fixes.find((a) => a.isPreferred);
    assert.ok(retag, JSON.stringify(fixes));
    assert.deepEqual(retag.diagnostics?.map((d) => d.code), ['process-isolation-mismatch']);
    assert.ok(fixes.every((a) => a.kind === 'quickfix'));
    const v = c.applyWorkspaceEdit(uri, retag.edit);
    assert.equal(c.text(uri), '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hello\n');
    assert.deepEqual((await c.waitForDiagnostics(uri, (x) => x.version === v)).diagnostics, []);
  } finally { await c.shutdown(); }
});

test('quick fix with an edit in another file: the compose service fix retags the Dockerfile it builds', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const compose = c.open('compose/compose.yaml');
    const p = await c.waitForDiagnostics(compose, (x) => x.version === 1);
    const all = await actions(c, compose, p.diagnostics, ['quickfix']);
    const retag = all.find((a) => a.isPreferred)!;
    const dockerfile = c.uri('compose/app/Dockerfile');
    assert.deepEqual(Object.keys(retag.edit!.changes!), [dockerfile]);
    const hyperv = all.find((a) => /Hyper-V/.test(a.title))!;
    assert.deepEqual(Object.keys(hyperv.edit!.changes!), [compose]);
    const v = c.applyWorkspaceEdit(compose, hyperv.edit);
    assert.match(c.text(compose), /app:\n {4}build: \.\/app\n {4}isolation: hyperv\n/);
    assert.deepEqual((await c.waitForDiagnostics(compose, (x) => x.version === v)).diagnostics, []);
  } finally { await c.shutdown(); }
});

test('suppress: a comment line above, below the parser directives of a Dockerfile', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('Dockerfile');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const suppress = (await actions(c, uri, p.diagnostics)).find((a) => a.title === 'Suppress process-isolation-mismatch here');
    assert.ok(suppress);
    assert.equal(suppress.kind, 'quickfix');
    const v = c.applyWorkspaceEdit(uri, suppress.edit);
    assert.equal(c.text(uri), '# escape=`\n# wincompat ignore=process-isolation-mismatch reason: \nFROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo hello\n');
    assert.deepEqual((await c.waitForDiagnostics(uri, (x) => x.version === v)).diagnostics, []);
  } finally { await c.shutdown(); }
});

test('suppress in YAML keeps the indentation of the line', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('k8s/deployment.yaml');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.deepEqual(codes(p), ['process-isolation-mismatch']);
    const suppress = (await actions(c, uri, p.diagnostics)).find((a) => a.title.startsWith('Suppress'))!;
    const v = c.applyWorkspaceEdit(uri, suppress.edit);
    assert.match(c.text(uri), /\n {8}- name: web\n {10}# wincompat ignore=process-isolation-mismatch reason: \n {10}image: mcr/);
    assert.deepEqual((await c.waitForDiagnostics(uri, (x) => x.version === v)).diagnostics, []);
  } finally { await c.shutdown(); }
});

test('source.fixAll.wincompat applies the preferred fix of every diagnostic', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    const uri = c.open('multistage/Dockerfile');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.deepEqual(codes(p), ['process-isolation-mismatch', 'process-isolation-mismatch']);
    const fixAll = await actions(c, uri, [], ['source.fixAll']);
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.wincompat');
    assert.equal(fixAll[0].edit!.changes![uri].length, 2);
    const v = c.applyWorkspaceEdit(uri, fixAll[0].edit);
    assert.match(c.text(uri), /^FROM mcr\.microsoft\.com\/windows\/servercore:ltsc2022 AS build\n/);
    assert.match(c.text(uri), /\nFROM mcr\.microsoft\.com\/windows\/nanoserver:ltsc2022\n/);
    assert.deepEqual((await c.waitForDiagnostics(uri, (x) => x.version === v)).diagnostics, []);
    assert.deepEqual(await actions(c, uri, [], ['source.fixAll.wincompat']), [], 'nothing left to fix');
    assert.deepEqual(await actions(c, uri, [], ['refactor']), [], 'other kinds are not served');
  } finally { await c.shutdown(); }
});
