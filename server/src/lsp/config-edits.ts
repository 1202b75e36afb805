// Requests that compute a new `.wincompat.yaml` text for the VS Code commands "Import Targets
// from Cluster Inventory…" (`wincompat/importTargets`, the engine code of `wincompat targets
// import`) and "Set Target Host…" (`wincompat/setTargets`). The server reads the current
// configuration (the editor's unsaved text first) and answers the new text; the client writes it,
// so the editor sees an ordinary edit and the server never writes the user's files.
import * as nodePath from 'node:path';
import { withTargets } from '../engine/config/edit-config';
import { importInventories, importSummary } from '../engine/inventory/import-config';
import {
  IMPORT_TARGETS_REQUEST, SET_TARGETS_REQUEST,
  type ImportTargetsParams, type ImportTargetsResult, type SetTargetsParams, type SetTargetsResult,
} from '../shared/protocol';
import { readDisk, type ServerContext } from './context';

export function registerConfigEdits(ctx: ServerContext): void {
  const failed = { ok: false, message: 'the configuration could not be updated: see the output channel', warnings: [] };
  ctx.connection.onRequest(IMPORT_TARGETS_REQUEST, ctx.guard('importTargets', failed as ImportTargetsResult, (params: ImportTargetsParams) => importTargets(ctx, params)));
  ctx.connection.onRequest(SET_TARGETS_REQUEST, ctx.guard('setTargets', failed as SetTargetsResult, (params: SetTargetsParams) => setTargets(ctx, params)));
}

/** the configuration's path, and its text: the editor's buffer when open, else the disk (undefined: no file) */
function current(ctx: ServerContext, uri: string): { path: string; text: string | undefined } | undefined {
  const path = ctx.pathOf(uri);
  return path ? { path, text: ctx.documents.get(uri)?.getText() ?? readDisk(path) } : undefined;
}

function importTargets(ctx: ServerContext, params: ImportTargetsParams): ImportTargetsResult {
  const config = current(ctx, params.configUri);
  if (!config || !Array.isArray(params.inventories) || !params.inventories.length) return { ok: false, message: 'nothing to import', warnings: [] };
  const where = nodePath.basename(config.path);
  const inventories = params.inventories.map((i) => ({ source: String(i.source), bytes: Buffer.from(String(i.base64), 'base64') }));
  const r = importInventories(config.text, inventories, params.replace === true, where);
  if (!r.ok) return { ok: false, message: r.error, warnings: [] };
  return { ok: true, config: r.config, message: importSummary(r, where).join('\n'), warnings: r.warnings };
}

function setTargets(ctx: ServerContext, params: SetTargetsParams): SetTargetsResult {
  const config = current(ctx, params.configUri);
  if (!config || !Array.isArray(params.targets)) return { ok: false, message: 'no configuration to update' };
  const r = withTargets(config.text, params.targets, nodePath.basename(config.path));
  return r.ok ? { ok: true, config: r.config, message: '' } : { ok: false, message: r.error };
}
