// Retag: swap the image's Windows release token for the host's, only to a token the repository
// publishes (reference §3.6 retag rule), at the place the token was written, be it the FROM line,
// an ARG default, a compose variable default or the `.env` file.
import { locate, type Origin, type Substituted } from '../analysis/substitute';
import { formatBuild } from '../resolve/resolve-image';
import { releaseName } from '../compat/names';
import { tokensForBuild } from '../data/tokens';
import type { ImageFacts } from '../resolve/resolve-image';
import type { Fix, TextEdit } from '../types';

/** The token to write for `build` in this repository and variant, preferring the LTSC spelling. */
export function publishedToken(facts: ImageFacts, build: number): string | undefined {
  const repo = facts.repository;
  if (!repo) return undefined;
  const variant = facts.token?.variant;
  const lists = repo.published.filter((p) => (p.variant ?? undefined) === (repo.layout === 'variant-suffix' ? variant ?? p.variant : undefined));
  const candidates = tokensForBuild(build).map((t) => t.token).sort((a, b) => Number(b.startsWith('ltsc')) - Number(a.startsWith('ltsc')));
  for (const list of lists.length ? lists : repo.published) {
    const found = candidates.find((c) => list.current.includes(c));
    if (found) return found;
  }
  return undefined;
}

function editAt(origin: Origin, length: number, newText: string, filePath: string): TextEdit {
  const range = origin.lines.range(origin.offset, origin.offset + length);
  return origin.path === filePath ? { range, newText } : { range, newText, path: origin.path };
}

function where(sub: Substituted, start: number, end: number, filePath: string): string {
  let pos = 0;
  for (const p of sub.pieces) {
    const pEnd = pos + p.text.length;
    if (start >= pos && end <= pEnd && p.variable) return ` (in the value of \`${p.variable}\`${p.origin && p.origin.path !== filePath ? ` in ${p.origin.path.split(/[\\/]/).pop()}` : ''})`;
    pos = pEnd;
  }
  return '';
}

/** Replaces resolved[start, end) where it was written; undefined when not traceable to one place. */
export function replaceResolved(sub: Substituted, start: number, end: number, newText: string, filePath: string): { edit: TextEdit; where: string } | undefined {
  const origin = locate(sub, start, end);
  if (!origin) return undefined;
  // the origin must hold exactly the characters we mean to replace (no escapes in between)
  if (origin.lines.text.slice(origin.offset, origin.offset + (end - start)) !== sub.value.slice(start, end)) return undefined;
  return { edit: editAt(origin, end - start, newText, filePath), where: where(sub, start, end, filePath) };
}

export function retagFix(sub: Substituted, facts: ImageFacts, build: number, filePath: string, preferVariant?: string): Fix | undefined {
  const ref = facts.reference;
  const token = facts.token;
  if (!ref || ref.tagStart === undefined || !facts.repository) return undefined;
  const newToken = publishedToken(facts, build);
  // without a token of the host's release only a shared tag (`8.0`) can still gain a variant suffix
  if (!newToken && !(facts.os === 'linux' || facts.os === 'multi')) return undefined;
  const tag = ref.tag;
  let start: number, end: number, replacement: string;
  if (token && newToken) {
    // the token and what pins it to one update (`-KB4493509`, `.1040` in 10.0.b.r, legacy `_KB…`)
    start = token.start;
    end = token.end;
    const pin = /^[-_]KB\d+/i.exec(tag.slice(end));
    if (pin) end += pin[0].length;
    replacement = token.form === 'number' || tag.includes('_') ? newToken : matchCase(token.text, newToken);
    if (tag.includes('_')) { end = tag.length; replacement = newToken + (facts.arch ? `-${facts.arch}` : ''); }
  } else {
    // a shared tag (`8.0`, `4.8`): add the variant and token of the host's release
    const variantToken = sharedTagRetag(facts, build, preferVariant);
    if (!variantToken) return undefined;
    start = tag.length;
    end = tag.length;
    replacement = variantToken;
  }
  const newTag = tag.slice(0, start) + replacement + tag.slice(end);
  const tagStart = ref.tagStart;
  let done = replaceResolved(sub, tagStart + start, tagStart + end, replacement, filePath);
  let newRef = sub.value.slice(0, tagStart) + newTag;
  if (facts.move?.to && facts.move.sameTags) {
    // a legacy Docker Hub name: move to the MCR name at the same time
    const whole = replaceResolved(sub, 0, tagStart + tag.length, `${facts.move.to}:${newTag}`, filePath);
    if (!whole) return undefined;
    done = whole;
    newRef = `${facts.move.to}:${newTag}`;
  }
  if (!done) return undefined;
  return { kind: 'retag', title: `Retag to \`${newRef}\` (${releaseName(build) ?? formatBuild(build)})${done.where}`, edits: [done.edit] };
}

function sharedTagRetag(facts: ImageFacts, build: number, preferVariant?: string): string | undefined {
  const repo = facts.repository;
  const tag = facts.reference?.tag ?? '';
  if (!repo || repo.layout !== 'variant-suffix' || !/^\d+(?:\.\d+)*$/.test(tag)) return undefined;
  const candidates = tokensForBuild(build).map((t) => t.token).sort((a, b) => Number(b.startsWith('ltsc')) - Number(a.startsWith('ltsc')));
  const variants = [...repo.published].sort((a, b) => Number(b.variant === preferVariant) - Number(a.variant === preferVariant));
  for (const p of variants) {
    const tok = candidates.find((c) => p.current.includes(c));
    if (tok && p.variant) return `-${p.variant}-${tok}`;
  }
  return undefined;
}

function matchCase(written: string, token: string): string {
  return written === written.toUpperCase() && /[A-Z]/.test(written) ? token.toUpperCase() : token;
}

/** Legacy `microsoft/*` → MCR name, keeping the tag (MCRMAP). */
export function moveFix(sub: Substituted, facts: ImageFacts, filePath: string): Fix | undefined {
  const ref = facts.reference;
  const to = facts.move?.to;
  if (!ref || !to || !facts.move?.sameTags) return undefined;
  const nameEnd = ref.tagStart !== undefined ? ref.tagStart - 1 : sub.value.length - (ref.digest ? ref.digest.length + 1 : 0);
  const done = replaceResolved(sub, 0, nameEnd, to, filePath);
  if (!done) return undefined;
  return { kind: 'retag', title: `Use \`${to}\`${done.where}`, edits: [done.edit] };
}
