// The rule registry: the one list the engine runs, the rules page is generated from, and SARIF
// describes. Ids are a public contract (settings, suppressions, CI); never rename one.
import type { Rule } from './rule';
import { imageNewerThanHost } from './image/image-newer-than-host';
import { processIsolationMismatch } from './image/process-isolation-mismatch';
import { ws2016RevisionMismatch } from './image/ws2016-revision-mismatch';
import { february2020Baseline } from './image/february-2020-baseline';
import { noWindowsEntry } from './image/no-windows-entry';
import { floatingTagUncovered } from './image/floating-tag-uncovered';
import { k8sMissingOsSelector } from './image/k8s-missing-os-selector';
import { k8sBuildSelectorMismatch } from './image/k8s-build-selector-mismatch';
import { osPlacementMismatch } from './image/os-placement-mismatch';
import { clientProcessIsolation } from './image/client-process-isolation';
import { architectureMismatch } from './image/architecture-mismatch';
import { releaseOutOfSupport } from './image/release-out-of-support';
import { releaseSupportEnding } from './image/release-support-ending';
import { unresolvedVariable } from './image/unresolved-variable';
import { deprecatedRepository } from './image/deprecated-repository';
import { unknownWindowsTag } from './image/unknown-windows-tag';
import { unconfirmedCompatibility } from './image/unconfirmed-compatibility';
import { k8sDeprecatedLabel } from './file/k8s-deprecated-label';
import { k8sHypervAnnotation } from './file/k8s-hyperv-annotation';
import { swarmConstraintOperator } from './file/swarm-constraint-operator';
import { ambiguousBuildSource } from './image/ambiguous-build-source';
import { k8sLinuxPodOnWindowsNodes } from './image/k8s-linux-pod-on-windows-nodes';
import { k8sUnschedulable } from './image/k8s-unschedulable';
import { swarmNoSuitableNode } from './image/swarm-no-suitable-node';

export const RULES: readonly Rule[] = [
  imageNewerThanHost,
  processIsolationMismatch,
  ws2016RevisionMismatch,
  february2020Baseline,
  noWindowsEntry,
  floatingTagUncovered,
  k8sMissingOsSelector,
  k8sBuildSelectorMismatch,
  osPlacementMismatch,
  clientProcessIsolation,
  architectureMismatch,
  releaseOutOfSupport,
  releaseSupportEnding,
  unresolvedVariable,
  deprecatedRepository,
  unknownWindowsTag,
  unconfirmedCompatibility,
  k8sDeprecatedLabel,
  k8sHypervAnnotation,
  swarmConstraintOperator,
  ambiguousBuildSource,
  k8sLinuxPodOnWindowsNodes,
  k8sUnschedulable,
  swarmNoSuitableNode,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** Where each rule's documentation lives (LSP codeDescription, SARIF helpUri). */
export const RULES_DOC_URL = 'https://github.com/wincompat/wincompat/blob/main/docs/rules.md';
export function ruleDocUrl(id: string): string {
  return `${RULES_DOC_URL}#${id}`;
}
