// "Import Targets from Cluster Inventory…": node pools from a saved inventory (kubectl, docker,
// Get-ComputerInfo captures) or from `kubectl get nodes -o json` for the current context, written
// into the workspace's `.wincompat.yaml` by the same code as `wincompat targets import`.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { targetsMain } from '../../server/src/cli/targets-import';

export async function importTargets(output: vscode.OutputChannel, args?: { file?: string }): Promise<boolean> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Open a folder first: targets are written to its .wincompat.yaml.');
    return false;
  }
  let file = args?.file;
  let temp: string | undefined;
  if (!file) {
    const choices: Array<vscode.QuickPickItem & { id: string }> = [
      { id: 'file', label: '$(file) From a file…', detail: 'kubectl get nodes -o json|yaml|wide, kubectl describe nodes, docker node inspect, docker info, Get-ComputerInfo, ver' },
    ];
    if (vscode.workspace.isTrusted) choices.push({ id: 'kubectl', label: '$(cloud) Run kubectl get nodes -o json', detail: 'the current kubectl context' });
    const pick = await vscode.window.showQuickPick(choices, { title: 'Import target hosts from a cluster inventory' });
    if (!pick) return false;
    if (pick.id === 'file') {
      const uris = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Import', defaultUri: folder.uri });
      if (!uris?.length) return false;
      file = uris[0].fsPath;
    } else {
      // only in a trusted workspace, and only because the user asked: kubectl may reach a cluster
      const json = await new Promise<string | undefined>((resolve) => execFile('kubectl', ['get', 'nodes', '-o', 'json'], { maxBuffer: 64 << 20, timeout: 60000 }, (err, stdout, stderr) => {
        if (err) { void vscode.window.showErrorMessage(`kubectl get nodes failed: ${(stderr || err.message).trim().split('\n')[0]}`); resolve(undefined); } else resolve(stdout);
      }));
      if (json === undefined) return false;
      temp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wincompat-')), 'nodes.json');
      fs.writeFileSync(temp, json);
      file = temp;
    }
  }
  let out = '';
  let err = '';
  const code = targetsMain(['import', file, '--config', path.join(folder.uri.fsPath, '.wincompat.yaml')], {
    stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, stdin: () => Buffer.alloc(0),
  }, folder.uri.fsPath);
  if (temp) fs.rmSync(path.dirname(temp), { recursive: true, force: true });
  output.appendLine(out + err);
  if (code !== 0) { void vscode.window.showErrorMessage(err.replace(/^wincompat: /, '').split('\n')[0] || 'Import failed.'); return false; }
  void vscode.window.showInformationMessage(out.split('\n')[0], 'Open .wincompat.yaml').then(async (c) => {
    if (c) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, '.wincompat.yaml'));
  });
  return true;
}
