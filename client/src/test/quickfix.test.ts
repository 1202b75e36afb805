// Quick fixes through the real code action API: the preferred fix of each diagnostic is applied
// with workspace.applyEdit, saved, checked on disk, and the diagnostics clear. Runs after the
// commands suite (it changes the fixture files).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceSummary } from '../report-model';
import { activateExtension, applyCodeAction, quickFixesFor, readDisk, ruleOf, waitForClean, waitForRule, workspaceUri } from './helpers';

async function fixAndSave(uri: vscode.Uri, rule: string, severity: vscode.DiagnosticSeverity, titleHas: string): Promise<{ title: string; disk: string }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const diag = await waitForRule(uri, rule);
  assert.equal(diag.severity, severity, `severity of ${rule}`);
  const fixes = await quickFixesFor(uri, diag);
  const titles = fixes.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
  const preferred = fixes.find((a) => a.isPreferred);
  assert.ok(preferred, `no preferred quick fix for ${rule}; got ${JSON.stringify(titles)}`);
  assert.ok(preferred.title.includes(titleHas), `preferred fix "${preferred.title}" does not mention ${titleHas}`);
  assert.ok(preferred.kind && vscode.CodeActionKind.QuickFix.contains(preferred.kind), `kind ${preferred.kind?.value}`);
  if (preferred.diagnostics) assert.ok(preferred.diagnostics.some((d) => ruleOf(d) === rule), 'the fix does not name its diagnostic');
  await applyCodeAction(preferred);
  assert.ok(await doc.save(), 'save failed');
  assert.equal(doc.isDirty, false);
  await waitForClean(uri);
  return { title: preferred.title, disk: await readDisk(uri) };
}

suite('quick fixes', () => {
  suiteSetup(async () => { await activateExtension(); });

  test('Dockerfile: process-isolation-mismatch, retag to ltsc2022', async () => {
    const uri = workspaceUri('Dockerfile');
    const { disk } = await fixAndSave(uri, 'process-isolation-mismatch', vscode.DiagnosticSeverity.Error, 'ltsc2022');
    assert.ok(disk.split('\n').includes('FROM mcr.microsoft.com/windows/servercore:ltsc2022'), disk);
    assert.ok(!disk.includes('ltsc2019'), disk);
  });

  test('Kubernetes Deployment: k8s-missing-os-selector, add the nodeSelector', async () => {
    const uri = workspaceUri('k8s', 'deployment.yaml');
    const { disk } = await fixAndSave(uri, 'k8s-missing-os-selector', vscode.DiagnosticSeverity.Warning, 'nodeSelector');
    assert.match(disk, /^ {6}nodeSelector:$/m);
    assert.match(disk, /^ {8}kubernetes\.io\/os: windows$/m);
    assert.ok(disk.includes('node.kubernetes.io/windows-build: "10.0.20348"'), disk);
  });

  test('after the fixes the workspace check is clean', async () => {
    const s = await vscode.commands.executeCommand<WorkspaceSummary>('wincompat.checkWorkspace', { silent: true });
    assert.deepEqual(s.diagnostics, { error: 0, warning: 0, information: 0, hint: 0 });
    assert.ok(s.matrix.every((r) => r.verdicts.every((v) => v.status === 'process')), JSON.stringify(s.matrix));
    const api = await activateExtension();
    assert.match(api.status?.item.text ?? '', /Windows Server 2022: 0 incompatible/);
  });
});
