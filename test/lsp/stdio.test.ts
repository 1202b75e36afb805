// Smoke test of the shipped bundle: `node dist/server.js --stdio` initializes, diagnoses an open
// Dockerfile, and exits with 0 after shutdown + exit. (npm test builds dist/ before it runs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './helper';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

const SERVER = path.join(REPO, 'dist/server.js');

test('stdio: node dist/server.js --stdio serves diagnostics and exits cleanly', { skip: !fs.existsSync(SERVER) && 'dist/server.js not built' }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wincompat-stdio-'));
  const dockerfile = path.join(root, 'Dockerfile');
  fs.writeFileSync(dockerfile, 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n');
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const timer = setTimeout(() => child.kill(), 20000);
  try {
    const uri = pathToFileURL(dockerfile).href;
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => {
      conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { if (p.uri === uri) resolve(p); });
    });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    conn.listen();
    const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: null, capabilities: { workspace: { configuration: true } } }) as { serverInfo?: { name: string } };
    assert.equal(init.serverInfo?.name, 'wincompat-language-server');
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: fs.readFileSync(dockerfile, 'utf8') } });
    const p = await diagnostics;
    assert.equal(p.version, 1);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['process-isolation-mismatch']);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    assert.equal(await exited, 0, stderr);
  } finally {
    clearTimeout(timer);
    conn.dispose();
    if (child.exitCode === null) child.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('stdio: the server exits when its input closes', { skip: !fs.existsSync(SERVER) && 'dist/server.js not built' }, async () => {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timer = setTimeout(() => child.kill(), 20000);
  try {
    child.stdin.end();
    const code = await exited;
    assert.notEqual(code, null, 'it exited by itself, it was not killed');
  } finally {
    clearTimeout(timer);
  }
});
