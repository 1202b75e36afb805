// The engine's public vocabulary. Positions are 0-based (line, UTF-16 character) as in LSP, so the
// server passes them through untouched and the CLI's JSON contract uses the same numbers.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** A text replacement. `path` is set only when the edit lands in another file than the finding's. */
export interface TextEdit { range: Range; newText: string; path?: string }

export type FixKind = 'retag' | 'nodeSelector' | 'hypervIsolation' | 'swarmConstraint' | 'constraintOperator' | 'relabel';

export interface Fix {
  kind: FixKind;
  title: string;
  edits: TextEdit[];
  /** the one fix an editor should offer first */
  preferred?: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Diagnostic {
  /** stable rule id, e.g. `process-isolation-mismatch` */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export type FileKind = 'dockerfile' | 'compose' | 'kubernetes';
export type ImageOs = 'windows' | 'linux' | 'multi' | 'unknown';
export type VerdictStatus = 'process' | 'hyperv' | 'unsupported' | 'unknown';

export interface Verdict {
  /** the target's name */
  target: string;
  status: VerdictStatus;
  /** one sentence a user can read: why this status */
  reason: string;
}

export interface ImageReport {
  /** the reference as written (variables not substituted) */
  ref: string;
  /** the reference after substitution and normalisation (`docker.io/library/golang:1.27`) */
  resolved: string;
  range: Range;
  os: ImageOs;
  /** `10.0.<build>[.<revision>]` for a single Windows build, else null */
  windowsBuild: string | null;
  /** for `multi`: every Windows build the tag carries, in index order */
  windowsBuilds?: string[];
  verdicts: Verdict[];
  fixes: Fix[];
  /** where the reference comes from when it is not written here: an earlier stage, or the Dockerfile a compose service builds */
  via?: string;
}

/** Input that could not be analysed (malformed YAML, binary, too large, Helm template …). */
export interface FileError { message: string; range: Range }

export interface FileReport {
  path: string;
  kind: FileKind;
  images: ImageReport[];
  diagnostics: Diagnostic[];
  errors: FileError[];
}
