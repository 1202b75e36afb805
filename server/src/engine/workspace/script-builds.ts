// Build sources from scripts and CI files: `docker build -t …` lines anywhere, GitHub Actions'
// docker/build-push-action steps and Azure Pipelines' Docker@2 tasks.
import * as nodePath from 'node:path';
import { parseAllDocuments } from 'yaml';
import { LineIndex } from '../text/line-index';
import { findBuildCommands } from './build-commands';
import { nameOf, type BuildSource } from './build-index';

const SCRIPT_NAMES = /(?:\.(?:sh|bash|ps1|psm1|cmd|bat|mk)|(?:^|[\\/])(?:Makefile|makefile|GNUmakefile|Jenkinsfile|justfile|Taskfile\.ya?ml))$/;
const CI_YAML = /(?:[\\/]\.github[\\/]workflows[\\/][^\\/]+|(?:^|[\\/])azure-pipelines[^\\/]*|(?:^|[\\/])\.gitlab-ci|(?:^|[\\/])\.pipelines[\\/][^\\/]+)\.ya?ml$/;

export function isBuildScriptName(path: string): boolean {
  return SCRIPT_NAMES.test(path) || CI_YAML.test(path);
}

/**
 * Reads build sources from a script or CI file. Paths are resolved from `root` (the workspace
 * folder, where CI jobs and most scripts run), falling back to the script's own folder.
 */
export function scriptBuildSources(path: string, text: string, root: string, exists: (p: string) => boolean): BuildSource[] {
  const out: BuildSource[] = [];
  const lines = new LineIndex(text);
  const resolve = (p: string) => {
    const fromRoot = nodePath.resolve(root, p);
    return exists(fromRoot) ? fromRoot : nodePath.resolve(nodePath.dirname(path), p);
  };
  const add = (tags: string[], file: string | undefined, context: string | undefined, target: string | undefined, args: Record<string, string>, offset: number) => {
    const dockerfile = resolve(file ?? nodePath.join(context ?? '.', 'Dockerfile'));
    for (const t of tags) {
      const n = nameOf(t.trim());
      if (n) out.push({ ...n, dockerfile, target, args: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, { value: v }])), definedIn: path, line: lines.position(offset).line, via: 'script' });
    }
  };
  for (const c of findBuildCommands(text)) add(c.tags, c.file, c.context, c.target, c.args, c.offset);
  if (CI_YAML.test(path) && /build-push-action|Docker@2/.test(text)) {
    for (const doc of parseAllDocuments(text)) {
      if (!('contents' in doc)) continue;
      walkSteps(doc.toJS({ maxAliasCount: 100 }), (step, offset) => {
        const uses = typeof step.uses === 'string' ? step.uses : '';
        if (uses.startsWith('docker/build-push-action')) {
          const w = (step.with ?? {}) as Record<string, unknown>;
          const tags = String(w.tags ?? '').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
          const args = Object.fromEntries(String(w['build-args'] ?? '').split('\n').map((l) => l.trim().split('=')).filter((kv) => kv.length >= 2).map(([k, ...v]) => [k, v.join('=')]));
          add(tags, w.file as string | undefined, w.context as string | undefined, w.target as string | undefined, args, offset);
        }
        if (typeof step.task === 'string' && /^Docker@2$/i.test(step.task)) {
          const i = (step.inputs ?? {}) as Record<string, unknown>;
          if (!/build/i.test(String(i.command ?? 'buildAndPush'))) return;
          const repo = String(i.repository ?? '');
          const tags = String(i.tags ?? '').split(/\n/).map((s) => s.trim()).filter(Boolean);
          add(repo ? (tags.length ? tags.map((t) => `${repo}:${t}`) : [repo]) : [], i.Dockerfile as string | undefined ?? i.dockerfile as string | undefined, i.buildContext as string | undefined, undefined, {}, offset);
        }
      }, text);
    }
  }
  return out;
}

function walkSteps(node: unknown, visit: (step: Record<string, unknown>, offset: number) => void, text: string, depth = 0): void {
  if (depth > 20 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const n of node) walkSteps(n, visit, text, depth + 1); return; }
  const o = node as Record<string, unknown>;
  if (typeof o.uses === 'string' || typeof o.task === 'string') {
    const marker = String(o.uses ?? o.task);
    visit(o, Math.max(0, text.indexOf(marker)));
  }
  for (const v of Object.values(o)) walkSteps(v, visit, text, depth + 1);
}
