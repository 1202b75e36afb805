// Image reference → what it runs on: OS, Windows build(s), revision, architecture. Pure table
// look-ups (reference §3): the token grammar of §3.5, the repositories of §3.2–3.4 and the shared
// tags of §3.7. No registry is asked here; an unknown image stays `unknown`.
import type { Confidence, RepositoryInfo, RepositoryMove, SharedTag } from '../data/schema';
import { findRepository } from '../data/repositories';
import { findMove } from '../data/moves';
import { tokenInfo, WINDOWS_TOKENS } from '../data/tokens';
import type { ImageOs } from '../types';
import { parseImageReference, type ImageReference } from '../reference/image-reference';

export type Arch = 'amd64' | 'arm64' | 'arm';

export interface TokenSpan {
  /** the token as written */
  text: string;
  /** offsets inside the tag */
  start: number;
  end: number;
  build: number;
  /** variant word before the token (`nanoserver`), if any */
  variant?: string;
  /** how the build is written: a release token or a `10.0.b.r` number */
  form: 'token' | 'number';
}

export interface ImageFacts {
  reference?: ImageReference;
  os: ImageOs;
  /** Windows builds: one for `windows`, the index order for `multi` */
  builds: number[];
  revision?: number;
  arch?: Arch;
  repository?: RepositoryInfo;
  move?: RepositoryMove;
  token?: TokenSpan;
  sharedTag?: SharedTag;
  confidence: Confidence;
  /** a Windows repository whose tag the tables do not know */
  unknownTag?: boolean;
  /** short reason, shown in hover and messages */
  note?: string;
}

const VARIANT_WORDS = ['windowsservercore', 'nanoserver', 'servercore', 'windows'];
const NUMBER_FORM = /(?:^|[-_])10\.0\.(\d{5})(?:\.(\d+))?(?=$|[-_])/i;
/** Docker Hub `latest` of the legacy repositories tracked WS2016 (VC 2017 version, dotnet-docker discussion #3647). */
const LEGACY_LATEST: Record<string, number> = {
  'docker.io/microsoft/windowsservercore': 14393,
  'docker.io/microsoft/nanoserver': 14393,
};
const TOKENS_BY_LENGTH = [...WINDOWS_TOKENS].sort((a, b) => b.token.length - a.token.length);

export function resolveImage(refText: string): ImageFacts {
  const reference = parseImageReference(refText);
  if (!reference) return { os: 'unknown', builds: [], confidence: 'confirmed', note: 'not a valid image reference' };
  const move = findMove(reference.name);
  const lookupName = move?.to && move.sameTags ? move.to : reference.name;
  const repository = findRepository(lookupName);
  const facts = resolveTag(reference, repository);
  if (move) {
    facts.move = move;
    if (reference.implicitTag || (reference.tagStart !== undefined && reference.tag.toLowerCase() === 'latest')) {
      const legacy = LEGACY_LATEST[reference.name];
      if (legacy) Object.assign(facts, { os: 'windows', builds: [legacy], confidence: 'confirmed', unknownTag: false, note: 'legacy Docker Hub `latest` tracked Windows Server 2016' });
    }
    if (facts.os === 'unknown' && move.to) {
      Object.assign(facts, { os: 'windows', note: facts.note ?? 'Windows image (legacy repository)' });
    }
  }
  return { ...facts, reference, repository: facts.repository ?? repository, move: facts.move ?? move };
}

function resolveTag(reference: ImageReference, repository: RepositoryInfo | undefined): ImageFacts {
  const tag = reference.tag;
  if (reference.digest && reference.tagStart === undefined) {
    // `name@sha256:…` pins one manifest or index that no table describes: it is not the `latest` tag
    const windows = repository?.family === 'windows-base';
    return { os: windows ? 'windows' : 'unknown', builds: [], confidence: 'confirmed', repository, unknownTag: windows || undefined, note: 'pinned by digest only, no tag names its release' };
  }
  const arch = archOf(tag);
  const token = findToken(tag, repository);
  if (token) {
    const revision = token.form === 'number' ? revisionOf(tag) : undefined;
    const info = token.form === 'token' ? tokenInfo(token.text) : undefined;
    return { os: 'windows', builds: [token.build], revision, arch, token, confidence: info?.confidence ?? 'confirmed', repository };
  }
  if (repository) {
    const shared = repository.sharedTags.find((s) => new RegExp(`^(?:${s.pattern})$`, 'i').test(tag));
    if (shared) {
      const builds = shared.windowsBuilds;
      const os: ImageOs = builds.length === 0 ? (shared.linux ? 'linux' : 'unknown') : builds.length === 1 && !shared.linux ? 'windows' : 'multi';
      return { os, builds: [...builds], arch, sharedTag: shared, confidence: shared.confidence, repository, note: shared.note };
    }
    if (repository.otherTagsAreLinux) return { os: 'linux', builds: [], arch, confidence: 'derived', repository, note: 'tag without a Windows token: Linux image' };
    return { os: 'windows', builds: [], arch, confidence: 'confirmed', repository, unknownTag: true, note: unknownTagNote(repository, tag) };
  }
  if (reference.registry === 'docker.io' && reference.path.startsWith('library/')) {
    // Docker official images without Windows variants are Linux-only (DOI).
    return { os: 'linux', builds: [], arch, confidence: 'derived', note: 'Docker official image without Windows variants' };
  }
  return { os: 'unknown', builds: [], arch, confidence: 'confirmed' };
}

function unknownTagNote(repository: RepositoryInfo, tag: string): string {
  if (tag.toLowerCase() === 'latest' && repository.family === 'windows-base') {
    return '`latest` is no longer published for Windows base images (since 2019-04-16)';
  }
  return `tag \`${tag}\` names no Windows release this repository publishes`;
}

/** Finds the Windows release token or `10.0.<build>` number inside a tag (reference §3.5 caution). */
export function findToken(tag: string, repository: RepositoryInfo | undefined): TokenSpan | undefined {
  const num = NUMBER_FORM.exec(tag);
  if (num) {
    const start = num.index + (num[0].startsWith('-') || num[0].startsWith('_') ? 1 : 0);
    return { text: tag.slice(start, num.index + num[0].length), start, end: num.index + num[0].length, build: Number(num[1]), form: 'number' };
  }
  const lower = tag.toLowerCase();
  const windowsRepo = repository !== undefined;
  for (const t of TOKENS_BY_LENGTH) {
    let from = 0;
    for (let i = lower.indexOf(t.token, from); i !== -1; i = lower.indexOf(t.token, from)) {
      from = i + 1;
      const end = i + t.token.length;
      if (!boundary(lower, i - 1) || !boundary(lower, end)) continue;
      const variant = variantBefore(lower, i);
      const tokenFirst = repository?.layout === 'token-first' && i === 0;
      const accepted = t.unambiguous || variant !== undefined || tokenFirst || (windowsRepo && repository!.family === 'windows-base');
      if (!accepted) continue;
      return { text: tag.slice(i, end), start: i, end, build: t.build, variant, form: 'token' };
    }
  }
  return undefined;
}

function boundary(s: string, i: number): boolean {
  return i < 0 || i >= s.length || s[i] === '-' || s[i] === '_';
}

function variantBefore(lower: string, i: number): string | undefined {
  if (i === 0) return undefined;
  const before = lower.slice(0, i - 1);
  return VARIANT_WORDS.find((w) => before === w || before.endsWith(`-${w}`) || before.endsWith(`_${w}`));
}

function revisionOf(tag: string): number | undefined {
  const m = NUMBER_FORM.exec(tag);
  return m?.[2] ? Number(m[2]) : undefined;
}

function archOf(tag: string): Arch | undefined {
  const lower = tag.toLowerCase();
  if (/(?:^|[-_])arm64(?:$|[-_])/.test(lower)) return 'arm64';
  if (/(?:^|[-_])arm(?:32v7)?(?:$|[-_])/.test(lower)) return 'arm';
  if (/(?:^|[-_])amd64(?:$|[-_])/.test(lower)) return 'amd64';
  return undefined;
}

/** `10.0.17763` or `10.0.17763.1040` */
export function formatBuild(build: number, revision?: number): string {
  return revision === undefined ? `10.0.${build}` : `10.0.${build}.${revision}`;
}
