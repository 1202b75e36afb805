// Shared by the inventory tests: fixture reading and compact pool views.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NodePool } from '../../server/src/engine/inventory';

export const root = path.resolve(__dirname, '../../..');
export const fixtureDir = path.join(root, 'test/fixtures/inventory');
export const fixture = (name: string): string => fs.readFileSync(path.join(fixtureDir, name), 'utf8');

/** name → "os build[.rev] arch ×nodes" for compact assertions */
export function summary(pools: NodePool[]): Record<string, string> {
  return Object.fromEntries(pools.map((p) => [
    p.name,
    `${p.os} ${p.build === undefined ? '-' : p.revision === undefined ? p.build : `${p.build}.${p.revision}`} ${p.arch} x${p.nodes.length}`,
  ]));
}

export const pool = (pools: NodePool[], name: string): NodePool => {
  const p = pools.find((x) => x.name === name);
  if (!p) throw new Error(`no pool ${name} in ${pools.map((x) => x.name).join(', ')}`);
  return p;
};
