// Language server: wincompat/checkWorkspace (walk, publish, progress, summary, cancellation),
// wincompat/report, and the diagnostics of checked files when they are opened and closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { CHECK_WORKSPACE_REQUEST, REPORT_REQUEST, type WorkspaceCheckResult } from '../../server/src/shared/protocol';
import { codes, startClient } from './helper';

test('workspace check: publishes every candidate file, reports progress, returns the summary', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    assert.equal(await c.conn.sendRequest(REPORT_REQUEST, {}), null, 'no report before a check');
    const open = c.open('Dockerfile', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n');
    await c.waitForDiagnostics(open, (x) => x.version === 1);
    const result = await c.conn.sendRequest(CHECK_WORKSPACE_REQUEST, {}) as WorkspaceCheckResult;
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 5, 'Dockerfile, multistage, compose + its Dockerfile, k8s; not notes.yaml, not ignored/');
    assert.equal(result.images, 8);
    assert.deepEqual(result.diagnostics, { error: 5, warning: 0, information: 0, hint: 0 }, 'the open Dockerfile counts with its unsaved text');
    assert.deepEqual(result.targets, [{ name: 'Windows Server 2022', build: '10.0.20348', isolation: 'process', process: 2, hyperv: 6, unsupported: 0, unknown: 0 }]);
    assert.ok(!result.matrix.some((r) => r.uri.includes('/ignored/')), '.gitignore is respected');
    const row = result.matrix.find((r) => r.uri === c.uri('k8s/deployment.yaml'))!;
    assert.deepEqual(row.verdicts, [{ target: 'Windows Server 2022', status: 'hyperv' }]);
    assert.equal(row.resolved, 'mcr.microsoft.com/windows/servercore:ltsc2019');
    // progress: created by the server, begin … report … end
    assert.equal(c.createdTokens.length, 1);
    const events = c.progress.filter((p) => p.token === c.createdTokens[0]).map((p) => p.value.kind);
    assert.equal(events[0], 'begin');
    assert.ok(events.includes('report'));
    assert.equal(events[events.length - 1], 'end');
    // every file got diagnostics, the closed ones from disk
    for (const rel of ['multistage/Dockerfile', 'compose/compose.yaml', 'compose/app/Dockerfile', 'k8s/deployment.yaml']) {
      assert.ok(c.published.some((p) => p.uri === c.uri(rel) && p.diagnostics.length > 0), rel);
    }
    assert.ok(!c.published.some((p) => p.uri === c.uri('notes.yaml')));
    assert.deepEqual(await c.conn.sendRequest(REPORT_REQUEST, {}), result);
  } finally { await c.shutdown(); }
});

test('a checked file keeps its disk diagnostics after it is opened, edited and closed; disk changes re-judge', async () => {
  const c = await startClient({ fixture: 'workspace' });
  try {
    await c.conn.sendRequest(CHECK_WORKSPACE_REQUEST, {});
    const uri = c.open('Dockerfile');
    await c.waitForDiagnostics(uri, (x) => x.version === 1);
    const v = c.replace(uri, 'ltsc2019', 'ltsc2022');
    await c.waitForDiagnostics(uri, (x) => x.version === v && x.diagnostics.length === 0);
    const since = c.mark();
    c.close(uri);
    const reverted = await c.waitForDiagnostics(uri, () => true, since);
    assert.equal(reverted.version, undefined);
    assert.deepEqual(codes(reverted), ['process-isolation-mismatch'], 'the unsaved fix is gone: the disk still says ltsc2019');
    // the compose file is not open but was published: a change of its Dockerfile on disk re-judges it
    const dockerfile = c.file('compose/app/Dockerfile');
    fs.writeFileSync(dockerfile, 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n');
    const since2 = c.mark();
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('compose/app/Dockerfile'), type: 2 }] });
    const compose = await c.waitForDiagnostics(c.uri('compose/compose.yaml'), () => true, since2);
    assert.deepEqual(compose.diagnostics, []);
  } finally { await c.shutdown(); }
});

test('a cancelled workspace check stops early and says so (progress on the request\'s workDoneToken)', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 400; i++) files[`svc${String(i).padStart(3, '0')}/Dockerfile`] = 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n';
  const c = await startClient({ files });
  try {
    const source = new CancellationTokenSource();
    const token = 'check-1';
    const firstReport = c.waitFor('a progress report', () => c.progress.find((p) => p.token === token && p.value.kind === 'report'));
    const pending = c.conn.sendRequest(CHECK_WORKSPACE_REQUEST, { workDoneToken: token }, source.token) as Promise<WorkspaceCheckResult>;
    await firstReport;
    source.cancel();
    const result = await pending;
    assert.equal(result.cancelled, true);
    assert.ok(result.files < 400, `stopped early (${result.files} files)`);
    assert.equal(c.createdTokens.length, 0, 'the client\'s token was used');
    await c.waitFor('the end of progress', () => c.progress.find((p) => p.token === token && p.value.kind === 'end'));
    const report = await c.conn.sendRequest(REPORT_REQUEST, {}) as WorkspaceCheckResult;
    assert.equal(report.cancelled, true);
    // a full run afterwards covers everything
    const full = await c.conn.sendRequest(CHECK_WORKSPACE_REQUEST, {}) as WorkspaceCheckResult;
    assert.equal(full.files, 400);
    assert.equal(full.diagnostics.error, 400);
  } finally { await c.shutdown(); }
});
