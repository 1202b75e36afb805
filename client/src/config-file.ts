// Writing the workspace's `.wincompat.yaml` with a text the server computed: through the open
// editor when the user has it open (their undo history keeps the change), else to the file.
import * as vscode from 'vscode';

export async function writeConfig(uri: vscode.Uri, text: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!open) { await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text)); return; }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await open.save();
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}
