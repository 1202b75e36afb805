// Which files wincompat reads, by name (reference §4.8, CSPEC file names) and, for YAML, by content.
import * as nodePath from 'node:path';

const DOCKERFILE_NAMES = [/^dockerfile$/i, /^containerfile$/i, /\.dockerfile$/i, /^dockerfile[.-].+/i, /^containerfile[.-].+/i];
const COMPOSE_NAMES = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
const YAML_NAMES = /\.ya?ml$/i;

export function isDockerfileName(path: string, extra: readonly RegExp[] = []): boolean {
  const base = nodePath.basename(path);
  return DOCKERFILE_NAMES.some((r) => r.test(base)) || extra.some((r) => r.test(base) || r.test(path));
}

export function isComposeName(path: string): boolean {
  return COMPOSE_NAMES.test(nodePath.basename(path));
}

export function isYamlName(path: string): boolean {
  return YAML_NAMES.test(path);
}

/** A quick look that lets a workspace scan skip YAML that cannot hold an image reference. */
export function yamlMayMatter(text: string): boolean {
  return text.includes('image') || text.includes('services') || text.includes('RuntimeClass') || text.includes('build');
}

/** Helm chart templates are Go templates, not YAML: recognised and reported, never parsed. */
export function helmTemplateOffset(path: string, text: string): number | undefined {
  const i = text.indexOf('{{');
  if (i < 0) return undefined;
  const inTemplates = /(?:^|[\\/])templates[\\/]/.test(path);
  if (inTemplates || /\{\{-?\s*(?:\.Values|\.Release|\.Chart|include|template|if|range|with|toYaml|-)/.test(text)) return i;
  return undefined;
}

/** Converts simple glob patterns from settings (`*.df`, `build/**\/Dockerfile`) to regular expressions. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (c === '*') re += '[^/\\\\]*';
    else if (c === '?') re += '[^/\\\\]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(?:^|[\\\\/])${re}$`, 'i');
}
