// The workspace check's summary, as the server's protocol declares it (server/src/shared), and what
// the client derives from it.
import type { MatrixRow, ReportStatus, TargetSummary, WorkspaceCheckResult } from '../../server/src/shared/protocol';

export type { MatrixRow, TargetSummary };
export type VerdictStatus = ReportStatus;
export type WorkspaceSummary = WorkspaceCheckResult;

/**
 * Whether a verdict means the image does not run on the target as configured: `unsupported`, or
 * `hyperv` (runs only with Hyper-V isolation) on a target that uses process isolation.
 */
export function failsOn(status: VerdictStatus, isolation: string | undefined): boolean {
  return status === 'unsupported' || (status === 'hyperv' && isolation !== 'hyperv');
}

/** Images that cannot run on at least one target under its isolation. */
export function incompatibleCount(s: WorkspaceSummary): number {
  const isolation = new Map(s.targets.map((t) => [t.name, t.isolation]));
  return new Set(s.matrix.filter((r) => r.verdicts.some((v) => failsOn(v.status, isolation.get(v.target)))).map((r) => `${r.uri}#${r.range.start.line}`)).size;
}
