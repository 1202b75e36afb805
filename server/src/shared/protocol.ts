// Custom requests between the wincompat language server and its clients (the VS Code extension,
// tests). Plain names and shapes, no LSP package imports: the client sends them with
// `client.sendRequest<WorkspaceCheckResult>(CHECK_WORKSPACE_REQUEST, {})`.

/** Walks every workspace folder, analyses and publishes every candidate file; cancellable, reports progress. */
export const CHECK_WORKSPACE_REQUEST = 'wincompat/checkWorkspace';
/** The summary of the last workspace check, or null when none ran. */
export const REPORT_REQUEST = 'wincompat/report';

/** `{}`; a `workDoneToken` (LSP WorkDoneProgressParams) makes the server report progress on it. */
export interface WorkspaceCheckParams { workDoneToken?: string | number }

export type ReportStatus = 'process' | 'hyperv' | 'unsupported' | 'unknown';

export interface ReportPosition { line: number; character: number }
export interface ReportRange { start: ReportPosition; end: ReportPosition }

export interface TargetSummary {
  name: string;
  /** `10.0.<build>[.<revision>]` */
  build: string;
  isolation: 'process' | 'hyperv';
  /** how many images get each verdict on this target */
  process: number;
  hyperv: number;
  unsupported: number;
  unknown: number;
}

export interface MatrixRow {
  /** the reference as written */
  ref: string;
  resolved: string;
  uri: string;
  range: ReportRange;
  verdicts: Array<{ target: string; status: ReportStatus }>;
}

export interface WorkspaceCheckResult {
  /** files analysed (wincompat files only; other YAML is not counted) */
  files: number;
  images: number;
  diagnostics: { error: number; warning: number; information: number; hint: number };
  targets: TargetSummary[];
  matrix: MatrixRow[];
  /** true when the run was cancelled: the numbers cover the files analysed until then */
  cancelled: boolean;
}

/**
 * Inventories → the text of a `.wincompat.yaml` with their node pools as `targets:` (other keys
 * and comments kept). The server reads the current configuration (the editor's buffer when it is
 * open) and answers the new text; the client writes it, so the editor sees an ordinary edit.
 */
export const IMPORT_TARGETS_REQUEST = 'wincompat/importTargets';

export interface ImportTargetsParams {
  /** each inventory's bytes as captured (base64: UTF-16 from PowerShell stays intact), and a name for messages */
  inventories: Array<{ source: string; base64: string }>;
  /** the `.wincompat.yaml` to update, as a file URI (it need not exist) */
  configUri: string;
  /** drop targets the inventories do not name */
  replace?: boolean;
}

export interface ImportTargetsResult {
  ok: boolean;
  /** the new configuration text, when ok */
  config?: string;
  /** what was imported, a line per pool; or why nothing was */
  message: string;
  warnings: string[];
}

/** The configuration text with `targets:` set to these hosts (other keys and comments kept); the client writes it. */
export const SET_TARGETS_REQUEST = 'wincompat/setTargets';

export interface SetTargetsParams {
  /** the existing `.wincompat.yaml`, as a file URI */
  configUri: string;
  targets: Array<{ host: string; isolation?: 'process' | 'hyperv' }>;
}

export interface SetTargetsResult {
  ok: boolean;
  config?: string;
  /** why nothing was changed, when not ok */
  message: string;
}
