// What every inventory reader produces: nodes (one record per host or cluster node), grouped into
// node pools by `pools.ts`. Plain data, no I/O.

export interface Taint { key: string; value?: string; effect: string }

/** A set of nodes with the same OS, build and architecture (and, in a cluster, the same pool label). */
export interface NodePool {
  /** pool label value (agentpool, nodegroup, gke-nodepool …) or `<os>-<build>` */
  name: string;
  os: 'windows' | 'linux';
  /** Windows build (17763); undefined for Linux, or a Windows node that did not tell */
  build?: number;
  /** UBR, when every source of the pool told it (the lowest one when nodes differ) */
  revision?: number;
  /** amd64, arm64 … (x86_64 and aarch64 are normalised) */
  arch: string;
  /** labels common to every node of the pool (per-node ones like kubernetes.io/hostname dropped) */
  labels: Record<string, string>;
  /** taints common to every node (condition taints like node.kubernetes.io/not-ready dropped) */
  taints: Taint[];
  /** node names */
  nodes: string[];
  /** what the pool was read from: format and file */
  source: string;
  /** `client` when the OS product is Windows 10/11 (targets then get family: client) */
  family?: 'server' | 'client';
  /** the daemon's default isolation, when the inventory shows it (docker info) */
  isolation?: 'process' | 'hyperv';
}

/** One node or host as a reader sees it, before grouping. */
export interface NodeRecord {
  name: string;
  os?: 'windows' | 'linux';
  build?: number;
  revision?: number;
  arch?: string;
  labels: Record<string, string>;
  taints: Taint[];
  /** OS product name (osImage, OperatingSystem, OsName): the client/server hint */
  product?: string;
  family?: 'server' | 'client';
  isolation?: 'process' | 'hyperv';
}

export interface InventoryResult {
  pools: NodePool[];
  /** format id (`kubectl-json`, `swarm-inspect`, `docker-info-text` … or `unknown`) */
  format: string;
  /** problems; those starting with `warning:` did not stop the import */
  errors: string[];
}

export const WARNING_PREFIX = 'warning: ';
export const warning = (text: string): string => WARNING_PREFIX + text;
export const isWarning = (message: string): boolean => message.startsWith(WARNING_PREFIX);
