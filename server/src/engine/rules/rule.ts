// The shape of a rule: metadata beside the check, so the rules page, the SARIF rule list and the
// severity settings all come from the registry (rules/index.ts) and nowhere else.
import type { Judgement } from '../compat/judge';
import type { EngineConfig } from '../config/config';
import type { ImageUse } from '../analysis/image-use';
import type { ImageFacts } from '../resolve/resolve-image';
import type { Fix, FixKind, Range, Severity } from '../types';

export interface RuleMeta {
  /** stable id, used in settings, suppressions, JSON and SARIF */
  id: string;
  severity: Severity;
  /** one line for the rules page and SARIF */
  summary: string;
  /** why it matters and what to do, with the reference's sources */
  description: string;
  fixes: FixKind[];
}

export interface RuleHit { message: string; range?: Range; fixes?: Fix[] }

export interface ImageContext {
  use: ImageUse;
  facts: ImageFacts;
  judgements: Judgement[];
  config: EngineConfig;
  /** retag the image to a tag of this build (undefined when the repository publishes none) */
  retag(build: number): Fix | undefined;
  /** rewrite a legacy repository name to its current one */
  moveRepository(): Fix | undefined;
}

/** File-level facts some rules look at (labels, annotations, swarm constraints). */
export interface PlacementFact {
  kind: 'node-label' | 'annotation' | 'swarm-constraint';
  key: string;
  value?: string;
  range: Range;
  /** the fix that rewrites this fact, when the rule asks for one */
  fix?: (replacement: string) => Fix | undefined;
}

export interface FileContext { facts: PlacementFact[]; config: EngineConfig }

export interface Rule extends RuleMeta {
  checkImage?(ctx: ImageContext): RuleHit[];
  checkFile?(ctx: FileContext): RuleHit[];
}

/**
 * judgements that fail with one of `reasons`: on configured targets (default), on targets made up
 * from a build selector in the file (`true`), or on either (`'any'`)
 */
export function failing(ctx: ImageContext, reasons: readonly string[], synthetic: boolean | 'any' = false): Judgement[] {
  return ctx.judgements.filter((j) => j.fails && reasons.includes(j.reason) && (synthetic === 'any' || Boolean(j.target.synthetic) === synthetic));
}

/** the image as a user reads it: its reference and build */
export function imageLabel(ctx: ImageContext): string {
  const { use } = ctx;
  if (use.via && !use.inherited && use.ref !== use.sub.value) return `\`${use.ref}\` (${use.via})`;
  return `\`${use.sub.value || use.ref}\``;
}

export function joinTexts(js: Judgement[]): string {
  return [...new Set(js.map((j) => j.text))].join('; ');
}

/** fixes that move the workload to where it runs, common to several rules */
export function placementFixes(ctx: ImageContext, builds: number[], allowHyperv: boolean): Fix[] {
  const fixes: Fix[] = [];
  const { use } = ctx;
  const ok = builds.filter((b, i, a) => a.indexOf(b) === i);
  if (allowHyperv && use.fixes.hyperv) { const f = use.fixes.hyperv(); if (f) fixes.push(f); }
  if (ok.length && use.fixes.nodeSelector) { const f = use.fixes.nodeSelector(ok); if (f) fixes.push(f); }
  if (ok.length === 1 && use.fixes.swarmConstraint) { const f = use.fixes.swarmConstraint(ok[0]); if (f) fixes.push(f); }
  return fixes;
}
