// A workspace check survives a hostile tree and says what it could not read: a symbolic-link loop,
// a link to nowhere, a file that vanishes between the walk and its read, a FIFO named like a
// Dockerfile (reading it would block forever). Everything else is still checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../server/src/cli/check';

const WINDOWS_2019 = 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n';

test('loops, broken links, FIFOs and files that vanish mid-scan are reported; the rest is checked', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wincompat-hostile-'));
  try {
    for (const d of ['a', 'b', 'c']) {
      fs.mkdirSync(path.join(root, d));
      fs.writeFileSync(path.join(root, d, 'Dockerfile'), WINDOWS_2019);
    }
    fs.symlinkSync('..', path.join(root, 'a', 'loop'));
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'b', 'compose.yaml'));
    execFileSync('mkfifo', [path.join(root, 'c', 'api.Dockerfile')]);
    let vanished = false;
    const result = await runCheck({
      paths: [root], cli: {}, fix: false, workers: 1, today: '2026-12-04',
      // the first progress report comes after the walk, before any file is read
      onProgress: () => { if (!vanished) { fs.rmSync(path.join(root, 'c', 'Dockerfile')); vanished = true; } },
    });
    const rel = (p: string) => path.relative(root, p);
    assert.deepEqual(result.reports.map((r) => [rel(r.path), r.diagnostics.map((d) => d.code)]), [
      ['a/Dockerfile', ['process-isolation-mismatch']],
      ['b/Dockerfile', ['process-isolation-mismatch']],
    ]);
    assert.deepEqual(result.problems.map((p) => [rel(p.path), p.message]).sort(), [
      ['a/loop', 'symbolic link to a folder that is read anyway (or a loop): not followed'],
      ['b/compose.yaml', 'broken symbolic link'],
      ['c/Dockerfile', 'cannot read file'],
      ['c/api.Dockerfile', 'not a regular file (a FIFO, socket or device): not read'],
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
