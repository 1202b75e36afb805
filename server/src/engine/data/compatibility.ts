// Host ↔ image compatibility facts (reference §2). Rules that hold for every pair are stated here only as
// comments; the engine implements them: an image never runs on an older host (not even with Hyper-V);
// Hyper-V isolation runs any released container build ≤ the host build; process isolation needs the same
// build except for CROSS_BUILD_PROCESS. Current Microsoft rules (VC, ms.date 2025-01-23) win over older ones.
import type { Confidence, CrossBuildProcessRule, RevisionBaseline } from './schema';

/** Builds for which Windows container base images were released (§2.8 row 4). Sources: VC, LIFE, HCS. */
export const CONTAINER_BUILDS: readonly number[] = [
  14393, 16299, 17134, 17763, 18362, 18363, 19041, 19042, 20348, 26100,
];

/**
 * Process isolation across builds (§2.1 rule 2, §2.2, §2.6, §2.7, §2.8 rows 6–9).
 * Sources: VC, PORT, SVC, HCS, CPLAT.
 */
export const CROSS_BUILD_PROCESS: readonly CrossBuildProcessRule[] = [
  {
    imageBuild: 20348, hostFamily: 'server', hostMinBuild: 25398, hostMaxBuild: 25398, hostBuilds: [25398],
    confidence: 'confirmed', sources: ['PORT', 'SVC'],
  },
  {
    imageBuild: 20348, hostFamily: 'server', hostMinBuild: 26100, hostMaxBuild: 26100, hostBuilds: [26100],
    confidence: 'confirmed', sources: ['VC'],
  },
  {
    imageBuild: 20348, hostFamily: 'server', hostMinBuild: 26101,
    confidence: 'unconfirmed', sources: ['HCS', 'CPLAT'],
    caveat:
      'Not documented for Windows Server hosts newer than 2025, and containerd/hcsshim since late 2024 ' +
      'only select the previous LTSC (26100) image from a multi-arch list on such hosts.',
  },
  {
    imageBuild: 20348, hostFamily: 'client', hostMinBuild: 22000, hostMaxBuild: 26100,
    confidence: 'confirmed', sources: ['VC', 'HCS'],
    caveat: 'Microsoft describes Windows Server 2022 images on Windows 11 as a preview ("with build number mismatch").',
  },
  {
    imageBuild: 20348, hostFamily: 'client', hostMinBuild: 26101,
    confidence: 'confirmed', sources: ['VC', 'HCS', 'CPLAT'],
    caveat:
      'Microsoft lists Windows 11 without a version limit (preview wording), but on hosts newer than 26100 ' +
      'containerd/hcsshim no longer select a 20348 entry from a multi-arch list (single-arch tags still pull).',
  },
  {
    imageBuild: 26100, hostFamily: 'client', hostMinBuild: 26100, hostMaxBuild: 26100,
    confidence: 'confirmed', sources: ['VC'],
    caveat: 'The page says "Windows 11 24H2 onwards (Build 2600)"; build 26100 is meant [derived].',
  },
  {
    imageBuild: 26100, hostFamily: 'client', hostMinBuild: 26200,
    confidence: 'unconfirmed', sources: ['VC', 'HCS', 'CPLAT'],
    caveat: 'Windows 11 25H2 and later are not named by Microsoft; the containerd matcher accepts them.',
  },
];

/** What a host build supports exclusively (§2.2 23H2 row, §2.6). */
export interface HostOnlyImages {
  hostBuild: number;
  /** the only image builds supported on this host */
  imageBuilds: number[];
  confidence: Confidence;
  sources: string[];
  note?: string;
}

/**
 * Hosts that run only some image builds: Windows Server 23H2 (Annual Channel) supports only the WS2022
 * LTSC image (PORT/SVC; Hyper-V on 23H2 is not stated). Sources: PORT, SVC.
 */
export const HOST_ONLY_IMAGES: readonly HostOnlyImages[] = [
  {
    hostBuild: 25398, imageBuilds: [20348], confidence: 'confirmed', sources: ['PORT', 'SVC'],
    note: 'Annual Channel hosts support only the Windows Server 2022 (ltsc2022) container image.',
  },
];

/** Builds whose host and image revisions (UBR) must be equal for process isolation (§2.4). Sources: VC, UPD. */
export const REVISION_EXACT_BUILDS: readonly number[] = [14393];

/**
 * February 2020 ("2B", 2020-02-11) baseline: a process-isolated container and its host must both be before
 * or both at/after it (§2.4, KB4542617). WS2019 hosts after 2B report 17763.1039 (KB4532691), the 2B image
 * 10.0.17763.1040, the 1B host 17763.973. Thresholds for 18362/18363 were not verified. Sources: UPD, RELINFO.
 */
export const REVISION_BASELINES: readonly RevisionBaseline[] = [
  { build: 17763, revision: 1039, date: '2020-02-11', confidence: 'derived', sources: ['UPD', 'RELINFO'] },
];

/**
 * Lowest client (Windows 10/11) build on which Docker Engine allows `--isolation=process` (MOBY c907c2486c,
 * 2018-10; older clients: "Windows client operating systems earlier than version 1809 can only run Hyper-V
 * containers"). Dev/test only (ISO, FAQ). The current VC matrix still lists ❌ for every Windows 10 process
 * isolation cell, so the engine warns even when the builds match. Sources: MOBY, ISO, FAQ, VC.
 */
export const CLIENT_PROCESS_MIN_BUILD = 17763;

/**
 * containerd / hcsshim platform matcher (§2.7): below 20348 the image build must equal the host build;
 * from 20348 on a host accepts images from the newest LTSC build below it (or 20348) up to its own build.
 * Pull-time filter only: HCS still checks at container start. Sources: HCS, CPLAT, CCFG.
 */
export const CONTAINERD_MATCHER = {
  /** ascending `compatLTSC` list of the new matcher (platforms ≥ v1.0.0-rc.2, hcsshim after 2024-11) */
  compatLtsc: [20348, 26100] as readonly number[],
  /** hosts below this build accept only their own build */
  sameBuildBelow: 20348,
  /** old matcher (containerd 1.7.6+, 2.0–2.1.5): floor is always 20348, also on hosts above 26100 */
  oldMatcherFloor: 20348,
  /** entries without `os.version` are accepted (CPLAT a51ed70, containerd PR #8101) */
  acceptsMissingOsVersion: true,
  /** among several matches the first entry in index order wins (containerd #6693, #11366) [derived] */
  firstMatchWins: true,
  confidence: 'confirmed' as Confidence,
  sources: ['HCS', 'CPLAT', 'CCFG'],
} as const;

/** Hyper-V isolation in Kubernetes (§4.3, trap 10). */
export interface KubernetesHyperVFacts {
  /** Kubernetes supports only process-isolated Windows containers */
  supported: false;
  /** dockershim-era pod annotation, removed */
  removedAnnotation: { key: string; value: string; featureGate: string; alpha: string; deprecated: string; removed: string };
  /** containerd CRI runtime handlers of the Windows default config (added 2022-05, commit f0036cb9d) */
  containerdHandlers: { process: string; hyperv: string; default: string; runtimeType: string };
  /** runhcs option `SandboxIsolation`: 0 = process, 1 = Hyper-V */
  sandboxIsolation: { process: number; hyperv: number };
  confidence: Confidence;
  sources: string[];
  note: string;
}

/** Removed dockershim-era pod annotation requesting Hyper-V isolation (§4.3). Sources: K8SL. */
export const HYPERV_POD_ANNOTATION = 'experimental.windows.kubernetes.io/isolation-type';
/** containerd CRI runtime handlers of the Windows default config (§4.3). Source: CCFG. */
export const PROCESS_HANDLER = 'runhcs-wcow-process';
export const HYPERV_HANDLER = 'runhcs-wcow-hypervisor';

/**
 * Kubernetes treats Windows containers as process-isolated; Hyper-V isolation is not supported (K8SW).
 * Sources: K8SW, K8SL, CCFG.
 */
export const HYPERV_UNSUPPORTED_IN_KUBERNETES: KubernetesHyperVFacts = {
  supported: false,
  removedAnnotation: {
    key: HYPERV_POD_ANNOTATION,
    value: 'hyperv',
    featureGate: 'HyperVContainer',
    alpha: '1.10',
    deprecated: '1.20',
    removed: '1.21',
  },
  containerdHandlers: {
    process: PROCESS_HANDLER,
    hyperv: HYPERV_HANDLER,
    default: PROCESS_HANDLER,
    runtimeType: 'io.containerd.runhcs.v1',
  },
  sandboxIsolation: { process: 0, hyperv: 1 },
  confidence: 'confirmed',
  sources: ['K8SW', 'K8SL', 'CCFG'],
  note:
    'The annotation needed kubelet feature gate HyperVContainer=true and allowed one container per pod. ' +
    'A RuntimeClass with handler runhcs-wcow-hypervisor reaches containerd\'s Hyper-V handler, but the ' +
    'node still filters multi-arch images by its own build at pull time (KEP-4216); single-arch tags ' +
    '(`…:ltsc2019-amd64`) avoid that filter [derived].',
};
