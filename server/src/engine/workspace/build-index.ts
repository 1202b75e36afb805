// The images a workspace builds itself (issue: "contoso/myimage" in a manifest is decided by a FROM
// in another file). Sources: compose services with both `image` and `build`, the `images` map of
// `.wincompat.yaml`, and `docker build -t` commands in scripts and CI files. Kept per defining
// file so a change to one file replaces just its entries.
import type { BuildArgs } from '../dockerfile/model';
import { parseImageReference } from '../reference/image-reference';

export interface BuildSource {
  /** repository name, normalised (`docker.io/contoso/web`) */
  name: string;
  /** tag as written, when literal */
  tag?: string;
  /** absolute path of the Dockerfile */
  dockerfile: string;
  target?: string;
  args: BuildArgs;
  /** the file that says so, and the line */
  definedIn: string;
  line: number;
  via: 'compose' | 'config' | 'script';
}

export class BuildIndex {
  private readonly byFile = new Map<string, BuildSource[]>();
  private readonly byName = new Map<string, BuildSource[]>();
  /** bumped whenever an entry changes: analyses that followed a build are stale */
  version = 0;

  set(definer: string, sources: BuildSource[]): void {
    const before = this.byFile.get(definer) ?? [];
    if (JSON.stringify(before.map(key)) === JSON.stringify(sources.map(key))) return;
    if (sources.length) this.byFile.set(definer, sources); else this.byFile.delete(definer);
    this.byName.clear();
    for (const list of this.byFile.values()) for (const s of list) this.byName.set(s.name, [...(this.byName.get(s.name) ?? []), s]);
    this.version++;
  }

  /** build sources for a reference (by repository; a source whose literal tag matches comes first) */
  lookup(reference: string): BuildSource[] {
    const ref = parseImageReference(reference.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-+?][^}]*)?\}?/g, 'x'));
    if (!ref) return [];
    const list = this.byName.get(ref.name) ?? [];
    return [...list].sort((a, b) => Number(b.tag === ref.tag) - Number(a.tag === ref.tag));
  }

  get size(): number { return this.byName.size; }

  /** every defining file's entries, for another analyzer (workers of a parallel scan) */
  entries(): Array<[string, BuildSource[]]> {
    return [...this.byFile.entries()];
  }

  /** true when some entry builds from this Dockerfile (its edits can change other files' verdicts) */
  builds(dockerfile: string): boolean {
    for (const list of this.byFile.values()) if (list.some((s) => s.dockerfile === dockerfile)) return true;
    return false;
  }
}

function key(s: BuildSource): string {
  return JSON.stringify([s.name, s.tag, s.dockerfile, s.target, Object.entries(s.args).map(([k, v]) => [k, v.value]), s.line, s.via]);
}

/** `contoso/web:$VERSION` → name and literal tag (variables make the tag unknown) */
export function nameOf(image: string): { name: string; tag?: string } | undefined {
  const literal = !/\$/.test(image);
  const ref = parseImageReference(image.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-+?][^}]*)?\}?/g, 'x'));
  if (!ref) return undefined;
  return { name: ref.name, tag: literal && !ref.implicitTag ? ref.tag : undefined };
}
