// Engine findings → LSP diagnostics. The engine's positions are LSP positions already; a finding
// carries its rule id as `code`, the rule's page as `codeDescription`, and its fixes as `data`
// (the code-action provider reads them back from the diagnostics the client sends).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ruleDocUrl } from '../engine/rules';
import type { Diagnostic as EngineDiagnostic, Fix, FileError, FileReport, Severity } from '../engine/types';

export const SOURCE = 'wincompat';
/** `code` of diagnostics that say a file could not be analysed */
export const INPUT_CODE = 'input';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The engine reuses the finding objects of documents an edit did not touch, so their LSP form is
 * kept per finding: a 5,000-document manifest converts only what changed. Frozen: the stdio
 * encoder keeps each one's encoded JSON for as long as the object lives (message-encoder.ts).
 */
const converted = new WeakMap<EngineDiagnostic, Diagnostic>();

export function toDiagnostics(report: FileReport | undefined): Diagnostic[] {
  if (!report) return [];
  const out: Diagnostic[] = report.errors.map(inputDiagnostic);
  for (const d of report.diagnostics) {
    let lsp = converted.get(d);
    if (!lsp) {
      lsp = {
        range: d.range,
        severity: SEVERITY[d.severity],
        code: d.code,
        codeDescription: { href: ruleDocUrl(d.code) },
        source: SOURCE,
        message: d.message,
        data: d.fixes,
      };
      converted.set(d, Object.freeze(lsp));
    }
    out.push(lsp);
  }
  return out;
}

/** Helm templates and binary files are "not analysed" notes; malformed input is an error */
function inputDiagnostic(e: FileError): Diagnostic {
  const note = /not analysed/i.test(e.message);
  const tooLarge = /too large/i.test(e.message);
  return {
    range: e.range,
    severity: note ? DiagnosticSeverity.Information : tooLarge ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    code: INPUT_CODE,
    source: SOURCE,
    message: e.message,
  };
}

/** the engine fixes a diagnostic carries (as `data`), checked: clients hand `data` back untouched, but trust nothing */
export function fixesOf(d: Diagnostic): Fix[] {
  const data = d.data as unknown;
  if (!Array.isArray(data)) return [];
  return data.filter((f): f is Fix => Boolean(f) && typeof f.title === 'string' && Array.isArray(f.edits)
    && f.edits.every((e: unknown) => Boolean(e) && typeof (e as { newText?: unknown }).newText === 'string' && Boolean((e as { range?: unknown }).range)));
}

export function severityCounts(diags: readonly Diagnostic[], into: { error: number; warning: number; information: number; hint: number }): void {
  for (const d of diags) {
    switch (d.severity) {
      case DiagnosticSeverity.Error: into.error++; break;
      case DiagnosticSeverity.Warning: into.warning++; break;
      case DiagnosticSeverity.Information: into.information++; break;
      default: into.hint++;
    }
  }
}
