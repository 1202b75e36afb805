// Status bar: the active target(s) and how many images do not run on them. Clicking opens the
// report (or "Set Target Host…" before any check has run).
import * as vscode from 'vscode';
import { incompatibleCount, type WorkspaceSummary } from './report-model';

export class StatusItem implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('wincompat.status', vscode.StatusBarAlignment.Left, 50);
  private summary?: WorkspaceSummary;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Windows Container Compatibility';
    // other settings make the last check's result stale: show the configured targets until the next check
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('wincompat')) this.reset(); }));
  }

  /** Forgets the last check's result (the targets or settings changed). */
  reset(): void {
    this.summary = undefined;
    this.refresh();
  }

  update(summary: WorkspaceSummary): void {
    this.summary = summary;
    this.refresh();
  }

  refresh(): void {
    const names = this.summary?.targets.map((t) => t.name) ?? configuredTargets();
    const label = names.length ? names.join(', ') : 'Windows Server 2022';
    if (this.summary) {
      const bad = incompatibleCount(this.summary);
      this.item.text = `$(${bad ? 'error' : 'pass'}) ${label}: ${bad} incompatible`;
      this.item.tooltip = `${this.summary.images} images in ${this.summary.files} files checked. Click for the compatibility report.`;
      this.item.command = 'wincompat.showReport';
    } else {
      this.item.text = `$(server-environment) ${label}`;
      this.item.tooltip = 'Target hosts of the Windows container check. Click to change.';
      this.item.command = 'wincompat.setTarget';
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function configuredTargets(): string[] {
  const targets = vscode.workspace.getConfiguration('wincompat').get<Array<{ host: string; name?: string }>>('targets') ?? [];
  return targets.map((t) => t.name ?? t.host);
}
