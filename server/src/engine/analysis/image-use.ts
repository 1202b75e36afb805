// What every file kind hands to the judge: each image reference with its provenance, where the
// orchestrator would place it, and closures that build the fixes only that file kind can write.
import type { Isolation } from '../targets/target';
import type { Fix, FileKind, Range } from '../types';
import type { Substituted } from './substitute';

export interface Placement {
  /** isolation the file asks for (compose `isolation`, a Hyper-V RuntimeClass) */
  isolation?: Isolation;
  /** the OS the file places it on (nodeSelector, affinity, RuntimeClass, swarm constraint, platform) */
  os?: 'windows' | 'linux';
  /** the Windows builds the placement allows (windows-build selector, swarm label constraint) */
  builds?: number[];
  /** what set `builds`, for messages */
  buildSource?: string;
  /** Kubernetes scheduling terms, matched against node-pool targets (cluster inventories) */
  scheduling?: Scheduling;
  /** Swarm placement constraints (`==`/`!=` only), matched against Swarm node targets */
  swarm?: SwarmConstraint[];
}

export interface SwarmConstraint { key: string; op: '==' | '!='; value: string }

export interface Toleration { key?: string; operator?: string; value?: string; effect?: string }
export interface MatchExpression { key: string; operator: string; values: string[] }
export interface Scheduling {
  /** nodeSelector (and RuntimeClass scheduling.nodeSelector) */
  selector: Record<string, string>;
  /** required node affinity: the pod fits a node when any term matches (terms are ANDs) */
  terms: MatchExpression[][];
  tolerations: Toleration[];
}

/** Fixes only the file kind knows how to write; the rule decides which ones apply. */
export interface FixBuilders {
  /** pin the workload to nodes of these builds (Kubernetes) */
  nodeSelector?(builds: number[]): Fix | undefined;
  /** run the container with Hyper-V isolation (compose `isolation`, Kubernetes RuntimeClass) */
  hyperv?(): Fix | undefined;
  /** pin the service to Swarm nodes of this build (compose deploy.placement.constraints) */
  swarmConstraint?(build: number): Fix | undefined;
}

export interface ImageUse {
  /** the reference as written */
  ref: string;
  /** the reference with variables substituted, each character traced to where it was written */
  sub: Substituted;
  range: Range;
  fileKind: FileKind;
  /** an earlier stage, or the Dockerfile a compose service builds, that `sub` comes through */
  via?: string;
  /** several Dockerfiles build this image with different bases (the first one is judged) */
  buildConflict?: Array<{ dockerfile: string; base: string }>;
  /** a FROM naming an earlier stage: reported with that stage's base, judged there, not here */
  inherited?: boolean;
  /** COPY --from images are only pulled, never run: only "can it be pulled" matters */
  pullOnly?: boolean;
  placement: Placement;
  /** the file shows it means Windows (PowerShell shell, Windows platform, Windows selector …) */
  windowsIntent: boolean;
  orchestrator?: 'kubernetes' | 'compose';
  /** the variant a retag must keep to (Server Core when the Dockerfile runs Windows PowerShell) */
  preferVariant?: string;
  fixes: FixBuilders;
}
