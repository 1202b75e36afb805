// Turns the image uses of a file (or of one YAML document) into the report's images and
// diagnostics: resolve each reference, pick the hosts it can land on, judge, run the rules.
import { judge, type Judgement } from '../compat/judge';
import type { EngineConfig } from '../config/config';
import { moveFix, retagFix } from '../fixes/retag';
import { formatBuild, resolveImage, type ImageFacts } from '../resolve/resolve-image';
import { formatReference } from '../reference/image-reference';
import { RULES } from '../rules';
import type { ImageContext, PlacementFact, Rule, RuleHit } from '../rules/rule';
import { parseTarget, type Target } from '../targets/target';
import { schedulable, swarmPlaceable } from '../compat/schedule';
import type { Diagnostic, Fix, ImageReport } from '../types';
import type { ImageUse } from './image-use';

export interface JudgedUnit { images: ImageReport[]; diagnostics: Diagnostic[] }

/** memo of resolveImage: the same reference appears thousands of times in a large manifest */
const factsCache = new Map<string, ImageFacts>();
export function factsFor(resolved: string): ImageFacts {
  let f = factsCache.get(resolved);
  if (!f) {
    if (factsCache.size > 5000) factsCache.clear();
    f = resolveImage(resolved);
    factsCache.set(resolved, f);
  }
  return f;
}

export function hostsFor(use: ImageUse, targets: readonly Target[]): Target[] {
  const p = use.placement;
  let hosts = targets.slice();
  if (p.scheduling) {
    // Kubernetes: the pools the scheduler may use (selectors, affinity, taints)
    hosts = hosts.filter((t) => schedulable(p.scheduling!, t));
  } else if (p.swarm && hosts.some((t) => t.labels)) {
    // Swarm nodes from an inventory: the ones the placement constraints allow
    hosts = hosts.filter((t) => swarmPlaceable(p.swarm!, t) && t.os === (p.os ?? 'windows'));
  } else if (p.os) hosts = hosts.filter((t) => t.os === p.os);
  else if (hosts.some((t) => t.os === 'windows')) {
    // a Dockerfile or a compose service is judged against the Windows hosts: Linux pools of a
    // cluster inventory are where its Linux siblings run, not a place this image is sent to
    hosts = hosts.filter((t) => t.os === 'windows');
  }
  if (p.builds?.length && (!hosts.length || !p.scheduling)) {
    const matching = hosts.filter((t) => p.builds!.includes(t.build));
    hosts = matching.length ? matching : p.builds.map((b) => ({
      ...parseTarget({ host: `10.0.${b}` }),
      name: `the nodes selected by ${p.buildSource ?? 'the build selector'}`,
      synthetic: true,
    }));
  }
  if (!hosts.length && p.os === 'linux') hosts = [{ name: 'Linux nodes', os: 'linux', build: 0, family: 'server', isolation: 'process', arch: 'amd64', synthetic: true }];
  return hosts;
}

/**
 * `follow` lets the caller replace a use of an image the workspace builds by the base of the
 * Dockerfile that builds it (workspace/provenance.ts).
 */
export function judgeUses(uses: readonly ImageUse[], facts: readonly PlacementFact[], config: EngineConfig, filePath: string, follow?: (use: ImageUse) => ImageUse): JudgedUnit {
  const images: ImageReport[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const written of uses) {
    const use = follow ? follow(written) : written;
    const f = factsFor(use.sub.value);
    const judgements = hostsFor(use, config.targets).map((t) => {
      const j = judge(f, t, use.placement.isolation ?? t.isolation);
      // an image that is only pulled (COPY --from) needs no matching kernel
      return use.pullOnly && j.status === 'hyperv' ? { ...j, fails: false } : j;
    });
    const ctx: ImageContext = {
      use, facts: f, judgements, config,
      retag: (build) => retagFix(use.sub, f, build, filePath, use.preferVariant),
      moveRepository: () => moveFix(use.sub, f, filePath),
    };
    const diags = use.inherited ? [] : runRules(RULES, (r) => r.checkImage?.(ctx), use.range, config);
    diagnostics.push(...diags);
    images.push(report(use, f, judgements, diags));
  }
  diagnostics.push(...runRules(RULES, (r) => r.checkFile?.({ facts: facts as PlacementFact[], config }), undefined, config));
  return { images, diagnostics };
}

function runRules(rules: readonly Rule[], check: (r: Rule) => RuleHit[] | undefined, range: ImageUse['range'] | undefined, config: EngineConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = config.severities[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    for (const hit of check(rule) ?? []) {
      const r = hit.range ?? range;
      if (!r) continue;
      out.push({ code: rule.id, severity, message: hit.message, range: r, fixes: hit.fixes ?? [] });
    }
  }
  return out;
}

function report(use: ImageUse, f: ImageFacts, judgements: Judgement[], diags: Diagnostic[]): ImageReport {
  const fixes: Fix[] = [];
  const titles = new Set<string>();
  for (const d of diags) for (const fix of d.fixes) if (!titles.has(fix.title)) { titles.add(fix.title); fixes.push(fix); }
  const single = f.os === 'windows' && f.builds.length === 1;
  const image: ImageReport = {
    ref: use.ref,
    resolved: f.reference ? formatReference(f.reference) : use.sub.unresolved.length ? use.ref : use.sub.value,
    range: use.range,
    os: f.os,
    windowsBuild: single ? formatBuild(f.builds[0], f.revision) : null,
    verdicts: judgements.map((j) => ({ target: j.target.name, status: j.status, reason: j.text })),
    fixes,
  };
  if (f.os === 'multi') image.windowsBuilds = f.builds.map((b) => formatBuild(b));
  if (use.via) image.via = use.via;
  return image;
}

