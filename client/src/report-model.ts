// The workspace check's summary as the client receives it (request `wincompat/checkWorkspace`).
// Mirrors server/src/shared/protocol.ts; kept as plain types so the report can be rendered and
// tested without VS Code.

export type VerdictStatus = 'process' | 'hyperv' | 'unsupported' | 'unknown';

export interface TargetSummary { name: string; build: string; isolation: string; process: number; hyperv: number; unsupported: number; unknown: number }
export interface MatrixRow {
  ref: string;
  resolved: string;
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  verdicts: Array<{ target: string; status: VerdictStatus }>;
}
export interface WorkspaceSummary {
  files: number;
  images: number;
  diagnostics: { error: number; warning: number; information: number; hint: number };
  targets: TargetSummary[];
  matrix: MatrixRow[];
  cancelled: boolean;
}

/** Images that cannot run on at least one target under its isolation. */
export function incompatibleCount(s: WorkspaceSummary): number {
  return new Set(s.matrix.filter((r) => r.verdicts.some((v) => v.status === 'unsupported')).map((r) => `${r.uri}#${r.range.start.line}`)).size;
}
