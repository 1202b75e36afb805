// `wincompat targets import FILE… [--config FILE] [--replace] [--dry-run]`: reads cluster or host
// inventories (FILE `-` = stdin) and writes their node pools as `targets:` of `.wincompat.yaml`
// (engine/inventory/import-config.ts makes the text). `check --hosts-from` reuses the reader.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../engine/config/load-config';
import { poolsToTargets, type NodePool } from '../engine/inventory';
import { importInventories, importSummary, poolsOf, type InventoryInput } from '../engine/inventory/import-config';
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


export interface LoadedInventories { pools: NodePool[]; warnings: string[] }

/** Reads and parses every file; throws UsageError on an unreadable or unknown one. */
export function loadInventories(files: readonly string[], io: Pick<CliIo, 'stdin'> = processIo): LoadedInventories {
  const loaded = poolsOf(readInventories(files, io));
  if ('error' in loaded) throw new UsageError(loaded.error);
  return loaded;
}

function readInventories(files: readonly string[], io: Pick<CliIo, 'stdin'>): InventoryInput[] {
  return files.map((file) => {
    try { return { bytes: file === '-' ? io.stdin() : fs.readFileSync(file), source: file === '-' ? 'stdin' : path.basename(file) }; } catch (e) {
      throw new UsageError(`cannot read inventory ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
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
  const rel = path.relative(cwd, configPath) || configPath;
  let existing: string | undefined;
  if (fs.existsSync(configPath)) {
    try { existing = fs.readFileSync(configPath, 'utf8'); } catch (e) { return fail(`cannot read ${configPath}: ${(e as NodeJS.ErrnoException).code}`); }
  }
  let inventories: InventoryInput[];
  try { inventories = readInventories(files, io); } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
  const r = importInventories(existing, inventories, replace, configPath);
  if (!r.ok) return fail(r.error);
  for (const w of r.warnings) io.stderr(`wincompat: warning: ${w}\n`);
  if (dryRun) io.stdout(r.config);
  else {
    try { fs.writeFileSync(configPath, r.config); } catch (e) { return fail(`cannot write ${configPath}: ${(e as NodeJS.ErrnoException).code}`); }
  }
  io.stdout(importSummary(r, rel, dryRun).join('\n') + '\n');
  return 0;
}
