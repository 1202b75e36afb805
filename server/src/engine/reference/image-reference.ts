// Image reference grammar: [registry/][namespace/]repo[:tag][@digest] (reference §3.1, DFILE, CSPEC).
// Docker Hub is the default registry and single-segment names live under `library/`.

export interface ImageReference {
  /** registry host, `docker.io` when none was written */
  registry: string;
  /** repository path inside the registry (`library/golang`, `windows/servercore`) */
  path: string;
  /** `registry/path`, the key of the knowledge tables */
  name: string;
  /** the tag as written, or `latest` when neither tag nor digest was given */
  tag: string;
  /** true when the tag was not written */
  implicitTag: boolean;
  digest?: string;
  /** offsets of the tag inside the reference string, when written */
  tagStart?: number;
}

const DIGEST = /@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})$/;
const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * The same references recur across a workspace (every manifest of a team names the same base
 * images) and each is parsed by several callers (resolution, the build index): parses are kept,
 * frozen, since callers share them. Bounded: a pathological workspace only starts it over.
 */
const parsed = new Map<string, Readonly<ImageReference> | undefined>();
const PARSED_MAX = 10000;

/** Parses a reference; returns undefined when it is not a syntactically valid image name. */
export function parseImageReference(input: string): Readonly<ImageReference> | undefined {
  if (parsed.has(input)) return parsed.get(input);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  const r = parse(input);
  parsed.set(input, r && Object.freeze(r));
  return r;
}

function parse(input: string): ImageReference | undefined {
  const ref = input.trim();
  if (!ref || /\s/.test(ref)) return undefined;
  let rest = ref;
  let digest: string | undefined;
  const d = DIGEST.exec(rest);
  if (d) { digest = d[1]; rest = rest.slice(0, d.index); }
  else if (rest.includes('@')) return undefined;

  let tag: string | undefined;
  let tagStart: number | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    tagStart = colon + 1;
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!.toLowerCase();
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (parts.length === 0 || !parts.every((p) => NAME_COMPONENT.test(p))) return undefined;
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  return {
    registry,
    path,
    name: `${registry}/${path}`,
    tag: tag ?? 'latest',
    implicitTag: tag === undefined && digest === undefined,
    digest,
    tagStart,
  };
}

/** The normalised form used in reports: `docker.io/library/golang:1.27`. */
export function formatReference(r: ImageReference): string {
  return `${r.name}${r.implicitTag ? ':latest' : r.digest && r.tagStart === undefined ? '' : `:${r.tag}`}${r.digest ? `@${r.digest}` : ''}`;
}
