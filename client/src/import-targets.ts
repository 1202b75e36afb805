// "Import Targets from Cluster Inventory…": node pools from a saved inventory (kubectl, docker,
// Get-ComputerInfo captures) or from `kubectl get nodes -o json` for the current context. The
// client captures the bytes; the server turns them into the new `.wincompat.yaml` text (the
// engine code of `wincompat targets import`), which the client writes as an ordinary file edit.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_TARGETS_REQUEST, type ImportTargetsParams, type ImportTargetsResult } from '../../server/src/shared/protocol';
import { writeConfig } from './config-file';

export async function importTargets(client: LanguageClient, output: vscode.OutputChannel, args?: { file?: string }): Promise<boolean> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Open a folder first: targets are written to its .wincompat.yaml.');
    return false;
  }
  let inventory: { source: string; bytes: Uint8Array } | undefined;
  if (args?.file) inventory = await readInventory(vscode.Uri.file(args.file));
  else {
    const choices: Array<vscode.QuickPickItem & { id: string }> = [
      { id: 'file', label: '$(file) From a file…', detail: 'kubectl get nodes -o json|yaml|wide, kubectl describe nodes, docker node inspect, docker info, Get-ComputerInfo, ver' },
    ];
    if (vscode.workspace.isTrusted) choices.push({ id: 'kubectl', label: '$(cloud) Run kubectl get nodes -o json', detail: 'the current kubectl context' });
    const pick = await vscode.window.showQuickPick(choices, { title: 'Import target hosts from a cluster inventory' });
    if (!pick) return false;
    if (pick.id === 'file') {
      const uris = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Import', defaultUri: folder.uri });
      if (!uris?.length) return false;
      inventory = await readInventory(uris[0]);
    } else {
      // only in a trusted workspace, and only because the user asked: kubectl may reach a cluster
      const json = await new Promise<string | undefined>((resolve) => execFile('kubectl', ['get', 'nodes', '-o', 'json'], { maxBuffer: 64 << 20, timeout: 60000 }, (err, stdout, stderr) => {
        if (err) { void vscode.window.showErrorMessage(`kubectl get nodes failed: ${(stderr || err.message).trim().split('\n')[0]}`); resolve(undefined); } else resolve(stdout);
      }));
      if (json === undefined) return false;
      inventory = { source: 'kubectl get nodes -o json', bytes: new TextEncoder().encode(json) };
    }
  }
  if (!inventory) return false;
  const config = vscode.Uri.joinPath(folder.uri, '.wincompat.yaml');
  const params: ImportTargetsParams = { inventories: [{ source: inventory.source, base64: Buffer.from(inventory.bytes).toString('base64') }], configUri: config.toString() };
  const r = await client.sendRequest<ImportTargetsResult>(IMPORT_TARGETS_REQUEST, params);
  for (const w of r.warnings) output.appendLine(`warning: ${w}`);
  output.appendLine(r.message);
  if (!r.ok || r.config === undefined) { void vscode.window.showErrorMessage(r.message.split('\n')[0] || 'Import failed.'); return false; }
  await writeConfig(config, r.config);
  void vscode.window.showInformationMessage(r.message.split('\n')[0], 'Open .wincompat.yaml').then(async (c) => {
    if (c) await vscode.window.showTextDocument(config);
  });
  return true;
}

async function readInventory(uri: vscode.Uri): Promise<{ source: string; bytes: Uint8Array } | undefined> {
  try { return { source: path.basename(uri.fsPath), bytes: await vscode.workspace.fs.readFile(uri) }; } catch (e) {
    void vscode.window.showErrorMessage(`cannot read ${uri.fsPath}: ${(e as Error).message}`);
    return undefined;
  }
}
