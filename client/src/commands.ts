// The palette commands, all under the "Windows Containers" category.
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type ProgressToken } from 'vscode-languageclient/node';
import { WINDOWS_RELEASES } from '../../server/src/engine/data/releases';
import { CHECK_WORKSPACE_REQUEST, SET_TARGETS_REQUEST, type SetTargetsParams, type SetTargetsResult } from '../../server/src/shared/protocol';
import { exists, writeConfig } from './config-file';
import { importTargets } from './import-targets';
import type { ReportView } from './report-view';
import type { WorkspaceSummary } from './report-model';
import type { StatusItem } from './status';


export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, report: ReportView, status: StatusItem): vscode.Disposable[] {
  const check = async (opts: { silent?: boolean } = {}): Promise<WorkspaceSummary | undefined> => {
    const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking Windows container compatibility', cancellable: true }, async (progress, token) => {
      const workDoneToken: ProgressToken = `wincompat-${Date.now()}`;
      let last = 0;
      const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
        if (p.kind === 'end') return;
        const pct = p.percentage ?? last;
        progress.report({ message: p.message, increment: pct - last });
        last = pct;
      });
      try { return await client.sendRequest<WorkspaceSummary>(CHECK_WORKSPACE_REQUEST, { workDoneToken }, token); }
      catch (e) { if (token.isCancellationRequested) return undefined; throw e; }
      finally { sub.dispose(); }
    });
    if (!summary) return undefined;
    status.update(summary);
    report.summary = summary;
    if (!opts.silent) {
      const bad = summary.diagnostics.error;
      const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
      const msg = `${n(summary.images, 'image')} in ${n(summary.files, 'file')}: ${n(bad, 'error')}, ${n(summary.diagnostics.warning, 'warning')}${summary.cancelled ? ' (cancelled: partial)' : ''}.`;
      void vscode.window.showInformationMessage(msg, 'Open Report').then((choice) => { if (choice) report.show(summary); });
    }
    return summary;
  };
  return [
    vscode.commands.registerCommand('wincompat.checkWorkspace', (opts?: { silent?: boolean }) => check(opts)),
    vscode.commands.registerCommand('wincompat.showReport', async () => {
      const summary = report.summary ?? (await check({ silent: true }));
      if (summary) report.show(summary);
      return report.html;
    }),
    vscode.commands.registerCommand('wincompat.setTarget', async (args?: { host: string; isolation?: 'process' | 'hyperv' }) => {
      const changed = await setTarget(client, args);
      // the last check was against the old target (.wincompat.yaml edits raise no configuration event)
      if (changed) { report.summary = undefined; status.reset(); }
      return changed;
    }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('wincompat')) report.summary = undefined; }),
    vscode.commands.registerCommand('wincompat.showOutput', () => client.outputChannel.show(true)),
    vscode.commands.registerCommand('wincompat.importTargets', (args?: { file?: string }) => importTargets(client, client.outputChannel, args)),
  ];
}

async function setTarget(client: LanguageClient, args?: { host: string; isolation?: 'process' | 'hyperv' }): Promise<boolean> {
  let host = args?.host;
  let isolation = args?.isolation;
  if (!host) {
    const releases = [...WINDOWS_RELEASES].sort((a, b) => rank(a) - rank(b) || b.build - a.build);
    const items: Array<vscode.QuickPickItem & { host?: string }> = releases.map((r) => ({
      label: r.name, description: `${r.id} · 10.0.${r.build}`, detail: r.supportEnd ? `supported until ${r.supportEnd}` : undefined, host: r.id,
    }));
    items.push({ label: 'Enter a build number…', host: undefined });
    const pick = await vscode.window.showQuickPick(items, { title: 'Target host for Windows containers', matchOnDescription: true });
    if (!pick) return false;
    host = pick.host ?? (await vscode.window.showInputBox({ prompt: 'Windows build of the host', placeHolder: '10.0.20348 or 10.0.14393.1715', validateInput: (v) => (/^(?:10\.0\.)?\d{5}(?:\.\d+)?$/.test(v.trim()) ? undefined : 'a build such as 10.0.20348') }))?.trim();
    if (!host) return false;
  }
  if (!isolation) {
    const iso = await vscode.window.showQuickPick([
      { label: 'process', description: 'the image build must match the host build (Windows Server default)' },
      { label: 'hyperv', description: 'older images run on newer hosts (Windows 10/11 default)' },
    ], { title: 'Isolation' });
    if (!iso) return false;
    isolation = iso.label as 'process' | 'hyperv';
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const file = folder && vscode.Uri.joinPath(folder.uri, '.wincompat.yaml');
  if (file && (await exists(file))) {
    // the workspace file wins over settings, so the choice goes there, comments kept
    const params: SetTargetsParams = { configUri: file.toString(), targets: [{ host, isolation }] };
    const r = await client.sendRequest<SetTargetsResult>(SET_TARGETS_REQUEST, params);
    if (!r.ok || r.config === undefined) { void vscode.window.showErrorMessage(r.message); return false; }
    await writeConfig(file, r.config);
  } else {
    await vscode.workspace.getConfiguration('wincompat').update('targets', [{ host, isolation }], folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  }
  return true;
}

function rank(r: (typeof WINDOWS_RELEASES)[number]): number {
  return r.family === 'server' ? (r.channel === 'LTSC' ? 0 : r.channel === 'AC' ? 1 : 2) : 3;
}
