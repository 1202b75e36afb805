// Inventories → the `targets:` of a `.wincompat.yaml`, as text: the node pools of every inventory,
// merged, written through the yaml Document API so other keys and comments stay. The CLI
// (`wincompat targets import`) and the language server (`wincompat/importTargets`, for the VS Code
// command) both call it; neither the engine nor this module touches the disk.
import { isMap, isScalar, isSeq, YAMLSeq, type Document, type YAMLMap } from 'yaml';
import { configDocument } from '../config/edit-config';
import type { TargetSpec } from '../targets/target';
import { isWarning, mergePools, parseInventory, poolsToTargets, type NodePool } from '.';
import { poolBuildLabel } from './to-targets';

/** one captured inventory: its bytes as the tool wrote them, and a name for messages */
export interface InventoryInput { bytes: Uint8Array; source: string }

export type Imported =
  | { ok: true; config: string; pools: NodePool[]; specs: TargetSpec[]; kept: string[]; warnings: string[] }
  | { ok: false; error: string };

/** Bytes as PowerShell and shells write them: UTF-8 (BOM or not) or UTF-16 with a BOM (`>` in Windows PowerShell). */
export function decodeInventory(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

/** The merged node pools of the inventories; an unknown or unreadable format is an error. */
export function poolsOf(inventories: readonly InventoryInput[], swarmBuildLabel?: string): { pools: NodePool[]; warnings: string[] } | { error: string } {
  const lists: NodePool[][] = [];
  const warnings: string[] = [];
  for (const inv of inventories) {
    const res = parseInventory(decodeInventory(inv.bytes), inv.source, { swarmBuildLabel });
    const fatal = res.errors.filter((e) => !isWarning(e));
    if (fatal.length) return { error: fatal.join('\n') };
    warnings.push(...res.errors.map((e) => e.replace(/^warning: /, '')));
    lists.push(res.pools);
  }
  const pools = mergePools(lists);
  if (!pools.length) return { error: [`no node pools found in ${inventories.map((i) => i.source).join(', ')}`, ...warnings].join('\n  ') };
  for (const p of pools) if (p.os === 'windows' && p.build === undefined) warnings.push(`${p.name}: no Windows build known, not used as a target`);
  return { pools, warnings };
}

/**
 * The configuration `existing` (undefined: none yet) with the inventories' pools as targets:
 * entries of the same name are updated, new ones appended, others kept unless `replace`.
 */
export function importInventories(existing: string | undefined, inventories: readonly InventoryInput[], replace: boolean, where: string): Imported {
  const opened = configDocument(existing, where);
  if ('error' in opened) return { ok: false, error: opened.error };
  const doc = opened.doc;
  const label = doc.get('swarmBuildLabel');
  const loaded = poolsOf(inventories, typeof label === 'string' ? label : undefined);
  if ('error' in loaded) return { ok: false, error: loaded.error };
  const specs = poolsToTargets(loaded.pools);
  const kept = updateTargets(doc, specs, loaded.pools, replace);
  if (kept === undefined) return { ok: false, error: `cannot update ${where}: \`targets\` is not a list` };
  return { ok: true, config: doc.toString(), pools: loaded.pools, specs, kept, warnings: loaded.warnings };
}

/** What an import did, a line per pool: `Imported 2 node pools into .wincompat.yaml:` … */
export function importSummary(r: Extract<Imported, { ok: true }>, where: string, dryRun = false): string[] {
  const w = Math.max(4, ...r.pools.map((p) => p.name.length));
  const lines = [`${dryRun ? 'Would import' : 'Imported'} ${r.specs.length} node pool${r.specs.length === 1 ? '' : 's'} into ${where}:`];
  for (const p of r.pools) {
    const skipped = p.os === 'windows' && p.build === undefined ? '  (skipped: no build)' : '';
    lines.push(`  ${p.name.padEnd(w)}  ${p.os.padEnd(7)}  ${poolBuildLabel(p).padEnd(15)}  ${p.nodes.length} node${p.nodes.length === 1 ? '' : 's'}${skipped}`);
  }
  if (r.kept.length) lines.push(`Kept ${r.kept.length} other target${r.kept.length === 1 ? '' : 's'} (${r.kept.join(', ')}); --replace drops them.`);
  return lines;
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
