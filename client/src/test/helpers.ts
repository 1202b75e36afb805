// Shared helpers of the extension-host suite: the fixture workspace (a copy of
// test/e2e/workspaces/basic opened by scripts/test-vscode.sh), waits on diagnostics with a
// deadline (event driven, no fixed sleeps), and quick fixes through the real code action API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReportView } from '../report-view';
import type { StatusItem } from '../status';

export const EXTENSION_ID = 'wincompat.wincompat';
export const WAIT_MS = Number(process.env.WINCOMPAT_TEST_WAIT_MS ?? 20000);

/** What `activate` returns (extension.ts). */
export interface WincompatApi { client: LanguageClient; report: ReportView; status?: StatusItem; activationMs: number }

export async function activateExtension(): Promise<WincompatApi> {
  const ext = vscode.extensions.getExtension<WincompatApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace must be open (scripts/test-vscode.sh opens a copy of test/e2e/workspaces/basic)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The rule id of a diagnostic (`code` may come as `{ value, target }` when the rule has a docs link). */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function rulesOf(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => ruleOf(d) ?? '?').sort();
}

/** Resolves with the first truthy `probe()` value, re-probing whenever `events` fire; rejects at the deadline. */
export function waitUntil<T>(what: string, probe: () => T | undefined | false, events: Array<vscode.Event<unknown>> = [], ms = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (f: () => void) => { clearTimeout(timer); subs.forEach((s) => s.dispose()); f(); };
    const check = () => {
      let v: T | undefined | false;
      try { v = probe(); } catch (e) { done(() => reject(e)); return; }
      if (v) done(() => resolve(v as T));
    };
    const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`))), ms);
    for (const e of events) subs.push(e(check));
    check();
  });
}

/** Waits until the diagnostics of `uri` satisfy `pred` (re-checked on every diagnostics change). */
export async function waitForDiagnostics(uri: vscode.Uri, what: string, pred: (ds: readonly vscode.Diagnostic[]) => boolean, ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  try {
    return await waitUntil(what, () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return pred(ds) ? ds : undefined;
    }, [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>], ms);
  } catch (e) {
    throw new Error(`${(e as Error).message}; ${vscode.workspace.asRelativePath(uri)} has [${rulesOf(uri).join(', ')}]`);
  }
}

export async function waitForRule(uri: vscode.Uri, rule: string, ms = WAIT_MS): Promise<vscode.Diagnostic> {
  const ds = await waitForDiagnostics(uri, `${rule} on ${vscode.workspace.asRelativePath(uri)}`, (list) => list.some((d) => ruleOf(d) === rule), ms);
  return ds.find((d) => ruleOf(d) === rule)!;
}

export async function waitForNoRule(uri: vscode.Uri, rule: string, ms = WAIT_MS): Promise<void> {
  await waitForDiagnostics(uri, `no ${rule} on ${vscode.workspace.asRelativePath(uri)}`, (list) => !list.some((d) => ruleOf(d) === rule), ms);
}

export async function waitForClean(uri: vscode.Uri, ms = WAIT_MS): Promise<void> {
  await waitForDiagnostics(uri, `no diagnostics on ${vscode.workspace.asRelativePath(uri)}`, (list) => list.length === 0, ms);
}

/**
 * The quick fixes VS Code offers for `diag`, through `vscode.executeCodeActionProvider`. Asked again
 * (with a deadline) while none comes back: right after the first diagnostic the round trip can
 * still be empty.
 */
export async function quickFixesFor(uri: vscode.Uri, diag: vscode.Diagnostic, ms = WAIT_MS): Promise<vscode.CodeAction[]> {
  const end = Date.now() + ms;
  for (;;) {
    const actions = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
      'vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    // a bare Command has a string `command`; a CodeAction has a Command object there, or nothing
    const fixes = actions.filter((a): a is vscode.CodeAction => typeof (a as { command?: unknown }).command !== 'string');
    if (fixes.length || Date.now() > end) return fixes;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `"${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit of "${action.title}" was refused`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Webview tabs with this title (the report panel). */
export function webviewTabs(label: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label === label);
}

/** Waits for the webview tab (the tab model reaches the extension host after the workbench opened it). */
export function waitForWebviewTab(label: string, ms = WAIT_MS): Promise<vscode.Tab> {
  return waitUntil(`a webview tab "${label}" (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')})`,
    () => webviewTabs(label)[0], [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>], ms);
}
