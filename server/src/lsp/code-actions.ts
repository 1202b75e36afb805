// Code actions: every engine fix of the diagnostics in context as a quick fix, a "Suppress <rule>
// here" quick fix (a suppression comment on the line above), and `source.fixAll.wincompat`, which
// applies the preferred fix of every diagnostic of the file (edits that would overlap are left out).
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDockerfileName } from '../engine/analysis/file-kind';
import { suppressionComment } from '../engine/analysis/suppress';
import type { Fix, Range, TextEdit } from '../engine/types';
import type { ServerContext } from './context';
import { fixesOf, INPUT_CODE, SOURCE } from './convert';
import type { DiagnosticsScheduler } from './diagnostics';

export const FIX_ALL_KIND = 'source.fixAll.wincompat';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export function registerCodeActions(ctx: ServerContext, scheduler: DiagnosticsScheduler): void {
  ctx.connection.onCodeAction(ctx.guard('codeAction', [] as CodeAction[], (params: CodeActionParams) => codeActions(ctx, scheduler, params)));
}

async function codeActions(ctx: ServerContext, scheduler: DiagnosticsScheduler, params: CodeActionParams): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const doc = ctx.documents.get(uri);
  const path = ctx.pathOf(uri);
  if (!doc || !path) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string' && d.code !== INPUT_CODE && d.code !== 'config');
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of ours) {
      let fixes = fixesOf(d);
      if (!fixes.length && d.data === undefined) fixes = await fixesFromAnalysis(scheduler, uri, d);
      for (const fix of fixes) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: Boolean(fix.preferred), edit: workspaceEdit(ctx, fix.edits, uri) });
      }
      actions.push(suppressAction(ctx, doc, path, d));
    }
  }
  if (only ? wants(FIX_ALL_KIND) : ours.length > 0) {
    const fixAll = await fixAllAction(ctx, scheduler, uri);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** a client that drops `data`: find the finding again by rule and range */
async function fixesFromAnalysis(scheduler: DiagnosticsScheduler, uri: string, d: Diagnostic): Promise<Fix[]> {
  const a = await scheduler.current(uri);
  const found = a?.report?.diagnostics.find((x) => x.code === d.code && sameRange(x.range, d.range));
  return found?.fixes ?? [];
}

function suppressAction(ctx: ServerContext, doc: TextDocument, path: string, d: Diagnostic): CodeAction {
  const code = String(d.code);
  const lines = doc.getText().split(/\r?\n/);
  let line = Math.min(d.range.start.line, Math.max(0, lines.length - 1));
  if (isDockerfileName(path, ctx.dockerfilePatterns)) line = Math.max(line, directiveLines(lines));
  const indent = /^\s*/.exec(lines[line] ?? '')![0];
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const at = { line, character: 0 };
  return {
    title: `Suppress ${code} here`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: false,
    edit: { changes: { [doc.uri]: [{ range: { start: at, end: at }, newText: `${suppressionComment(code, indent)}${eol}` }] } },
  };
}

/** how many lines at the top of a Dockerfile are parser directives (`# syntax=…`, `# escape=…`) */
export function directiveLines(lines: readonly string[]): number {
  let n = 0;
  while (n < lines.length && /^\s*#\s*[A-Za-z][\w-]*\s*=\s*\S/.test(lines[n]) && !/^\s*#\s*wincompat\b/i.test(lines[n])) n++;
  return n;
}

async function fixAllAction(ctx: ServerContext, scheduler: DiagnosticsScheduler, uri: string): Promise<CodeAction | undefined> {
  const a = await scheduler.current(uri);
  if (!a?.report) return undefined;
  const accepted: Array<TextEdit & { file: string }> = [];
  let count = 0;
  for (const d of a.report.diagnostics) {
    const fix = d.fixes.find((f) => f.preferred) ?? (d.fixes.length === 1 ? d.fixes[0] : undefined);
    if (!fix) continue;
    const edits = fix.edits.map((e) => ({ ...e, file: e.path ?? a.path }));
    const fresh = edits.filter((e) => !accepted.some((x) => x.file === e.file && x.newText === e.newText && sameRange(x.range, e.range)));
    if (fresh.some((e) => accepted.some((x) => x.file === e.file && overlaps(x.range, e.range)))) continue;
    accepted.push(...fresh);
    count++;
  }
  if (!accepted.length) return undefined;
  const edit = workspaceEdit(ctx, accepted.map(({ file, ...e }) => (file === a.path ? { range: e.range, newText: e.newText } : { range: e.range, newText: e.newText, path: file })), uri);
  return { title: `Fix all wincompat problems (${count})`, kind: FIX_ALL_KIND, edit };
}

/** engine edits → WorkspaceEdit `changes` keyed by URI (an edit with `path` goes to that file) */
export function workspaceEdit(ctx: ServerContext, edits: readonly TextEdit[], uri: string): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) {
    const target = e.path ? ctx.uriOf(e.path) : uri;
    (changes[target] ??= []).push({ range: e.range, newText: e.newText });
  }
  return { changes };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  if (sameRange(a, b)) return true;
  return before(a.start, b.end) && before(b.start, a.end);
}
