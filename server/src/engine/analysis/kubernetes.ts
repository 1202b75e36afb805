// Kubernetes documents → image uses (every container of every pod template) with the placement
// the scheduler would give them, plus the node-label and annotation facts the file rules read.
import { isMap, isScalar, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { HYPERV_HANDLER } from '../data/compatibility';
import { LABEL_OS, LABEL_WINDOWS_BUILD, LABEL_OS_BETA, LABEL_OSBUILD_MANUAL, POD_SPEC_PATHS, CONTAINER_LISTS } from '../data/kubernetes';
import { replaceKey, replaceScalar, setEntries, insertInMap, type EditTarget } from '../fixes/yaml-edits';
import type { PlacementFact } from '../rules/rule';
import type { LineIndex } from '../text/line-index';
import type { Fix } from '../types';
import type { ImageUse, MatchExpression, Placement, Scheduling, Toleration } from './image-use';
import { keyOf, span, valueOffset, YamlReader } from '../yaml/nodes';

export interface RuntimeClassInfo { name: string; handler?: string; os?: string; builds?: number[]; selector?: Record<string, string>; tolerations?: Toleration[] }

export interface KubernetesUnit { uses: ImageUse[]; facts: PlacementFact[] }

/** RuntimeClass objects of a document (kind: RuntimeClass, or inside a List). */
export function runtimeClassesOf(doc: Document.Parsed, maxAliasHops: number): RuntimeClassInfo[] {
  const y = new YamlReader(doc, maxAliasHops);
  return resources(y, doc.contents).filter((r) => y.str(y.get(r, 'kind')) === 'RuntimeClass').map((r) => {
    const sel = y.map(y.path(r, ['scheduling', 'nodeSelector']));
    const build = parseBuild(y.str(y.get(sel, LABEL_WINDOWS_BUILD)));
    const selector = Object.fromEntries(y.entries(sel).map(([k, p]) => [k, y.str(p.value) ?? '']));
    const tolerations = (y.seq(y.path(r, ['scheduling', 'tolerations']))?.items ?? []).map((tol) => {
      const m = y.map(tol);
      return { key: y.str(y.get(m, 'key')), operator: y.str(y.get(m, 'operator')), value: y.str(y.get(m, 'value')), effect: y.str(y.get(m, 'effect')) };
    });
    return { name: y.str(y.path(r, ['metadata', 'name'])) ?? '', handler: y.str(y.get(r, 'handler')), os: y.str(y.get(sel, LABEL_OS)), builds: build ? [build] : undefined, selector, tolerations };
  });
}

function resources(y: YamlReader, root: unknown): YAMLMap[] {
  const m = y.map(root);
  if (!m) return [];
  const kind = y.str(y.get(m, 'kind'));
  if (kind === 'List' || (kind?.endsWith('List') && y.seq(y.get(m, 'items')))) {
    return (y.seq(y.get(m, 'items'))?.items ?? []).map((i) => y.map(i)).filter((i): i is YAMLMap => Boolean(i));
  }
  return [m];
}

export function isKubernetesDoc(y: YamlReader, root: unknown): boolean {
  const m = y.map(root);
  return Boolean(m && y.str(y.get(m, 'apiVersion')) !== undefined && y.str(y.get(m, 'kind')) !== undefined);
}

function parseBuild(v: string | undefined): number | undefined {
  const m = v ? /^(?:10\.0\.)?(\d{5})(?:\.\d+)?$/.exec(v.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

export function kubernetesUnit(doc: Document.Parsed, t: EditTarget & { lines: LineIndex }, path: string, runtimeClasses: readonly RuntimeClassInfo[], maxAliasHops: number): KubernetesUnit {
  const y = new YamlReader(doc, maxAliasHops);
  const uses: ImageUse[] = [];
  const facts: PlacementFact[] = [];
  for (const res of resources(y, doc.contents)) {
    const kind = y.str(y.get(res, 'kind')) ?? '';
    const specPath = POD_SPEC_PATHS[kind];
    if (!specPath) continue;
    const spec = y.map(y.path(res, specPath));
    if (!spec) continue;
    const podMeta = y.map(y.path(res, [...specPath.slice(0, -1), 'metadata']));
    for (const [key, pair] of y.entries(y.map(y.get(podMeta, 'annotations')))) {
      const r = span(pair.key as Node);
      if (r) facts.push({ kind: 'annotation', key, value: y.str(pair.value), range: t.lines.range(r[0], r[1]) });
    }
    const placement = placementOf(y, spec, runtimeClasses, t, facts);
    const windowsIntent = placement.os === 'windows' || y.str(y.path(spec, ['os', 'name'])) === 'windows';
    const fixes = {
      nodeSelector: (builds: number[]) => nodeSelectorFix(y, spec, t, builds),
      hyperv: () => hypervFix(y, spec, t, runtimeClasses),
    };
    for (const list of CONTAINER_LISTS) {
      for (const c of y.seq(y.get(spec, list))?.items ?? []) {
        const image = y.deref(y.get(y.map(c), 'image'));
        if (!isScalar(image) || typeof image.value !== 'string') continue;
        const r = span(image)!;
        const raw = image.value;
        // Kubernetes substitutes no variables: the reference is literal, one piece where it is written
        const offset = valueOffset(t.text, image);
        const literal = { value: raw, pieces: raw ? [{ text: raw, origin: offset === undefined ? undefined : { path, lines: t.lines, offset } }] : [], unresolved: [], used: [] };
        uses.push({ ref: raw, sub: literal, range: t.lines.range(r[0], r[1]), fileKind: 'kubernetes', orchestrator: 'kubernetes', placement, windowsIntent, fixes });
      }
    }
  }
  return { uses, facts };
}

function placementOf(y: YamlReader, spec: YAMLMap, runtimeClasses: readonly RuntimeClassInfo[], t: EditTarget, facts: PlacementFact[]): Placement {
  const scheduling: Scheduling = { selector: {}, terms: [], tolerations: [] };
  const p: Placement = { scheduling };
  const sel = y.map(y.get(spec, 'nodeSelector'));
  for (const [key, pair] of y.entries(sel)) {
    const value = y.str(pair.value);
    if (value !== undefined) scheduling.selector[key] = value;
    const kr = span(pair.key as Node);
    if (kr) facts.push({ kind: 'node-label', key, value, range: t.lines.range(kr[0], kr[1]), fix: (to) => (y.pair(sel, to) ? undefined : relabel(t, pair, to)) });
    if ((key === LABEL_OS || key === LABEL_OS_BETA) && value) p.os = value === 'windows' ? 'windows' : 'linux';
    if (key === LABEL_WINDOWS_BUILD || key === LABEL_OSBUILD_MANUAL) {
      const b = parseBuild(value);
      if (b) { p.builds = [b]; p.buildSource = key; }
    }
  }
  const terms = y.seq(y.path(spec, ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms']))?.items ?? [];
  for (const term of terms) {
    const expressions: MatchExpression[] = [];
    scheduling.terms.push(expressions);
    for (const ex of y.seq(y.get(y.map(term), 'matchExpressions'))?.items ?? []) {
      const m = y.map(ex);
      const key = y.str(y.get(m, 'key'));
      const op = y.str(y.get(m, 'operator'));
      const values = (y.seq(y.get(m, 'values'))?.items ?? []).map((v) => y.str(v)).filter((v): v is string => v !== undefined);
      if (key && op) expressions.push({ key, operator: op, values });
      const keyPair = y.pair(m, 'key');
      const kr = span(keyPair?.value as Node);
      if (key && kr && keyPair) facts.push({ kind: 'node-label', key, value: values.join(','), range: t.lines.range(kr[0], kr[1]), fix: (to) => { const e = replaceScalar(t, keyPair.value as Node, to); return e ? { kind: 'relabel', title: `Use \`${to}\``, edits: [e] } : undefined; } });
      if (op !== 'In') continue;
      if ((key === LABEL_OS || key === LABEL_OS_BETA) && values.length === 1) p.os = values[0] === 'windows' ? 'windows' : 'linux';
      if (key === LABEL_WINDOWS_BUILD) {
        const builds = values.map(parseBuild).filter((b): b is number => b !== undefined);
        if (builds.length) { p.builds = builds; p.buildSource = `node affinity on ${key}`; }
      }
    }
  }
  for (const tol of y.seq(y.get(spec, 'tolerations'))?.items ?? []) {
    const m = y.map(tol);
    scheduling.tolerations.push({ key: y.str(y.get(m, 'key')), operator: y.str(y.get(m, 'operator')), value: y.str(y.get(m, 'value')), effect: y.str(y.get(m, 'effect')) });
  }
  const rcName = y.str(y.get(spec, 'runtimeClassName'));
  const rc = rcName ? runtimeClasses.find((r) => r.name === rcName) : undefined;
  if (rc) {
    if (!p.os && rc.os) p.os = rc.os === 'windows' ? 'windows' : 'linux';
    if (!p.builds && rc.builds) { p.builds = rc.builds; p.buildSource = `RuntimeClass ${rc.name}`; }
    if (rc.handler === HYPERV_HANDLER) p.isolation = 'hyperv';
    Object.assign(scheduling.selector, rc.selector ?? {});
    scheduling.tolerations.push(...(rc.tolerations ?? []));
  }
  return p;
}

function relabel(t: EditTarget, pair: Pair, to: string): Fix | undefined {
  const e = replaceKey(t, pair, to);
  if (!e) return undefined;
  // the manual `beta.kubernetes.io/osbuild` held `17763` or `14393.1715`; the kubelet's label holds `10.0.17763`
  const b = to === LABEL_WINDOWS_BUILD && isScalar(pair.value) ? parseBuild(String(pair.value.value)) : undefined;
  const v = b && String((pair.value as Scalar).value) !== `10.0.${b}` ? replaceScalar(t, pair.value as Node, `10.0.${b}`) : undefined;
  return { kind: 'relabel', title: `Use \`${to}\``, edits: v ? [e, v] : [e] };
}

function nodeSelectorFix(y: YamlReader, spec: YAMLMap, t: EditTarget, builds: number[]): Fix | undefined {
  if (!builds.length) return undefined;
  const sel = y.map(y.pair(spec, 'nodeSelector') ? y.get(spec, 'nodeSelector') : undefined);
  const selPair = spec.items.find((p) => keyOf(p as Pair) === 'nodeSelector') as Pair | undefined;
  if (selPair && !isMap(selPair.value)) return undefined; // `nodeSelector: *alias` or a scalar: not ours to rewrite
  const values = builds.map((b) => `10.0.${b}`);
  const hasAffinity = y.get(spec, 'affinity') !== undefined;
  const hasBuildSelector = y.get(sel, LABEL_WINDOWS_BUILD) !== undefined;
  if (builds.length > 1 && !hasAffinity && !hasBuildSelector) {
    const edits = setEntries(t, spec, 'nodeSelector', sel, [[LABEL_OS, 'windows']], 'plain');
    const indent = ' '.repeat(2);
    const block = ['affinity:', 'nodeAffinity:', 'requiredDuringSchedulingIgnoredDuringExecution:', 'nodeSelectorTerms:']
      .map((l, i) => (i === 0 ? l : `\n${indent.repeat(i)}${l}`)).join('')
      + `\n${indent.repeat(4)}- matchExpressions:\n${indent.repeat(5)}- key: ${LABEL_WINDOWS_BUILD}\n${indent.repeat(5)}  operator: In\n${indent.repeat(5)}  values: [${values.map((v) => JSON.stringify(v)).join(', ')}]`;
    const e = insertInMap(t, spec, reindent(t, spec, block));
    return { kind: 'nodeSelector', title: `Schedule on Windows nodes of build ${values.join(' or ')} (node affinity)`, edits: [...edits, e] };
  }
  const edits = setEntries(t, spec, 'nodeSelector', sel, [[LABEL_OS, 'windows'], [LABEL_WINDOWS_BUILD, values[0]]], 'double');
  // a quoted `windows` reads oddly; the OS value is plain in every Kubernetes example
  for (const e of edits) e.newText = e.newText.replace(`${LABEL_OS}: "windows"`, `${LABEL_OS}: windows`);
  if (!edits.length) return undefined;
  return { kind: 'nodeSelector', title: `${hasBuildSelector ? 'Set' : 'Add'} nodeSelector ${LABEL_WINDOWS_BUILD}: "${values[0]}"`, edits };
}

/** indents continuation lines of a block by the map's own indentation */
function reindent(t: EditTarget, map: YAMLMap, block: string): string {
  const first = map.items[0] as Pair | undefined;
  const col = first ? t.lines.position(span(first.key as Node)![0]).character : 0;
  return block.split('\n').map((l, i) => (i === 0 ? l : ' '.repeat(col) + l)).join('\n');
}

function hypervFix(y: YamlReader, spec: YAMLMap, t: EditTarget, runtimeClasses: readonly RuntimeClassInfo[]): Fix | undefined {
  const rc = runtimeClasses.find((r) => r.handler === HYPERV_HANDLER);
  if (!rc) return undefined;
  const current = y.deref(y.get(spec, 'runtimeClassName'));
  const title = `Run with Hyper-V isolation (runtimeClassName: ${rc.name})`;
  if (isScalar(current)) {
    const e = replaceScalar(t, current as Scalar, rc.name);
    return e ? { kind: 'hypervIsolation', title, edits: [e] } : undefined;
  }
  return { kind: 'hypervIsolation', title, edits: [insertInMap(t, spec, `runtimeClassName: ${rc.name}`)] };
}


