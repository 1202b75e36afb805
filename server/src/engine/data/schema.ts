// Shapes of the knowledge tables. The tables themselves live beside this file, one per topic, each
// citing its source keys (see SOURCES in sources.ts); code never hard-codes a build or a tag.

/**
 * How sure the reference is of a fact. `confirmed`: Microsoft or the project's own source says so.
 * `derived`: our conclusion from cited sources. `secondary`: third-party pages only.
 * `unconfirmed`: marked unconfirmed in the reference; the product treats it as a hint.
 * `observed`: seen in third-party usage, not in documentation.
 */
export type Confidence = 'confirmed' | 'derived' | 'secondary' | 'unconfirmed' | 'observed';

export interface WindowsBuild {
  /** third component of 10.0.<build> */
  build: number;
  /** marketing version, e.g. `1809`, `21H2` */
  version: string;
  codename?: string;
  serverProducts: string[];
  clientProducts: string[];
  /** container base images exist for this build */
  containerImages: boolean;
  confidence: Confidence;
  sources: string[];
  note?: string;
}

export type HostFamily = 'server' | 'client';

/** A Windows release that can be a host (and, for servers, whose images exist). Aliases name targets. */
export interface WindowsRelease {
  /** canonical alias, e.g. `ltsc2019`, `win11-24h2` */
  id: string;
  name: string;
  build: number;
  family: HostFamily;
  channel: 'LTSC' | 'SAC' | 'AC' | 'GA' | 'LTSC-client';
  /** further lower-case names a user may type for this release */
  aliases: string[];
  /** YYYY-MM-DD */
  available?: string;
  /** YYYY-MM-DD: end of mainstream support (LTSC) or of servicing (SAC/AC, client Home/Pro) */
  mainstreamEnd?: string;
  /** YYYY-MM-DD: last day of any support (extended end for LTSC, enterprise end for client) */
  supportEnd?: string;
  /** default isolation of the Docker engine on this SKU (server: process, client: hyperv) */
  defaultIsolation: 'process' | 'hyperv';
  confidence: Confidence;
  sources: string[];
  note?: string;
}

/** A Windows version token as it appears in image tags (`ltsc2022`, `1809`, `20H2`). */
export interface WindowsToken {
  /** lower-case */
  token: string;
  build: number;
  /**
   * true when the token cannot be mistaken for a version number (`ltsc2019`, `sac2016`);
   * numeric tokens (`1809`, `2004`) count only after a Windows variant word or in a Windows repository.
   */
  unambiguous: boolean;
  confidence: Confidence;
  sources: string[];
  note?: string;
}

/** A tag of a repository that names no Windows token but stands for several images (a manifest list). */
export interface SharedTag {
  /** regular expression (source, case-insensitive) matched against the whole tag */
  pattern: string;
  /** the Windows builds of its entries, in index order (empty: no Windows entry) */
  windowsBuilds: number[];
  /** the list also has Linux entries */
  linux: boolean;
  confidence: Confidence;
  sources: string[];
  note?: string;
}

/** Tokens a repository publishes for one variant (the word before the token, if any). */
export interface PublishedTokens {
  /** `windowsservercore`, `nanoserver`, … ; absent for repositories whose tags start with the token */
  variant?: string;
  /** tokens published now (retag targets) */
  current: string[];
  /** tokens that existed once (still resolvable, never offered as a retag target) */
  historical: string[];
  confidence: Confidence;
  note?: string;
}

export interface RepositoryInfo {
  /** normalised name without tag: `mcr.microsoft.com/windows/servercore`, `docker.io/library/golang` */
  name: string;
  /**
   * `other`: publisher outside the three groups the reference names, e.g. `registry.k8s.io/pause` (Kubernetes
   * project; reference §3.7). Added for that repository; the first three keep their meaning.
   */
  family: 'windows-base' | 'microsoft' | 'docker-official' | 'other';
  /**
   * `token-first`: the tag starts with the token (`ltsc2022`, `1809-KB4493509`, `10.0.17763.1040-amd64`).
   * `variant-suffix`: the token follows a variant word (`8.0-nanoserver-1809`, `1.27-windowsservercore-ltsc2025`).
   */
  layout: 'token-first' | 'variant-suffix';
  published: PublishedTokens[];
  /** tags without a token; first match wins */
  sharedTags: SharedTag[];
  /** a tag of this repository that has no Windows token and matches no shared tag is a Linux image */
  otherTagsAreLinux: boolean;
  sources: string[];
  note?: string;
}

/** Legacy repository → current name (retag target). */
export interface RepositoryMove {
  from: string;
  /** null: deleted, no successor */
  to: string | null;
  /** true when the old tags carry over unchanged (so the fix may rewrite the reference) */
  sameTags: boolean;
  sources: string[];
  note?: string;
}

/** Process isolation across builds, beyond "same build" (VC 2025 matrix and its exceptions). */
export interface CrossBuildProcessRule {
  imageBuild: number;
  hostFamily: HostFamily;
  /** inclusive host build range */
  hostMinBuild: number;
  hostMaxBuild?: number;
  /** only these host builds (when the rule names releases rather than a range) */
  hostBuilds?: number[];
  confidence: Confidence;
  /** shown to the user when confidence is not `confirmed` or Microsoft calls it a preview */
  caveat?: string;
  sources: string[];
}

/** February 2020 ("2B") baseline: process-isolated host and image must be on the same side. */
export interface RevisionBaseline {
  build: number;
  /** first revision at or after the baseline */
  revision: number;
  date: string;
  confidence: Confidence;
  sources: string[];
}
