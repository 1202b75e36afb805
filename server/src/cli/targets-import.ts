// `wincompat targets import FILE… [--config FILE] [--replace] [--dry-run]`: reads cluster or host
// inventories (FILE `-` = stdin) and writes their node pools as `targets:` of `.wincompat.yaml`,
// through the yaml Document API so other keys and comments stay. `check --hosts-from` reuses the reader.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLSeq, type YAMLMap } from 'yaml';
import { CONFIG_FILE_NAME } from '../engine/config/load-config';
import { isWarning, mergePools, parseInventory, poolsToTargets, type NodePool } from '../engine/inventory';
import { poolBuildLabel } from '../engine/inventory/to-targets';
import type { TargetSpec } from '../engine/targets/target';
import { UsageError } from './check';

export const TARGETS_HELP = `Usage: wincompat targets import FILE… [--config FILE] [--replace] [--dry-run]

Reads node inventories and writes their node pools as targets of .wincompat.yaml (other keys and
comments stay). FILE - reads stdin. Formats: kubectl get nodes -o json|yaml|wide, kubectl describe nodes,
docker node inspect $(docker node ls -q), docker info (text or --format '{{json .}}'),
Get-ComputerInfo (text or | ConvertTo-Json), ver.

  --config FILE   the configuration to update (default: ./.wincompat.yaml, created if missing)
  --replace       drop existing targets that are not in the inventory (default: keep them)
  --dry-run       print the resulting configuration instead of writing it`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin(): Buffer;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdin: () => fs.readFileSync(0),
};

/** Bytes as PowerShell and shells write them: UTF-8 (BOM or not) or UTF-16 with a BOM (`>` in Windows PowerShell). */
export function decodeInventory(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

export interface LoadedInventories { pools: NodePool[]; warnings: string[] }

/** Reads and parses every file; throws UsageError on an unreadable or unknown one. */
export function loadInventories(files: readonly string[], io: Pick<CliIo, 'stdin'> = processIo, swarmBuildLabel?: string): LoadedInventories {
  const lists: NodePool[][] = [];
  const warnings: string[] = [];
  for (const file of files) {
    let buf: Buffer;
    try { buf = file === '-' ? io.stdin() : fs.readFileSync(file); } catch (e) {
      throw new UsageError(`cannot read inventory ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const res = parseInventory(decodeInventory(buf), file === '-' ? 'stdin' : path.basename(file), { swarmBuildLabel });
    const fatal = res.errors.filter((e) => !isWarning(e));
    if (fatal.length) throw new UsageError(fatal.join('\n'));
    warnings.push(...res.errors.map((e) => e.replace(/^warning: /, '')));
    lists.push(res.pools);
  }
  const pools = mergePools(lists);
  if (!pools.length) throw new UsageError([`no node pools found in ${files.join(', ')}`, ...warnings].join('\n  '));
  for (const p of pools) if (p.os === 'windows' && p.build === undefined) warnings.push(`${p.name}: no Windows build known, not used as a target`);
  return { pools, warnings };
}

/** `check --hosts-from`: the inventories' pools as target specs; warnings go to `warn`. */
export function targetsFromInventories(files: readonly string[], warn: (w: string) => void): TargetSpec[] {
  const { pools, warnings } = loadInventories(files);
  warnings.forEach(warn);
  const specs = poolsToTargets(pools);
  if (!specs.length) throw new UsageError(`--hosts-from: no node pool of ${files.join(', ')} has a known build`);
  return specs;
}

export function targetsMain(argv: readonly string[], io: CliIo = processIo, cwd = process.cwd()): number {
  const fail = (m: string) => { io.stderr(`wincompat: ${m}\n`); return 2; };
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') { io.stdout(TARGETS_HELP + '\n'); return 0; }
  if (sub === undefined) return fail(`targets needs a command\n${TARGETS_HELP}`);
  if (sub !== 'import') return fail(`unknown targets command \`${sub}\`\n${TARGETS_HELP}`);
  const files: string[] = [];
  let config: string | undefined;
  let replace = false;
  let dryRun = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--config') { config = rest[++i]; if (!config) return fail('--config needs a value'); }
    else if (a.startsWith('--config=')) config = a.slice('--config='.length);
    else if (a === '--replace') replace = true;
    else if (a === '--dry-run') dryRun = true;
    else if (a.startsWith('-') && a !== '-') return fail(`unknown option ${a}\n${TARGETS_HELP}`);
    else files.push(a);
  }
  if (!files.length) return fail(`targets import needs at least one inventory file\n${TARGETS_HELP}`);
  const configPath = path.resolve(cwd, config ?? CONFIG_FILE_NAME);

  let doc: Document;
  if (fs.existsSync(configPath)) {
    let text: string;
    try { text = fs.readFileSync(configPath, 'utf8'); } catch (e) { return fail(`cannot read ${configPath}: ${(e as NodeJS.ErrnoException).code}`); }
    doc = parseDocument(text);
    if (doc.errors.length) return fail(`cannot update ${configPath}: it is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({}) as never;
    if (!isMap(doc.contents)) return fail(`cannot update ${configPath}: the configuration must be a mapping`);
  } else doc = new Document({});

  const label = doc.get('swarmBuildLabel');
  let loaded: LoadedInventories;
  try { loaded = loadInventories(files, io, typeof label === 'string' ? label : undefined); } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
  for (const w of loaded.warnings) io.stderr(`wincompat: warning: ${w}\n`);
  const specs = poolsToTargets(loaded.pools);
  const kept = updateTargets(doc, specs, loaded.pools, replace);
  if (kept === undefined) return fail(`cannot update ${configPath}: \`targets\` is not a list`);

  const rel = path.relative(cwd, configPath) || configPath;
  if (dryRun) io.stdout(doc.toString());
  else {
    try { fs.writeFileSync(configPath, doc.toString()); } catch (e) { return fail(`cannot write ${configPath}: ${(e as NodeJS.ErrnoException).code}`); }
  }
  const w = Math.max(4, ...loaded.pools.map((p) => p.name.length));
  io.stdout(`${dryRun ? 'Would import' : 'Imported'} ${specs.length} node pool${specs.length === 1 ? '' : 's'} into ${rel}:\n`);
  for (const p of loaded.pools) {
    const skipped = p.os === 'windows' && p.build === undefined ? '  (skipped: no build)' : '';
    io.stdout(`  ${p.name.padEnd(w)}  ${p.os.padEnd(7)}  ${poolBuildLabel(p).padEnd(15)}  ${p.nodes.length} node${p.nodes.length === 1 ? '' : 's'}${skipped}\n`);
  }
  if (kept.length) io.stdout(`Kept ${kept.length} other target${kept.length === 1 ? '' : 's'} (${kept.join(', ')}); --replace drops them.\n`);
  return 0;
}

const MANAGED = ['host', 'os', 'family', 'arch', 'labels', 'taints'];
const NOTE = ' imported:';

/** Updates `targets:` in place (entries matched by name), appends new ones; returns the kept others. */
function updateTargets(doc: Document, specs: TargetSpec[], pools: NodePool[], replace: boolean): string[] | undefined {
  let seq = doc.get('targets', true);
  if (seq === undefined || seq === null || (isScalar(seq) && seq.value === null)) {
    seq = new YAMLSeq();
    doc.set('targets', seq);
  }
  if (!isSeq(seq)) return undefined;
  const items = seq.items;
  const nameOf = (it: unknown) => (isMap(it) ? it.get('name') : undefined);
  for (const spec of specs) {
    const pool = pools.find((p) => p.name === spec.name)!;
    const note = `${NOTE} ${pool.nodes.length} node${pool.nodes.length === 1 ? '' : 's'}, ${pool.source}`;
    const existing = items.find((it) => nameOf(it) === spec.name) as YAMLMap | undefined;
    if (existing) {
      for (const k of MANAGED) if (!(k in spec)) existing.delete(k);
      for (const [k, v] of Object.entries(spec)) existing.set(k, doc.createNode(v));
      if (!existing.commentBefore || existing.commentBefore.startsWith(NOTE)) existing.commentBefore = note;
    } else {
      const node = doc.createNode(spec);
      node.commentBefore = note;
      items.push(node);
    }
  }
  const imported = new Set(specs.map((s) => s.name));
  const others = items.filter((it) => !imported.has(nameOf(it) as string));
  if (replace) seq.items = items.filter((it) => imported.has(nameOf(it) as string));
  seq.flow = false;
  return replace ? [] : others.map((it) => String(nameOf(it) ?? (isScalar(it) ? it.value : isMap(it) ? it.get('host') : '?')));
}
