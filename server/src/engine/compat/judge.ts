// The one place that decides whether an image runs on a host (reference §2.8 decision procedure,
// §2.1 current Microsoft rules, §2.7 what the runtimes enforce). Rules only report its findings.
import { CONTAINER_BUILDS, CROSS_BUILD_PROCESS, REVISION_BASELINES, REVISION_EXACT_BUILDS, CLIENT_PROCESS_MIN_BUILD, HOST_ONLY_IMAGES } from '../data/compatibility';
import type { Confidence } from '../data/schema';
import type { ImageFacts } from '../resolve/resolve-image';
import { formatBuild } from '../resolve/resolve-image';
import type { Isolation, Target } from '../targets/target';
import { targetBuildLabel } from '../targets/target';
import type { VerdictStatus } from '../types';
import { releaseLabel } from './names';

/** Why a verdict is what it is; rules key on these. */
export type ReasonCode =
  | 'same-build' | 'cross-build' | 'hyperv-older-image'
  | 'newer-than-host' | 'process-build-mismatch' | 'ws2016-revision' | 'baseline-2020'
  | 'host-only-image' | 'client-process-old' | 'client-process' | 'arch-mismatch'
  | 'no-windows-entry' | 'no-matching-entry' | 'linux-image' | 'windows-on-linux'
  | 'unknown-image' | 'unknown-build';

export interface Judgement {
  target: Target;
  /** isolation the container would actually get on this target (file setting or the target's) */
  isolation: Isolation;
  status: VerdictStatus;
  reason: ReasonCode;
  /** the single build judged (for a multi-build tag: the entry the host would pull) */
  build?: number;
  /** the confidence of the rule that allowed it; not `confirmed` → an information finding */
  confidence: Confidence;
  caveat?: string;
  /** readable explanation naming both builds */
  text: string;
  /** true when the verdict fails under the isolation in use */
  fails: boolean;
}

export function judge(facts: ImageFacts, target: Target, isolation: Isolation): Judgement {
  const base = { target, isolation, confidence: 'confirmed' as Confidence };
  if (target.os === 'linux') {
    if (facts.os === 'linux') return { ...base, status: 'process', reason: 'same-build', text: 'Linux image on a Linux host', fails: false };
    if (facts.os === 'windows') return { ...base, status: 'unsupported', reason: 'windows-on-linux', text: `Windows image cannot run on the Linux host ${target.name}`, fails: true };
    return { ...base, status: 'unknown', reason: 'unknown-image', text: 'image OS not known', fails: false };
  }
  switch (facts.os) {
    case 'unknown':
      return { ...base, status: 'unknown', reason: 'unknown-image', text: 'image not known to wincompat: its Windows build cannot be told from the reference', fails: false };
    case 'linux':
      return { ...base, status: 'unsupported', reason: facts.repository ? 'no-windows-entry' : 'linux-image', text: `\`${facts.reference?.tag}\` has no Windows image: it is Linux-only`, fails: true };
    case 'windows':
      if (facts.builds.length === 0) return { ...base, status: 'unknown', reason: 'unknown-build', text: facts.note ?? 'Windows build not known', fails: false };
      return judgeBuild(facts.builds[0], facts.revision, facts, target, isolation);
    case 'multi':
      return judgeMulti(facts, target, isolation);
  }
}

function judgeMulti(facts: ImageFacts, target: Target, isolation: Isolation): Judgement {
  // Pull-time selection (§2.7): entries newer than the host are skipped; an entry of the host's own
  // build is preferred; otherwise the first remaining entry in index order is pulled.
  const candidates = facts.builds.filter((b) => b <= target.build);
  const picked = candidates.find((b) => b === target.build) ?? candidates[0];
  if (picked === undefined) {
    return {
      target, isolation, status: 'unsupported', reason: 'no-matching-entry', confidence: facts.confidence, fails: true,
      text: `none of the tag's Windows entries (${facts.builds.map((b) => releaseLabel(b)).join(', ')}) can run on ${target.name} (${targetBuildLabel(target)}): "no matching manifest"`,
    };
  }
  const j = judgeBuild(picked, undefined, facts, target, isolation);
  if (picked !== target.build && j.status !== 'process') {
    j.text = `${target.name} would pull its ${releaseLabel(picked)} entry, ${j.text.replace(/^it is a /, 'a ')}`;
  }
  return { ...j, build: picked };
}

export function judgeBuild(build: number, revision: number | undefined, facts: ImageFacts, target: Target, isolation: Isolation): Judgement {
  const image = releaseLabel(build, revision);
  const host = `${target.name} (${targetBuildLabel(target)})`;
  const mk = (status: VerdictStatus, reason: ReasonCode, text: string, extra: Partial<Judgement> = {}): Judgement => {
    const fails = status === 'unsupported' || (status === 'hyperv' && isolation === 'process');
    return { target, isolation, status, reason, build, confidence: 'confirmed', text, fails, ...extra };
  };
  if (facts.arch && facts.arch !== target.arch) {
    return mk('unsupported', 'arch-mismatch', `the image is built for ${facts.arch}, ${host} is ${target.arch}`);
  }
  if (build > target.build) {
    return mk('unsupported', 'newer-than-host', `it is a ${image} image, newer than ${host}: a newer image never runs on an older host, not even with Hyper-V isolation`);
  }
  const only = HOST_ONLY_IMAGES.find((h) => h.hostBuild === target.build);
  if (only && !only.imageBuilds.includes(build)) {
    return mk('unsupported', 'host-only-image', `${host} supports only ${only.imageBuilds.map((b) => releaseLabel(b)).join(', ')} images, not ${image}`);
  }
  const hypervOk = CONTAINER_BUILDS.includes(build) || build === target.build;
  const hyperv = (reason: ReasonCode, why: string, extra?: Partial<Judgement>) =>
    hypervOk ? mk('hyperv', reason, why, extra) : mk('unsupported', reason, why, extra);

  if (build === target.build) {
    if (target.family === 'client' && target.build < CLIENT_PROCESS_MIN_BUILD) {
      return mk('hyperv', 'client-process-old', `Windows client hosts before 1809 can only run Hyper-V isolated containers (${host})`);
    }
    if (REVISION_EXACT_BUILDS.includes(build) && revision !== undefined && target.revision !== undefined && revision !== target.revision) {
      return mk('hyperv', 'ws2016-revision', `Windows Server 2016 containers need the host's exact revision: image ${formatBuild(build, revision)}, host ${formatBuild(target.build, target.revision)}`);
    }
    // a host without a revision is taken as one with current updates, i.e. past every baseline
    const baseline = REVISION_BASELINES.find((b) => b.build === build);
    const hostRevision = target.revision ?? Number.MAX_SAFE_INTEGER;
    if (baseline && revision !== undefined && (revision >= baseline.revision) !== (hostRevision >= baseline.revision)) {
      const hostText = target.revision !== undefined ? formatBuild(target.build, target.revision) : `${target.name} with current updates`;
      return mk('hyperv', 'baseline-2020', `image ${formatBuild(build, revision)} and host ${hostText} are on different sides of the February 2020 update (${formatBuild(build, baseline.revision)}): process-isolated containers fail`, { confidence: baseline.confidence });
    }
    if (target.family === 'client' && target.build < 22000) {
      return mk('process', 'client-process', `process isolation on a Windows 10 host is for development only; Microsoft's matrix lists it as unsupported`);
    }
    return mk('process', 'same-build', `same build as ${host}`);
  }
  const cross = CROSS_BUILD_PROCESS.find((r) => r.imageBuild === build && r.hostFamily === target.family
    && target.build >= r.hostMinBuild && (r.hostMaxBuild === undefined || target.build <= r.hostMaxBuild)
    && (!r.hostBuilds || r.hostBuilds.includes(target.build)));
  if (cross) {
    return mk('process', 'cross-build', `${image} images run process-isolated on ${host}${cross.caveat ? ` (${cross.caveat})` : ''}`, { confidence: cross.confidence, caveat: cross.caveat });
  }
  return hyperv('process-build-mismatch', `it is a ${image} image on ${host}: process isolation needs the host's own build${hypervOk ? ', so it runs there only with Hyper-V isolation' : ''}`);
}

/** Short status words for reports. */
export const STATUS_LABEL: Record<VerdictStatus, string> = {
  process: 'runs (process isolation)',
  hyperv: 'Hyper-V isolation only',
  unsupported: 'does not run',
  unknown: 'unknown',
};
