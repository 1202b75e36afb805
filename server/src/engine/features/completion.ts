// Tag completion as plain data (no editor types): after `FROM <repository>:` in a Dockerfile and in
// `image: <repository>:` values of YAML, the tags a known Windows repository publishes now
// (data/repositories `published` current tokens, in the repository's tag layout), best first the
// one that matches the first target host.
import { judge } from '../compat/judge';
import { imageRelease } from '../compat/lifecycle';
import { releaseLabel } from '../compat/names';
import type { EngineConfig } from '../config/config';
import { findMove } from '../data/moves';
import { findRepository } from '../data/repositories';
import type { RepositoryInfo } from '../data/schema';
import { tokenInfo } from '../data/tokens';
import { parseImageReference } from '../reference/image-reference';
import { formatBuild, resolveImage } from '../resolve/resolve-image';
import { LineIndex } from '../text/line-index';
import type { Position, Range, VerdictStatus } from '../types';

export interface TagCompletion {
  label: string;
  /** plain text that replaces `range` */
  insertText: string;
  /** snippet form, when the tag needs a part the user must type (a version) */
  snippet?: string;
  filterText: string;
  /** `10.0.20348 · Windows Server 2022` */
  detail: string;
  /** markdown: how each target judges the tag */
  documentation: string;
  sortText: string;
  /** the best item for the first target */
  preselect: boolean;
  range: Range;
}

const DOCKERFILE_FROM = /^\s*FROM\s+(?:--\S+\s+)*(\S*)$/i;
const YAML_IMAGE = /^\s*(?:-\s+)?["']?image["']?\s*:\s*["']?(\S*)$/;
const ICON: Record<VerdictStatus, string> = { process: '✅', hyperv: '🟡', unsupported: '❌', unknown: '❔' };

/** Tags to offer at `position`, or [] when the position is not after `<known Windows repository>:`. */
export function completeTags(text: string, position: Position, fileKind: 'dockerfile' | 'yaml', config: EngineConfig): TagCompletion[] {
  const lines = new LineIndex(text);
  if (position.line >= lines.lineCount) return [];
  const line = lines.lineText(position.line);
  const before = line.slice(0, position.character);
  const m = (fileKind === 'dockerfile' ? DOCKERFILE_FROM : YAML_IMAGE).exec(before);
  if (!m) return [];
  const ref = m[1];
  const colon = ref.lastIndexOf(':');
  if (colon < 0 || colon < ref.lastIndexOf('/') || ref.includes('$') || ref.includes('@')) return [];
  const repoText = ref.slice(0, colon);
  const typed = ref.slice(colon + 1);
  const parsed = parseImageReference(`${repoText}:latest`);
  if (!parsed) return [];
  // a legacy repository publishes nothing new: its deprecation finding offers the move instead
  if (findMove(parsed.name)) return [];
  const repo = findRepository(parsed.name);
  if (!repo) return [];
  const after = /^[\w.-]*/.exec(line.slice(position.character))![0];
  const range: Range = {
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: position.character + after.length },
  };
  const candidates = tagCandidates(repo, typed.toLowerCase());
  const first = config.targets[0];
  const items = candidates.map((c, i) => {
    const facts = resolveImage(`${parsed.name}:${c.judgeTag}`);
    const judged = config.targets.map((t) => ({ t, j: judge(facts, t, t.isolation) }));
    const status = judged[0]?.j.status;
    const rank = first && c.build === first.build ? 0 : status === 'process' ? 1 : status === 'hyperv' ? 2 : 3;
    const release = imageRelease(c.build, c.token)?.name ?? releaseLabel(c.build);
    const item: TagCompletion = {
      label: c.label,
      insertText: c.label,
      filterText: c.snippet ? c.label.replace('<version>-', '') : c.label,
      detail: `${formatBuild(c.build)} · ${release}`,
      documentation: judged.map(({ t, j }) => `${ICON[j.status]} ${t.name} (${t.isolation}): ${j.text}`).join('  \n'),
      sortText: `${rank}${String(i).padStart(4, '0')}`,
      preselect: false,
      range,
    };
    if (c.snippet) item.snippet = c.snippet;
    return item;
  });
  const best = items.reduce<TagCompletion | undefined>((b, x) => (!b || x.sortText < b.sortText ? x : b), undefined);
  if (best) best.preselect = true;
  return items;
}

interface Candidate { label: string; snippet?: string; judgeTag: string; build: number; token: string }

/** The tags to offer, in table order (the first current token of a build is the preferred one). */
function tagCandidates(repo: RepositoryInfo, typed: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (c: Candidate) => { if (!seen.has(c.label)) { seen.add(c.label); out.push(c); } };
  const variants = repo.published.map((p) => p.variant).filter((v): v is string => Boolean(v));
  for (const group of repo.published) {
    for (const token of group.current) {
      const build = tokenInfo(token)?.build;
      if (build === undefined) continue;
      if (repo.layout === 'token-first' || !group.variant) {
        add({ label: token, judgeTag: token, build, token });
        continue;
      }
      const v = group.variant;
      const suffix = `${v}-${token}`;
      const at = typed.lastIndexOf(v);
      if (at !== -1) {
        // the user already wrote the variant: complete the token after it
        const tag = `${typed.slice(0, at)}${suffix}`;
        add({ label: tag, judgeTag: tag, build, token });
        continue;
      }
      if (variants.some((other) => other !== v && typed.includes(other))) continue;
      const version = versionTyped(typed, variants);
      if (version) {
        add({ label: `${version}-${suffix}`, judgeTag: `${version}-${suffix}`, build, token });
        continue;
      }
      const examples = exampleVersions(repo, build);
      for (const ex of examples) add({ label: `${ex}-${suffix}`, judgeTag: `${ex}-${suffix}`, build, token });
      if (examples.length) continue;
      if (needsVersion(repo, v)) add({ label: `<version>-${suffix}`, snippet: `\${1:version}-${suffix}`, judgeTag: suffix, build, token });
      else add({ label: suffix, judgeTag: suffix, build, token });
    }
  }
  return out;
}

/** `8.0`, `8.0-`, `8.0-nano` → `8.0`; `nano` or `` → undefined */
function versionTyped(typed: string, variants: string[]): string | undefined {
  const dash = typed.lastIndexOf('-');
  if (dash < 0) return /^v?\d/.test(typed) ? typed : undefined;
  const tail = typed.slice(dash + 1);
  const head = typed.slice(0, dash);
  if (!head) return undefined;
  if (tail === '' || variants.some((v) => v.startsWith(tail))) return head;
  return typed;
}

/** literal versions of the repository's shared tags whose Windows entries include `build` (`4.8.1`, `4.8`) */
function exampleVersions(repo: RepositoryInfo, build: number): string[] {
  return repo.sharedTags
    .filter((s) => s.windowsBuilds.includes(build) && /^\d+(?:\\\.\d+)+$/.test(s.pattern))
    .map((s) => s.pattern.replace(/\\\./g, '.'));
}

/** true when the repository's Windows tags carry a version before the variant (no `<variant>-<token>` tag alone) */
function needsVersion(repo: RepositoryInfo, variant: string): boolean {
  if (repo.sharedTags.length === 0) return true;
  if (repo.sharedTags.some((s) => new RegExp(`^(?:${s.pattern})$`, 'i').test(variant))) return false;
  return repo.sharedTags.some((s) => /\\d|\[\d|^\(?\??:?\d|^\d/.test(s.pattern));
}
