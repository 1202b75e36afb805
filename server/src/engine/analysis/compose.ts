// Compose files → image uses: a service's `image`, or, when it has `build`, the base of the
// Dockerfile it builds (context + dockerfile + args + target), with `${VAR}` interpolation from
// the `.env` file beside it. Placement comes from `isolation`, `platform` and Swarm constraints.
import * as nodePath from 'node:path';
import { isAlias, isMap, isScalar, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { SWARM_OS_KEY } from '../data/kubernetes';
import { parseDockerfile, targetStage, baseRef, type BuildArgs } from '../dockerfile/model';
import { appendToSeq, addSeq, insertInMap, replaceScalar, type EditTarget } from '../fixes/yaml-edits';
import type { PlacementFact } from '../rules/rule';
import { LineIndex } from '../text/line-index';
import type { Fix } from '../types';
import type { ImageUse, Placement } from './image-use';
import { substitute, type Lookup, type Origin, type VariableValue } from './substitute';
import { nameOf, type BuildSource } from '../workspace/build-index';
import { builtVia } from '../workspace/provenance';
import { keyOf, span, valueOffset, YamlReader } from '../yaml/nodes';

export interface ComposeEnv { vars: Map<string, VariableValue> }
export interface ComposeHost {
  /** reads a file of the workspace (the Dockerfile a service builds, the `.env` file) */
  readFile(path: string): string | undefined;
  swarmBuildLabel: string;
  /** node labels of the configured targets (Swarm nodes from an inventory), to write real labels */
  targetLabels?: Array<Record<string, string> | undefined>;
  maxAliasHops: number;
}

export interface ComposeUnit { uses: ImageUse[]; facts: PlacementFact[]; dependencies: string[]; builds: BuildSource[] }

export function isComposeDoc(y: YamlReader, root: unknown): boolean {
  const m = y.map(root);
  const services = y.map(y.get(m, 'services'));
  if (!services || y.get(m, 'apiVersion') !== undefined) return false;
  const entries = y.entries(services);
  return entries.length > 0 && entries.every(([, p]) => isMap(y.deref(p.value)) || y.deref(p.value) === undefined || (isScalar(y.deref(p.value)) && (y.deref(p.value) as Scalar).value === null));
}

/** `.env`: KEY=VALUE lines (optional `export`, quotes, comments), each value traced to its place. */
export function parseEnvFile(path: string, text: string): ComposeEnv {
  const lines = new LineIndex(text);
  const vars = new Map<string, VariableValue>();
  for (let i = 0; i < lines.lineCount; i++) {
    const start = lines.lineStart(i);
    const line = lines.lineText(i);
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    let value = m[2];
    let offset = start + line.indexOf(m[2], line.indexOf('=') + 1);
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) { value = value.slice(1, -1); offset++; }
    else value = value.replace(/\s+#.*$/, '');
    vars.set(m[1], { value, origin: { path, lines, offset } });
  }
  return { vars };
}

export function composeUnit(doc: Document.Parsed, t: EditTarget, path: string, env: ComposeEnv, host: ComposeHost): ComposeUnit {
  const y = new YamlReader(doc, host.maxAliasHops);
  const uses: ImageUse[] = [];
  const facts: PlacementFact[] = [];
  const dependencies: string[] = [];
  const builds: BuildSource[] = [];
  const lookup: Lookup = (name) => env.vars.get(name);
  const originOf = (node: Node | undefined): Origin | undefined => {
    const offset = valueOffset(t.text, node);
    return offset === undefined ? undefined : { path, lines: t.lines, offset };
  };
  const interpolate = (node: Node | undefined) => substitute(y.str(node) ?? '', originOf(node), lookup, { compose: true });
  const services = y.map(y.get(y.map(doc.contents), 'services'));
  const fileWindows = y.entries(services).some(([, p]) => {
    const svc = y.map(p.value);
    return ['process', 'hyperv'].includes(y.str(y.get(svc, 'isolation')) ?? '') || /^windows/i.test(y.str(y.get(svc, 'platform')) ?? '');
  });
  for (const [name, pair] of y.entries(services)) {
    const svc = y.map(pair.value);
    if (!svc) continue;
    const placement: Placement = {};
    const isolation = interpolate(y.get(svc, 'isolation')).value.toLowerCase();
    if (isolation === 'process' || isolation === 'hyperv') placement.isolation = isolation;
    const platform = interpolate(y.get(svc, 'platform')).value.toLowerCase();
    if (platform.startsWith('windows')) placement.os = 'windows';
    else if (platform.startsWith('linux')) placement.os = 'linux';
    const constraintsNode = y.seq(y.path(svc, ['deploy', 'placement', 'constraints']));
    for (const c of constraintsNode?.items ?? []) {
      const node = y.deref(c);
      const text = y.str(node);
      const r = span(node);
      if (!text || !r) continue;
      facts.push({ kind: 'swarm-constraint', key: text, range: t.lines.range(r[0], r[1]), fix: (to) => { const e = replaceScalar(t, node!, to); return e ? { kind: 'constraintOperator', title: `Write \`${to}\``, edits: [e] } : undefined; } });
      const m = /^\s*([\w.-]+)\s*(==|!=)\s*(\S+)\s*$/.exec(text);
      if (!m) continue;
      (placement.swarm ??= []).push({ key: m[1], op: m[2] as '==' | '!=', value: m[3] });
      if (m[2] !== '==') continue;
      if (m[1] === SWARM_OS_KEY) placement.os = m[3].toLowerCase() === 'windows' ? 'windows' : 'linux';
      if (m[1] === `node.labels.${host.swarmBuildLabel}` || (m[1].startsWith('node.labels.') && /^(?:10\.0\.)?\d{5}(?:\.\d+)?$/.test(m[3]))) {
        const b = /^(?:10\.0\.)?(\d{5})/.exec(m[3]);
        if (b) { placement.builds = [Number(b[1])]; placement.buildSource = m[1]; }
      }
    }
    const fixes = {
      hyperv: (): Fix | undefined => {
        const cur = y.deref(y.get(svc, 'isolation'));
        const title = 'Run with Hyper-V isolation (isolation: hyperv)';
        if (isScalar(cur) && svc.items.some((p) => (p as Pair).value === cur)) { const e = replaceScalar(t, cur, 'hyperv'); return e ? { kind: 'hypervIsolation', title, edits: [e] } : undefined; }
        return { kind: 'hypervIsolation', title, edits: [insertInMap(t, svc, 'isolation: hyperv')] };
      },
      // the label the Swarm nodes really carry for their build (an imported inventory), else the setting
      swarmConstraint: (build: number) => swarmFix(y, svc, t, buildLabelOf(host, build), build),
    };
    const windowsIntent = fileWindows || placement.os === 'windows' || placement.isolation !== undefined;
    const imageNode = y.get(svc, 'image');
    const buildNode = y.get(svc, 'build');
    const base = { fileKind: 'compose' as const, orchestrator: 'compose' as const, placement, windowsIntent, fixes };
    if (buildNode !== undefined) {
      const spec = buildSpec(y, buildNode, path, interpolate, t);
      if (spec) dependencies.push(spec.file);
      const imageName = imageNode !== undefined ? nameOf(interpolate(imageNode).value) : undefined;
      if (spec && imageName) builds.push({ ...imageName, dockerfile: spec.file, target: spec.target, args: spec.args, definedIn: path, line: t.lines.position(span(imageNode)![0]).line, via: 'compose' });
      const built = spec && builtBase(spec, path, host);
      const anchor = imageNode ?? (y.pair(svc, 'build')?.key as Node);
      const r = span(anchor) ?? [0, 0];
      if (built) {
        uses.push({ ...base, ref: y.str(imageNode) ?? name, sub: built.sub, range: t.lines.range(r[0], r[1]), via: built.via, windowsIntent: windowsIntent || built.windowsHints });
        continue;
      }
    }
    if (imageNode !== undefined) {
      const r = span(imageNode)!;
      uses.push({ ...base, ref: y.str(imageNode) ?? '', sub: interpolate(imageNode), range: t.lines.range(r[0], r[1]) });
    }
  }
  return { uses, facts, dependencies, builds };
}

interface BuildSpec { file: string; args: BuildArgs; target?: string }

/** where a service's `build` points: Dockerfile path, build args (traced to the compose file), target */
function buildSpec(y: YamlReader, buildNode: Node, composePath: string, interpolate: (n: Node | undefined) => { value: string }, t: EditTarget): BuildSpec | undefined {
  const m = y.map(buildNode);
  const context = interpolate(m ? y.get(m, 'context') : buildNode).value || '.';
  if (/^(?:https?:|git@|git:\/\/|github\.com\/)/.test(context)) return undefined;
  const dockerfile = (m && interpolate(y.get(m, 'dockerfile')).value) || 'Dockerfile';
  const file = nodePath.resolve(nodePath.dirname(composePath), context, dockerfile);
  const args: BuildArgs = {};
  const argsNode = m ? y.deref(y.get(m, 'args')) : undefined;
  const am = y.map(argsNode);
  if (am) {
    for (const [k, p] of y.entries(am)) {
      const v = y.deref(p.value);
      if (!isScalar(v) || v.value === null) continue;
      const offset = valueOffset(t.text, v);
      args[k] = { value: String(v.value), origin: offset === undefined ? undefined : { path: composePath, lines: t.lines, offset } };
    }
  } else {
    for (const item of y.seq(argsNode)?.items ?? []) {
      const s = y.str(item);
      const eq = s?.indexOf('=') ?? -1;
      if (!s || eq < 0) continue;
      const at = valueOffset(t.text, y.deref(item));
      args[s.slice(0, eq)] = { value: s.slice(eq + 1), origin: at === undefined ? undefined : { path: composePath, lines: t.lines, offset: at + eq + 1 } };
    }
  }
  const target = m ? interpolate(y.get(m, 'target')).value || undefined : undefined;
  return { file, args, target };
}

function builtBase(spec: BuildSpec, composePath: string, host: ComposeHost) {
  const text = host.readFile(spec.file);
  if (text === undefined) return undefined;
  const model = parseDockerfile(spec.file, text, spec.args);
  const stage = targetStage(model, spec.target);
  if (!stage) return undefined;
  const ref = baseRef(model, stage);
  const rel = nodePath.relative(nodePath.dirname(composePath), spec.file).split(nodePath.sep).join('/');
  return { sub: ref.sub, via: builtVia(rel, stage.name, ref.sub.value), windowsHints: model.windowsHints };
}

function swarmFix(y: YamlReader, svc: YAMLMap, t: EditTarget, label: string, build: number): Fix | undefined {
  const wanted = [`${SWARM_OS_KEY} == windows`, `node.labels.${label} == 10.0.${build}`];
  const title = `Add Swarm constraints ${wanted.map((w) => `\`${w}\``).join(' and ')}`;
  const deploy = y.map(y.get(svc, 'deploy'));
  const placement = y.map(y.get(deploy, 'placement'));
  const constraints = y.seq(y.get(placement, 'constraints'));
  // a section shared through an anchor (`deploy: *windows-deploy`, `<<: *deploy`) belongs to every
  // service using it: editing it would move the others too, so no fix is offered
  if (sharedKey(y, svc, 'deploy') || (deploy && sharedKey(y, deploy, 'placement')) || (placement && sharedKey(y, placement, 'constraints'))) return undefined;
  if (constraints) {
    const edits = [];
    const texts = constraints.items.map((c) => y.str(c) ?? '');
    const missing = [];
    for (const w of wanted) {
      const key = w.split(' ')[0];
      const i = texts.findIndex((c) => c.replace(/\s+/g, '').startsWith(`${key}==`) || c.replace(/\s+/g, '').startsWith(`${key}=`));
      if (i < 0) missing.push(w);
      else if (texts[i].replace(/\s+/g, '') !== w.replace(/\s+/g, '')) { const e = replaceScalar(t, y.deref(constraints.items[i])!, w); if (e) edits.push(e); }
    }
    const add = appendToSeq(t, constraints, missing);
    if (add) edits.push(add);
    return edits.length ? { kind: 'swarmConstraint', title, edits } : undefined;
  }
  if (placement) return { kind: 'swarmConstraint', title, edits: [addSeq(t, placement, 'constraints', wanted)] };
  const step = 2;
  const block = (indent: number) => wanted.map((w) => `\n${' '.repeat(indent)}- ${JSON.stringify(w)}`).join('');
  if (deploy) {
    const col = colOf(t, deploy);
    return { kind: 'swarmConstraint', title, edits: [insertInMap(t, deploy, `placement:\n${' '.repeat(col + step)}constraints:${block(col + step * 2)}`)] };
  }
  const col = colOf(t, svc);
  return { kind: 'swarmConstraint', title, edits: [insertInMap(t, svc, `deploy:\n${' '.repeat(col + step)}placement:\n${' '.repeat(col + step * 2)}constraints:${block(col + step * 3)}`)] };
}

/** true when `key` of `map` comes from an alias or a merge key rather than the map's own text */
function sharedKey(y: YamlReader, map: YAMLMap, key: string): boolean {
  const own = map.items.find((p) => keyOf(p as Pair) === key) as Pair | undefined;
  return own ? isAlias(own.value) : y.pair(map, key) !== undefined;
}

function colOf(t: EditTarget, map: YAMLMap): number {
  const first = map.items[0] as Pair | undefined;
  const r = first ? span(first.key as Node) : span(map);
  return r ? t.lines.position(r[0]).character : 0;
}

/** a node label whose value on the targets is this build (`OsVersion: 10.0.17763`), else the setting */
function buildLabelOf(host: ComposeHost, build: number): string {
  for (const labels of host.targetLabels ?? []) {
    for (const [k, v] of Object.entries(labels ?? {})) if (new RegExp(`^(?:10\\.0\\.)?${build}(?:\\.\\d+)?$`).test(v)) return k;
  }
  return host.swarmBuildLabel;
}
