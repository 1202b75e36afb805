// The engine's entry point: text in, FileReport out. It keeps per-file state between calls so that
// the typing path re-reads only what changed: a Dockerfile is re-parsed only when a line that
// decides a base image changed, and a multi-document YAML file re-parses and re-judges only the
// documents an edit touched (the others keep their parse and their findings).
import * as nodePath from 'node:path';
import type { Document } from 'yaml';
import type { EngineConfig } from '../config/config';
import { parseDockerfile, type BuildArgs, type DockerfileModel } from '../dockerfile/model';
import { LineIndex, shiftRange, START_RANGE } from '../text/line-index';
import { tooLong } from '../text/long-line';
import type { Diagnostic, Fix, FileError, FileKind, FileReport, ImageReport, TextEdit } from '../types';
import { AliasBudgetExceeded, YamlReader } from '../yaml/nodes';
import { detach, parseChunk, relocate, reparse, type ParsedChunk, type YamlChunk } from '../yaml/documents';
import { patchDocuments, type LinesText, type TextChange } from '../yaml/patch';
import { composeUnit, isComposeDoc, parseEnvFile, type ComposeUnit } from './compose';
import { dockerfileUses } from './dockerfile';
import { helmTemplateOffset, isComposeName, isDockerfileName, isYamlName } from './file-kind';
import { judgeUses, type JudgedUnit } from './judge-uses';
import { isKubernetesDoc, kubernetesUnit, runtimeClassesOf, type RuntimeClassInfo } from './kubernetes';
import { applySuppressions, findSuppressions } from './suppress';
import { BuildIndex, nameOf, type BuildSource } from '../workspace/build-index';
import { followBuild } from '../workspace/provenance';
import { isBuildScriptName, scriptBuildSources } from '../workspace/script-builds';
import type { ImageUse } from './image-use';

export interface AnalyzerHost {
  /** reads a workspace file (Dockerfiles built by compose services, `.env` files); undefined if absent */
  readFile(path: string): string | undefined;
  /** the workspace folder: scripts and CI files resolve their paths from it */
  root?: string;
  /**
   * keep each file's parse for the next call (editors: the typing path re-parses only what an
   * edit touched). A one-shot scan turns it off so parsed files do not pile up on the heap.
   */
  retainParses?: boolean;
}

interface Chunk extends ParsedChunk {
  kind?: 'compose' | 'kubernetes';
  runtimeClasses: RuntimeClassInfo[];
  lines: LineIndex;
  judged?: { key: string; unit: JudgedUnit; errors: FileError[]; deps: string[]; builds: BuildSource[]; fileSuppressions: string[] };
  /** the judged findings moved to the chunk's line in the file, reused while neither changes */
  placed?: { key: string; line: number; images: ImageReport[]; diagnostics: Diagnostic[]; errors: FileError[] };
}

const configIds = new WeakMap<EngineConfig, number>();
let nextConfigId = 1;
function configId(c: EngineConfig): number {
  let id = configIds.get(c);
  if (!id) { id = nextConfigId++; configIds.set(c, id); }
  return id;
}

export class Analyzer {
  private readonly dockerfiles = new Map<string, DockerfileModel>();
  private readonly yaml = new Map<string, Chunk[]>();
  /** RuntimeClass objects per file: the "same set of files" a pod's runtimeClassName refers to */
  private readonly runtimeClasses = new Map<string, RuntimeClassInfo[]>();
  private runtimeClassVersion = 0;
  /** files each file's findings depend on (built Dockerfiles, `.env`): a change there re-judges it */
  readonly dependencies = new Map<string, string[]>();
  /** images the workspace builds itself, and from which Dockerfile */
  readonly builds = new BuildIndex();
  /** bumped when a Dockerfile that the build index points at changes its base */
  private buildGeneration = 0;
  private readonly builtModels = new Map<string, { text: string; model: DockerfileModel }>();

  constructor(private readonly host: AnalyzerHost, private readonly dockerfilePatterns: readonly RegExp[] = []) {}

  /** the kind a file is by its name; YAML files are decided by content in analyze() */
  candidate(path: string): boolean {
    return isDockerfileName(path, this.dockerfilePatterns) || isYamlName(path) || isBuildScriptName(path);
  }

  /** `images:` of a `.wincompat.yaml`: name → Dockerfile, relative to the configuration's folder */
  setConfiguredImages(configPath: string, images: Record<string, string | { dockerfile: string; target?: string; args?: Record<string, string> }> | undefined): void {
    const dir = nodePath.dirname(configPath);
    const sources: BuildSource[] = [];
    for (const [image, spec] of Object.entries(images ?? {})) {
      const n = nameOf(image);
      const s = typeof spec === 'string' ? { dockerfile: spec } : spec;
      if (!n || !s?.dockerfile) continue;
      sources.push({ ...n, dockerfile: nodePath.resolve(dir, s.dockerfile), target: s.target, args: Object.fromEntries(Object.entries(s.args ?? {}).map(([k, v]) => [k, { value: String(v) }])), definedIn: configPath, line: 0, via: 'config' });
    }
    this.builds.set(configPath, sources);
  }

  /** RuntimeClass objects found per file, for another analyzer (workers of a parallel scan) */
  runtimeClassEntries(): Array<[string, RuntimeClassInfo[]]> {
    return [...this.runtimeClasses.entries()];
  }

  /**
   * the RuntimeClass objects a file defines (read here, or by another analyzer: the workers of a
   * parallel scan); a change re-judges every pod that may name them
   */
  setRuntimeClasses(path: string, rcs: RuntimeClassInfo[]): void {
    const before = this.runtimeClasses.get(path) ?? [];
    if (JSON.stringify(before) === JSON.stringify(rcs)) return;
    if (rcs.length) this.runtimeClasses.set(path, rcs); else this.runtimeClasses.delete(path);
    this.runtimeClassVersion++;
  }

  forget(path: string): void {
    this.dockerfiles.delete(path);
    this.yaml.delete(path);
    this.dependencies.delete(path);
    this.builtModels.delete(path);
    this.builds.set(path, []);
    if (this.runtimeClasses.delete(path)) this.runtimeClassVersion++;
  }

  /** Analyses one file. Returns undefined for a file wincompat does not read (YAML of another kind). */
  /**
   * `changes`, when given, are the editor's change events that turned the text of the previous
   * call into `text`: a YAML file then rebuilds only the documents they fall into.
   */
  analyze(path: string, source: string | LinesText, config: EngineConfig, changes?: readonly TextChange[]): FileReport | undefined {
    const dockerfile = isDockerfileName(path, this.dockerfilePatterns);
    if (changes?.length && !dockerfile && this.yaml.has(path) && source.length <= config.limits.maxFileBytes) {
      const fast = this.patchYaml(path, source, changes, config);
      if (fast) return fast;
    }
    if (dockerfile && typeof source !== 'string' && source.lineArray) {
      // an open Dockerfile is scanned from the editor's lines: no joined text, no split per keystroke
      const lines = source.lineArray();
      // (a binary or over-long line takes the whole-text path, which reports it)
      if (source.length <= config.limits.maxFileBytes && !lines.some((l) => l.length > config.limits.maxLineLength || l.includes('\0'))) return this.analyzeDockerfile(path, lines, config);
    }
    const text = typeof source === 'string' ? source : source.toString();
    if (!dockerfile && isBuildScriptName(path) && text.length <= config.limits.maxFileBytes && !text.includes('\0')) {
      this.builds.set(path, scriptBuildSources(path, text, this.host.root ?? nodePath.dirname(path), (p) => this.host.readFile(p) !== undefined));
    }
    if (!dockerfile && !isYamlName(path)) return undefined;
    const guard = this.guard(path, text, config, dockerfile ? 'dockerfile' : isComposeName(path) ? 'compose' : 'kubernetes');
    if (guard) return guard;
    return dockerfile ? this.analyzeDockerfile(path, text, config) : this.analyzeYaml(path, text, config);
  }

  /**
   * The first pass of a one-shot scan: learns what a file builds (compose services, build scripts)
   * and the RuntimeClasses it defines, judging nothing: judging needs what the whole workspace
   * builds. The parse is kept for the analyze() call of the second pass.
   */
  learn(path: string, text: string, config: EngineConfig): void {
    if (isDockerfileName(path, this.dockerfilePatterns) || text.length > config.limits.maxFileBytes || text.includes('\0')) return;
    if (isBuildScriptName(path)) this.builds.set(path, scriptBuildSources(path, text, this.host.root ?? nodePath.dirname(path), (p) => this.host.readFile(p) !== undefined));
    if (!isYamlName(path) || helmTemplateOffset(path, text) !== undefined) return;
    if (!isComposeName(path) && !text.includes('kind') && !text.includes('services')) return;
    const chunks = reparse<Chunk>(text, this.yaml.get(path), (c) => this.parseChunk(c, config));
    if (chunks.length > config.limits.maxDocuments) return;
    this.yaml.set(path, chunks);
    this.setRuntimeClasses(path, chunks.flatMap((c) => c.runtimeClasses));
    if (!isComposeFile(path, chunks)) return;
    const builds: BuildSource[] = [];
    for (const chunk of chunks) {
      if (chunk.error || !chunk.doc) continue;
      try {
        builds.push(...(this.composeUnitOf(path, chunk, chunk.doc as Document.Parsed, config)?.builds ?? []));
      } catch { /* the second pass reports what this document cannot be analysed for */ }
    }
    this.builds.set(path, builds);
  }

  /** inputs that are reported, not parsed: binary, too large, Helm templates */
  private guard(path: string, text: string, config: EngineConfig, kind: FileKind): FileReport | undefined {
    const fail = (message: string, range = START_RANGE): FileReport => ({ path, kind, images: [], diagnostics: [], errors: [{ message, range }] });
    if (text.length > config.limits.maxFileBytes) {
      return fail(`file too large to analyse: ${(text.length / 1048576).toFixed(1)} MB, the limit is ${(config.limits.maxFileBytes / 1048576).toFixed(0)} MB (setting limits.maxFileBytes)`);
    }
    if (text.indexOf('\0') !== -1) return fail('binary file: not analysed');
    // YAML documents are held to the line limit one by one (documents.ts), on what is parsed
    const long = kind === 'dockerfile' ? tooLong(text, config.limits.maxLineLength) : undefined;
    if (long) {
      const at = new LineIndex(text).position(long.offset);
      return fail(`line ${at.line + 1} has ${long.length.toLocaleString('en')} characters, more than limits.maxLineLength (${config.limits.maxLineLength.toLocaleString('en')}): not analysed`, { start: at, end: { line: at.line, character: at.character + 1 } });
    }
    if (kind !== 'dockerfile') {
      const helm = helmTemplateOffset(path, text);
      if (helm !== undefined) {
        const lines = new LineIndex(text);
        return fail('Helm template: not analysed (render it with `helm template` and check the output)', lines.range(helm, helm + 2));
      }
    }
    return undefined;
  }

  private analyzeDockerfile(path: string, text: string | readonly string[], config: EngineConfig): FileReport {
    const previous = this.dockerfiles.get(path);
    const model = parseDockerfile(path, text, {}, previous);
    if (this.host.retainParses !== false) this.dockerfiles.set(path, model);
    if (previous && model.reduced !== previous.reduced && this.builds.builds(path)) this.buildGeneration++;
    const deps = new Set<string>();
    const unit = judgeUses(dockerfileUses(model), [], config, path, this.follower(deps));
    this.dependencies.set(path, [...deps]);
    // suppression comments are looked for only when the file names wincompat at all
    const mentions = typeof text === 'string' ? text.includes('wincompat') : text.some((l) => l.includes('wincompat'));
    const whole = mentions ? (typeof text === 'string' ? text : text.join('\n')) : '';
    const suppress = findSuppressions(whole, () => new LineIndex(whole));
    return { path, kind: 'dockerfile', images: unit.images, diagnostics: applySuppressions(unit.diagnostics, suppress), errors: [] };
  }

  /** the typing path: the documents the changes fall into are rebuilt, the others moved */
  private patchYaml(path: string, text: string | LinesText, changes: readonly TextChange[], config: EngineConfig): FileReport | undefined {
    const previous = this.yaml.get(path)!;
    const patched = patchDocuments(previous, changes, text);
    if (!patched) return undefined;
    // a rebuilt document that became binary or a Helm template takes the whole-file path
    if (patched.some((p) => p.changed && (p.chunk.text.includes('\0') || p.chunk.text.includes('{{')))) return undefined;
    const chunks = patched.map((p, i) => (p.changed ? this.parseChunk(detach(p.chunk), config) : relocate(previous[i], p.chunk)));
    return this.analyzeYaml(path, text, config, chunks);
  }

  private analyzeYaml(path: string, text: string | LinesText, config: EngineConfig, given?: Chunk[]): FileReport | undefined {
    const previous = this.yaml.get(path);
    // YAML that cannot be a manifest or a compose file is not parsed at all: every Kubernetes
    // object names its `kind`, every compose file has `services`
    const whole = () => (typeof text === 'string' ? text : text.toString());
    if (!given && !previous && !isComposeName(path) && !whole().includes('kind') && !whole().includes('services')) return undefined;
    const chunks = given ?? reparse<Chunk>(whole(), previous, (c) => this.parseChunk(c, config));
    if (chunks.length > config.limits.maxDocuments) {
      this.yaml.delete(path);
      return { path, kind: 'kubernetes', images: [], diagnostics: [], errors: [{ message: `${chunks.length} YAML documents: more than the limit of ${config.limits.maxDocuments} (setting limits.maxDocuments)`, range: START_RANGE }] };
    }
    this.yaml.set(path, chunks);
    this.setRuntimeClasses(path, chunks.flatMap((c) => c.runtimeClasses));
    const compose = isComposeFile(path, chunks);
    const kubernetes = chunks.some((c) => c.kind === 'kubernetes');
    if (!compose && !kubernetes && !isComposeName(path)) {
      // YAML of another kind: silent, unless it failed to parse and looks like ours
      if (!chunks.some((c) => c.error && /^(?:apiVersion|kind|services)[ \t]*:/m.test(c.text))) return undefined;
    }
    const kind: FileKind = compose || (!kubernetes && (isComposeName(path) || chunks.some((c) => c.error && /^services[ \t]*:/m.test(c.text)))) ? 'compose' : 'kubernetes';
    const allRcs = [...this.runtimeClasses.values()].flat();
    const key = `${configId(config)}:${this.runtimeClassVersion}:${this.builds.version}:${this.buildGeneration}`;
    const images: ImageReport[] = [];
    const diagnostics: Diagnostic[] = [];
    const errors: FileError[] = [];
    const deps: string[] = [];
    const builds: BuildSource[] = [];
    const fileSuppressions = new Set<string>();
    for (const chunk of chunks) {
      let judged = chunk.judged;
      if (!judged || judged.key !== key || kind === 'compose') {
        judged = this.judgeChunk(chunk, kind, path, config, allRcs);
        judged.key = key;
        chunk.judged = judged;
        // the findings (fixes included) are data now: the node tree is not kept, which is most of
        // a large manifest's memory; a re-judge (settings changed) parses the document again
        chunk.doc = undefined;
      }
      deps.push(...judged.deps);
      builds.push(...judged.builds);
      judged.fileSuppressions.forEach((id) => fileSuppressions.add(id));
      // an edit elsewhere in the file leaves this document's findings as they were: reuse them
      let placed = chunk.placed;
      if (!placed || placed.key !== key || placed.line !== chunk.line || kind === 'compose') {
        const shift = chunk.line;
        placed = {
          key, line: shift,
          images: shift ? judged.unit.images.map((img) => ({ ...img, range: shiftRange(img.range, shift), fixes: img.fixes.map((f) => shiftFix(f, shift)) })) : judged.unit.images,
          diagnostics: shift ? judged.unit.diagnostics.map((d) => ({ ...d, range: shiftRange(d.range, shift), fixes: d.fixes.map((f) => shiftFix(f, shift)) })) : judged.unit.diagnostics,
          errors: shift ? judged.errors.map((e) => ({ ...e, range: shiftRange(e.range, shift) })) : judged.errors,
        };
        chunk.placed = placed;
      }
      for (const x of placed.images) images.push(x);
      for (const x of placed.diagnostics) diagnostics.push(x);
      for (const x of placed.errors) errors.push(x);
    }
    this.dependencies.set(path, [...new Set(deps)]);
    if (this.host.retainParses === false) this.yaml.delete(path);
    if (kind === 'compose') this.builds.set(path, builds);
    // line suppressions were applied per document; a file-wide one reaches every document
    const filtered = fileSuppressions.size ? applySuppressions(diagnostics, { lines: new Map(), file: fileSuppressions }) : diagnostics;
    return { path, kind, images, diagnostics: filtered, errors };
  }

  private parseChunk(c: YamlChunk, config: EngineConfig): Chunk {
    const parsed = parseChunk(c, config.limits);
    const chunk: Chunk = { ...parsed, runtimeClasses: [], lines: new LineIndex(c.text) };
    if (!parsed.doc || parsed.error) return chunk;
    try {
      const y = new YamlReader(parsed.doc, config.limits.maxAliasHops);
      if (isKubernetesDoc(y, parsed.doc.contents)) {
        chunk.kind = 'kubernetes';
        chunk.runtimeClasses = runtimeClassesOf(parsed.doc, config.limits.maxAliasHops);
      } else if (isComposeDoc(y, parsed.doc.contents)) chunk.kind = 'compose';
    } catch (e) {
      chunk.error = { message: (e as Error).message, start: 0, end: 1 };
    }
    return chunk;
  }

  private judgeChunk(chunk: Chunk, kind: FileKind, path: string, config: EngineConfig, rcs: RuntimeClassInfo[]): NonNullable<Chunk['judged']> {
    const empty: JudgedUnit = { images: [], diagnostics: [] };
    const suppress = findSuppressions(chunk.text, () => chunk.lines);
    const result = (unit: JudgedUnit, errors: FileError[] = [], deps: Iterable<string> = [], builds: BuildSource[] = []) => ({
      key: '', unit: { ...unit, diagnostics: applySuppressions(unit.diagnostics, suppress) }, errors, deps: [...deps], builds, fileSuppressions: [...suppress.file],
    });
    if (chunk.error) {
      const e = chunk.error;
      return result(empty, [{ message: `YAML: ${e.message}`, range: chunk.lines.range(e.start, Math.max(e.start + 1, e.end)) }]);
    }
    // a one-shot scan keeps no parse; an editor re-parses a document it dropped only to re-judge it
    const doc = (chunk.doc ?? parseChunk(chunk, config.limits).doc) as Document.Parsed | undefined;
    if (!doc) return result(empty);
    const t = { text: chunk.text, lines: chunk.lines };
    const deps = new Set<string>();
    try {
      if (kind === 'compose' && chunk.kind !== 'kubernetes') {
        const unit = this.composeUnitOf(path, chunk, doc, config);
        if (!unit) return result(empty);
        deps.add(envPathOf(path));
        unit.dependencies.forEach((d) => deps.add(d));
        return result(judgeUses(unit.uses, unit.facts, config, path, this.follower(deps)), [], deps, unit.builds);
      }
      if (chunk.kind === 'kubernetes') {
        const unit = kubernetesUnit(doc, t, path, rcs, config.limits.maxAliasHops);
        return result(judgeUses(unit.uses, unit.facts, config, path, this.follower(deps)), [], deps);
      }
    } catch (e) {
      const message = e instanceof AliasBudgetExceeded ? `YAML aliases: ${e.message} (setting limits.maxAliasHops); document not analysed` : `could not analyse this document: ${(e as Error).message}`;
      return result(empty, [{ message, range: chunk.lines.range(0, Math.min(1, chunk.text.length)) }]);
    }
    return result(empty);
  }

  /** a document of a compose file as compose reads it; undefined for a Kubernetes object or other YAML */
  private composeUnitOf(path: string, chunk: Chunk, doc: Document.Parsed, config: EngineConfig): ComposeUnit | undefined {
    if (chunk.kind === 'kubernetes') return undefined;
    if (!chunk.kind && !isComposeDoc(new YamlReader(doc, config.limits.maxAliasHops), doc.contents)) return undefined;
    return composeUnit(doc, { text: chunk.text, lines: chunk.lines }, path, this.composeEnv(path), this.composeHost(config));
  }

  /** the variables of the `.env` file beside a compose file */
  private composeEnv(composePath: string) {
    const envPath = envPathOf(composePath);
    const envText = this.host.readFile(envPath);
    return envText === undefined ? { vars: new Map() } : parseEnvFile(envPath, envText);
  }

  private composeHost(config: EngineConfig) {
    return { readFile: (p: string) => this.host.readFile(p), swarmBuildLabel: config.swarmBuildLabel, targetLabels: config.targets.map((x) => x.labels), maxAliasHops: config.limits.maxAliasHops };
  }

  /** follows references to images the workspace builds; records the Dockerfiles read in `deps` */
  private follower(deps: Set<string>): ((use: ImageUse) => ImageUse) | undefined {
    if (!this.builds.size) return undefined;
    const load = (dockerfile: string, args: BuildArgs) => {
      const text = this.host.readFile(dockerfile);
      if (text === undefined) return undefined;
      const key = `${dockerfile}\0${JSON.stringify(Object.entries(args).map(([k, v]) => [k, v.value]))}`;
      const hit = this.builtModels.get(key);
      if (hit && hit.text === text) return hit.model;
      const model = parseDockerfile(dockerfile, text, args);
      this.builtModels.set(key, { text, model });
      return model;
    };
    return (use) => followBuild(use, this.builds, load, this.host.root, deps);
  }
}

/** a YAML file is a compose file when a document looks like one, or its name says so and it parsed */
function isComposeFile(path: string, chunks: readonly Chunk[]): boolean {
  return chunks.some((c) => c.kind === 'compose') || (isComposeName(path) && chunks.some((c) => !c.error));
}

function envPathOf(composePath: string): string {
  return nodePath.join(nodePath.dirname(composePath), '.env');
}

function shiftFix(f: Fix, lines: number): Fix {
  return { ...f, edits: f.edits.map((e: TextEdit) => (e.path ? e : { ...e, range: shiftRange(e.range, lines) })) };
}
