// The report webview: one panel, re-rendered from the latest workspace summary; links open the
// image reference in its file.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { renderReport, reportRows } from './report-html';
import type { WorkspaceSummary } from './report-model';

export class ReportView {
  private panel?: vscode.WebviewPanel;
  summary?: WorkspaceSummary;
  /** the HTML last shown, for tests and for "Copy report" */
  html = '';

  constructor(private readonly context: vscode.ExtensionContext) {}

  show(summary: WorkspaceSummary): vscode.WebviewPanel {
    this.summary = summary;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('wincompat.report', 'Windows Container Compatibility', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
      this.panel.onDidDispose(() => { this.panel = undefined; }, null, this.context.subscriptions);
      this.panel.webview.onDidReceiveMessage((m: { open?: number }) => this.open(m.open), null, this.context.subscriptions);
    }
    const webview = this.panel.webview;
    this.html = renderReport(summary, {
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      relative: (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)),
    });
    webview.html = this.html;
    this.panel.reveal();
    return this.panel;
  }

  private async open(index: number | undefined): Promise<void> {
    const row = this.summary && index !== undefined ? reportRows(this.summary)[index] : undefined;
    if (!row) return;
    const r = row.range;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(row.uri));
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), viewColumn: vscode.ViewColumn.One });
  }
}
