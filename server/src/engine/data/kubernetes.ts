// Orchestrator facts: Kubernetes labels, placement fields and pod-template paths (reference §4.1, §4.2,
// §4.4) and Docker Swarm constraints (§4.5).

/** Well-known node labels that matter for Windows placement. */
export const LABEL_OS = 'kubernetes.io/os';
export const LABEL_ARCH = 'kubernetes.io/arch';
export const LABEL_WINDOWS_BUILD = 'node.kubernetes.io/windows-build';
/** Deprecated legacy labels (K8SL) and the manual 2017 build label (VC). */
export const LABEL_OS_BETA = 'beta.kubernetes.io/os';
export const LABEL_ARCH_BETA = 'beta.kubernetes.io/arch';
export const LABEL_OSBUILD_MANUAL = 'beta.kubernetes.io/osbuild';

export interface NodeLabelInfo {
  key: string;
  setBy: 'kubelet' | 'manual';
  /** example values */
  values: string[];
  /** deprecated or superseded: use this label instead */
  replacedBy?: string;
  confidence: 'confirmed' | 'derived';
  sources: string[];
  note?: string;
}

/** Node labels (§4.1). Sources: K8SL, K8SW, VC. */
export const NODE_LABELS: readonly NodeLabelInfo[] = [
  {
    key: LABEL_OS, setBy: 'kubelet', values: ['windows', 'linux'], confidence: 'confirmed', sources: ['K8SL'],
    note: 'Go runtime.GOOS. Kubelet refuses a Pod whose label (or spec.os.name) does not match the node.',
  },
  {
    key: LABEL_ARCH, setBy: 'kubelet', values: ['amd64', 'arm64'], confidence: 'confirmed', sources: ['K8SL'],
  },
  {
    key: LABEL_WINDOWS_BUILD, setBy: 'kubelet', values: ['10.0.17763', '10.0.20348', '10.0.26100'],
    confidence: 'confirmed', sources: ['K8SL', 'K8SW'],
    note:
      'Major.Minor.Build without UBR; Windows kubelet ≥ 1.17 (kubernetes#84472, KEP 1301), set at node ' +
      'registration (existing nodes may need re-registration). 10.0.26100 [derived from the format].',
  },
  {
    key: LABEL_OS_BETA, setBy: 'kubelet', values: ['windows', 'linux'], replacedBy: LABEL_OS,
    confidence: 'confirmed', sources: ['K8SL'], note: 'Deprecated legacy label.',
  },
  {
    key: LABEL_ARCH_BETA, setBy: 'kubelet', values: ['amd64', 'arm64'], replacedBy: LABEL_ARCH,
    confidence: 'confirmed', sources: ['K8SL'], note: 'Deprecated legacy label.',
  },
  {
    key: LABEL_OSBUILD_MANUAL, setBy: 'manual', values: ['14393.1715', '16299'],
    replacedBy: LABEL_WINDOWS_BUILD, confidence: 'confirmed', sources: ['VC'],
    note: '2017 Microsoft guidance (WS2016 needed build + UBR); superseded by node.kubernetes.io/windows-build.',
  },
];

/** Deprecated / manual label → current label. Sources: K8SL, VC. */
export const DEPRECATED_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  NODE_LABELS.filter((l) => l.replacedBy).map((l) => [l.key, l.replacedBy as string]),
);

/** Value of node.kubernetes.io/windows-build for a build (`10.0.20348`). Source: K8SL. */
export function windowsBuildLabelValue(build: number): string {
  return `10.0.${build}`;
}

/**
 * Path from the document root to the PodSpec, per kind (§4.4). CronJob is batch/v1 (batch/v1beta1 before
 * Kubernetes 1.25). Sources: K8SW (workload list), K8SAPI (paths).
 */
export const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** apiVersions per kind (§4.4). Sources: K8SAPI. */
export const POD_TEMPLATE_API_VERSIONS: Record<string, string[]> = {
  Pod: ['v1'],
  PodTemplate: ['v1'],
  ReplicationController: ['v1'],
  ReplicaSet: ['apps/v1'],
  Deployment: ['apps/v1'],
  StatefulSet: ['apps/v1'],
  DaemonSet: ['apps/v1'],
  Job: ['batch/v1'],
  CronJob: ['batch/v1', 'batch/v1beta1'],
};

/** PodSpec lists whose items carry `image` (§4.4). Sources: K8SAPI. */
export const CONTAINER_LIST_KEYS: readonly string[] = ['containers', 'initContainers', 'ephemeralContainers'];
/** Same list under the name the analysis code uses. */
export const CONTAINER_LISTS = CONTAINER_LIST_KEYS;

/**
 * Placement fields inside a PodSpec (§4.2). `os.name` is validation only, not used by the scheduler;
 * nodeSelector matches exactly; node affinity allows several builds (`In`). Sources: K8SW, K8SAPI.
 */
export const POD_SPEC_FIELDS = {
  nodeSelector: ['nodeSelector'],
  requiredNodeSelectorTerms: [
    'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms',
  ],
  tolerations: ['tolerations'],
  runtimeClassName: ['runtimeClassName'],
  osName: ['os', 'name'],
} as const;

/** Node-selector operators of nodeSelectorTerms[].matchExpressions[]. Source: K8SAPI. */
export const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;

/**
 * Taint on Windows nodes (kubelet `--register-with-taints='os=windows:NoSchedule'`) and the matching pod
 * toleration, which keep Linux pods off Windows nodes (§4.2). Source: K8SW.
 */
export const WINDOWS_TAINT = 'os=windows:NoSchedule';
export const WINDOWS_TOLERATION = { key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' } as const;

/** RuntimeClass (node.k8s.io/v1) fields that carry placement (§4.2). Sources: K8SW, KEP 1301 via K8SW. */
export const RUNTIME_CLASS = {
  apiVersion: 'node.k8s.io/v1',
  kind: 'RuntimeClass',
  handlerPath: ['handler'],
  nodeSelectorPath: ['scheduling', 'nodeSelector'],
  tolerationsPath: ['scheduling', 'tolerations'],
} as const;

/**
 * Docker Swarm placement (§4.5). Only `==` and `!=` exist (a single `=` is rejected: "constraint expected
 * one operator from ==, !="); constraints are ANDed; values compare case-insensitively as whole strings;
 * label keys are case-sensitive; unknown keys never match. Swarm has no Windows build attribute and its
 * image-platform filter ignores `os.version`, so a wrong-build image is scheduled and then fails (0/1).
 * Microsoft's mitigation labels nodes `OS` and `OsVersion` (`docker node update --label-add
 * OsVersion=<Get-ComputerInfo OsVersion>`) and constrains on `node.labels.OsVersion`. Microsoft's
 * swarm-mode page also shows a generic `=` form, which Swarm rejects. Sources: SWK, DCLI, VC, MSWARM, CSPEC.
 */
export const SWARM_OS_KEY = 'node.platform.os';
export const SWARM_ARCH_KEY = 'node.platform.arch';

/** Swarm constraint facts in one object (same sources as above). */
export const SWARM = {
  operators: ['==', '!='] as readonly string[],
  platformOsKey: SWARM_OS_KEY,
  platformArchKey: SWARM_ARCH_KEY,
  nodeLabelPrefix: 'node.labels.',
  engineLabelPrefix: 'engine.labels.',
  keys: [
    'node.id', 'node.hostname', 'node.ip', 'node.role', 'node.platform.os', 'node.platform.arch',
  ] as readonly string[],
  /** label names of Microsoft's guide (VC Swarm section) */
  microsoftOsLabel: 'OS',
  microsoftVersionLabel: 'OsVersion',
  /** label name of the Compose deploy example (CSPEC) */
  composeExampleBuildLabel: 'windows-build',
  /** Swarm normalises node architectures when matching image platforms (SWK filter.go) */
  archAliases: { x86_64: 'amd64', aarch64: 'arm64' } as Readonly<Record<string, string>>,
  valuesCaseInsensitive: true,
  labelKeysCaseSensitive: true,
  hasWindowsBuildAttribute: false,
  sources: ['SWK', 'DCLI', 'VC', 'MSWARM', 'CSPEC'] as readonly string[],
} as const;
