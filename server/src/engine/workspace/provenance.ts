// Follows a reference to an image the workspace builds to the base of the Dockerfile that builds
// it, transitively ("contoso/web" → web/Dockerfile, stage final → servercore:ltsc2019). The use
// then carries the base's provenance, so the retag fix edits that Dockerfile.
import * as nodePath from 'node:path';
import type { ImageUse } from '../analysis/image-use';
import { baseRef, targetStage, type DockerfileModel, type BuildArgs } from '../dockerfile/model';
import { factsFor } from '../analysis/judge-uses';
import type { BuildIndex } from './build-index';

export type LoadModel = (dockerfile: string, args: BuildArgs) => DockerfileModel | undefined;

const MAX_DEPTH = 5;

export function followBuild(use: ImageUse, index: BuildIndex, load: LoadModel, root: string | undefined, deps: Set<string>): ImageUse {
  let current = use;
  const seen = new Set<string>();
  for (let depth = 0; depth < MAX_DEPTH && index.size; depth++) {
    const value = current.sub.value;
    const sources = index.lookup(value);
    if (!sources.length || seen.has(value)) break;
    // a public image that happens to share a name is never rerouted
    const facts = factsFor(value);
    if (facts.repository || facts.move || facts.os !== 'unknown') break;
    seen.add(value);
    const bases = sources.map((s) => {
      deps.add(s.dockerfile);
      const model = load(s.dockerfile, s.args);
      const stage = model && targetStage(model, s.target);
      return stage && model ? { source: s, stage, ref: baseRef(model, stage) } : undefined;
    }).filter((b): b is NonNullable<typeof b> => b !== undefined);
    if (!bases.length) break;
    const [first] = bases;
    const rel = (p: string) => (root ? nodePath.relative(root, p) : p).split(nodePath.sep).join('/');
    const distinct = [...new Map(bases.map((b) => [b.ref.sub.value, b])).values()];
    current = {
      ...current,
      sub: first.ref.sub,
      via: builtVia(rel(first.source.dockerfile), first.stage.name, first.ref.sub.value),
      buildConflict: distinct.length > 1 ? distinct.map((b) => ({ dockerfile: rel(b.source.dockerfile), base: b.ref.sub.value })) : current.buildConflict,
    };
  }
  return current;
}

/** how a hover and a message say where a built image comes from */
export function builtVia(dockerfile: string, stage: string | undefined, base: string): string {
  return `built from \`${dockerfile}\`${stage ? `, stage \`${stage}\`` : ''}, base \`${base}\``;
}
