// A Dockerfile's stages and the image each stage (and each COPY --from) starts from, with every
// variable substituted and traced back to where its value was written (reference §4.8).
import { DockerfileParser, type From } from 'dockerfile-ast';
import { LineIndex } from '../text/line-index';
import { substitute, type Lookup, type Origin, type Substituted, type VariableValue } from '../analysis/substitute';
import { scanDockerfile } from './scan';

export interface ArgDef {
  name: string;
  /** default value as written (quotes removed), undefined for `ARG NAME` */
  value?: string;
  /** offset of the value text (inside quotes) */
  valueStart?: number;
  line: number;
}

export interface DockerImageRef {
  instruction: 'FROM' | 'COPY';
  /** the reference as written */
  raw: string;
  start: number;
  end: number;
  sub: Substituted;
  /** index of the stage this instruction belongs to (FROM: the stage it starts) */
  stage: number;
  /** FROM naming an earlier stage (by name, or COPY --from by index) */
  stageRef?: number;
  platform?: string;
}

export interface DockerStage {
  index: number;
  name?: string;
  from: DockerImageRef;
  line: number;
}

export interface DockerfileModel {
  path: string;
  lines: LineIndex;
  escape: string;
  globalArgs: ArgDef[];
  stages: DockerStage[];
  /** every image reference: the FROM of each stage, then COPY --from images, in text order */
  refs: DockerImageRef[];
  windowsHints: boolean;
  usesWindowsPowerShell: boolean;
  /** the reduced text the model was built from: equal reduced texts give equal models */
  reduced: string;
  buildArgs: BuildArgs;
}

/** Docker's automatic platform ARGs: known names whose value depends on the build (DFILE). */
const AUTOMATIC_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

export interface BuildArgs { [name: string]: VariableValue }

export function parseDockerfile(path: string, text: string | readonly string[], buildArgs: BuildArgs = {}, previous?: DockerfileModel): DockerfileModel {
  const scan = scanDockerfile(text);
  if (previous && previous.reduced === scan.reduced && sameArgs(previous.buildArgs, buildArgs)) {
    // nothing that decides a base image changed (typing in a RUN line): the model stands as it is
    return previous.windowsHints === scan.windowsHints && previous.usesWindowsPowerShell === scan.usesWindowsPowerShell ? previous : { ...previous, windowsHints: scan.windowsHints, usesWindowsPowerShell: scan.usesWindowsPowerShell };
  }
  // Everything below works on the reduced text: its lines and columns are those of `text`, so
  // ranges taken from it are valid for the editor's document, and the model depends on it alone.
  const reduced = scan.reduced;
  const df = DockerfileParser.parse(reduced);
  const lines = new LineIndex(reduced);
  const off = (p: { line: number; character: number }) => lines.offset(p);
  const origin = (offset: number): Origin => ({ path, lines, offset });

  const globalArgs: ArgDef[] = [];
  const values = new Map<string, VariableValue>();
  const firstFromLine = df.getFROMs()[0]?.getRange().start.line ?? Number.MAX_SAFE_INTEGER;
  for (const arg of df.getARGs()) {
    if (arg.getRange().start.line >= firstFromLine) continue;
    const prop = arg.getProperty();
    if (!prop) continue;
    const def: ArgDef = { name: prop.getName(), line: arg.getRange().start.line };
    const vr = prop.getValueRange();
    if (vr && prop.getValue() !== null) {
      let start = off(vr.start);
      let end = off(vr.end);
      let raw = reduced.slice(start, end);
      if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) { raw = raw.slice(1, -1); start++; end--; }
      def.value = raw;
      def.valueStart = start;
    }
    globalArgs.push(def);
    const override = buildArgs[def.name];
    if (override) values.set(def.name, override);
    else if (def.value !== undefined) {
      // a default may use earlier ARGs: ARG BASE=mcr.microsoft.com/windows/servercore:${TAG}
      const sub = substitute(def.value, origin(def.valueStart!), lookupIn(values));
      values.set(def.name, { value: sub.value, origin: sub.pieces.length === 1 ? sub.pieces[0].origin : undefined });
    }
  }
  const lookup: Lookup = (name) => values.get(name) ?? (AUTOMATIC_ARGS.has(name) ? { value: '' } : undefined);

  const stages: DockerStage[] = [];
  const refs: DockerImageRef[] = [];
  const stageByName = new Map<string, number>();
  for (const from of df.getFROMs()) {
    const ref = fromRef(from, stages.length);
    if (!ref) continue;
    const target = stageByName.get(ref.sub.value.toLowerCase());
    if (target !== undefined) ref.stageRef = target;
    const name = from.getBuildStage() ?? undefined;
    const stage: DockerStage = { index: stages.length, name, from: ref, line: from.getRange().start.line };
    stages.push(stage);
    refs.push(ref);
    if (name) stageByName.set(name.toLowerCase(), stage.index);
  }
  for (const copy of df.getCOPYs()) {
    const flag = copy.getFromFlag();
    const vr = flag?.getValueRange();
    const value = flag?.getValue();
    if (!flag || !vr || !value) continue;
    const line = copy.getRange().start.line;
    const stage = stages.reduce((acc, s) => (s.line <= line ? s.index : acc), 0);
    const start = off(vr.start);
    const sub = substitute(reduced.slice(start, off(vr.end)), origin(start), lookup);
    const byName = stageByName.get(sub.value.toLowerCase());
    const byIndex = /^\d+$/.test(sub.value) ? Number(sub.value) : undefined;
    const stageRef = byName ?? (byIndex !== undefined && byIndex < stage ? byIndex : undefined);
    if (stageRef !== undefined || byIndex !== undefined) continue; // a stage, not an image
    refs.push({ instruction: 'COPY', raw: reduced.slice(start, off(vr.end)), start, end: off(vr.end), sub, stage });
  }
  refs.sort((a, b) => a.start - b.start);
  return { path, lines, escape: scan.escape, globalArgs, stages, refs, windowsHints: scan.windowsHints, usesWindowsPowerShell: scan.usesWindowsPowerShell, reduced, buildArgs };

  function fromRef(from: From, stage: number): DockerImageRef | undefined {
    const r = from.getImageRange();
    if (!r) return undefined;
    const start = off(r.start);
    const end = off(r.end);
    const raw = reduced.slice(start, end);
    const sub = substitute(raw, origin(start), lookup);
    const platform = from.getPlatformFlag()?.getValue() ?? undefined;
    return { instruction: 'FROM', raw, start, end, sub, stage, platform };
  }
}

function lookupIn(values: Map<string, VariableValue>): Lookup {
  return (name) => values.get(name);
}

function sameArgs(a: BuildArgs, b: BuildArgs): boolean {
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => b[k] !== undefined && a[k].value === b[k].value && a[k].origin?.offset === b[k].origin?.offset && a[k].origin?.path === b[k].origin?.path);
}

/** The stage a build ends in: the named target, else the last stage. */
export function targetStage(model: DockerfileModel, target?: string): DockerStage | undefined {
  if (target) return model.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  return model.stages[model.stages.length - 1];
}

/** Follows `FROM <stage>` links to the image a stage is ultimately based on. */
export function baseRef(model: DockerfileModel, stage: DockerStage): DockerImageRef {
  let ref = stage.from;
  const seen = new Set<number>();
  while (ref.stageRef !== undefined && !seen.has(ref.stageRef)) {
    seen.add(ref.stageRef);
    ref = model.stages[ref.stageRef].from;
  }
  return ref;
}
