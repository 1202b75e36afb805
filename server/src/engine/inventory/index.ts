// Cluster and host inventories → node pools. `parseInventory` tells the format by content:
// kubectl (json, yaml, wide table, describe), Docker Swarm (node inspect JSON, node ls table),
// docker info (JSON, text), Get-ComputerInfo (text, JSON) and `ver`.
import { parse as parseYaml } from 'yaml';
import { isDescribe, nodesFromDescribe } from './kubectl-describe';
import { isKubeNodes, nodesFromKube } from './kubectl-json';
import { isKubectlTable, nodesFromWide } from './kubectl-wide';
import { isDockerInfoJson, isDockerInfoText, nodesFromDockerInfoJson, nodesFromDockerInfoText } from './docker-info';
import { groupPools } from './pools';
import { isSwarmInspect, isSwarmLs, nodesFromSwarm, readSwarmLs } from './swarm';
import type { InventoryResult, NodeRecord } from './types';
import { isWarning, warning, WARNING_PREFIX } from './types';
import { isComputerInfoJson, isComputerInfoText, isVer, nodesFromComputerInfoJson, nodesFromComputerInfoText, nodesFromVer } from './windows-host';

export type { InventoryResult, NodePool, NodeRecord, Taint } from './types';
export { isWarning } from './types';
export { mergePools } from './pools';
export { poolsToTargets } from './to-targets';

export const FORMAT_LABELS: Record<string, string> = {
  'kubectl-json': 'kubectl get nodes -o json',
  'kubectl-yaml': 'kubectl get nodes -o yaml',
  'kubectl-wide': 'kubectl get nodes -o wide',
  'kubectl-describe': 'kubectl describe nodes',
  'swarm-inspect': 'docker node inspect',
  'swarm-ls': 'docker node ls',
  'docker-info-json': 'docker info (JSON)',
  'docker-info-text': 'docker info',
  'computerinfo-json': 'Get-ComputerInfo | ConvertTo-Json',
  'computerinfo-text': 'Get-ComputerInfo',
  ver: 'ver',
};

const EXPECTED = 'expected the output of `kubectl get nodes -o json` (or -o yaml, -o wide), `kubectl describe nodes`, ' +
  '`docker node inspect $(docker node ls -q)`, `docker info` (text or --format \'{{json .}}\'), `Get-ComputerInfo` (text or | ConvertTo-Json) or `ver`';

export interface InventoryOptions {
  /** Swarm node label that carries the build, tried first (config `swarmBuildLabel`) */
  swarmBuildLabel?: string;
}

export function parseInventory(text: string, fileName?: string, options: InventoryOptions = {}): InventoryResult {
  const t = text.replace(/^\uFEFF/, '');
  const where = fileName ? `${fileName}: ` : '';
  if (!t.trim()) return { pools: [], format: 'unknown', errors: [`${where}the input is empty; ${EXPECTED}`] };
  const errors: string[] = [];
  const { format, nodes } = readNodes(t, errors, options);
  if (format === 'unknown') return { pools: [], format, errors: errors.length ? errors.map((e) => where + e) : [`${where}unrecognised inventory: ${EXPECTED}`] };
  const source = `${FORMAT_LABELS[format]}${fileName ? ` (${fileName})` : ''}`;
  const pools = groupPools(nodes, source, errors);
  if (!nodes.length && !errors.length) errors.push(`no nodes found in the ${FORMAT_LABELS[format]} output`);
  return { pools, format, errors: errors.map((e) => (isWarning(e) ? warning(where + e.slice(WARNING_PREFIX.length)) : where + e)) };
}

function readNodes(t: string, errors: string[], options: InventoryOptions): { format: string; nodes: NodeRecord[] } {
  const { prefix, json } = findJson(t);
  if (json !== undefined) {
    if (isKubeNodes(json)) return { format: 'kubectl-json', nodes: nodesFromKube(json as Record<string, unknown>, errors) };
    if (isSwarmInspect(json)) {
      const ls = isSwarmLs(prefix) ? readSwarmLs(prefix) : undefined;
      return { format: 'swarm-inspect', nodes: nodesFromSwarm(json, errors, options.swarmBuildLabel, ls) };
    }
    if (isDockerInfoJson(json)) return { format: 'docker-info-json', nodes: nodesFromDockerInfoJson([json], errors) };
    if (Array.isArray(json) && json.length && json.every(isDockerInfoJson)) return { format: 'docker-info-json', nodes: nodesFromDockerInfoJson(json, errors) };
    if (isComputerInfoJson(json)) return { format: 'computerinfo-json', nodes: nodesFromComputerInfoJson(json as Record<string, unknown>, errors) };
    if (typeof json === 'object' && json && /^(List|NodeList)$/.test(String((json as { kind?: unknown }).kind)) && Array.isArray((json as { items?: unknown }).items) && !(json as { items: unknown[] }).items.length) {
      errors.push('the kubectl list holds no nodes (wrong context or namespace-scoped credentials?)');
      return { format: 'unknown', nodes: [] };
    }
    const kind = typeof json === 'object' && json && 'kind' in json ? ` (kind ${String((json as { kind: unknown }).kind)})` : '';
    errors.push(`JSON that is not a node inventory${kind}: ${EXPECTED}`);
    return { format: 'unknown', nodes: [] };
  }
  if (/^kind:\s*(List|NodeList|Node)\s*$/m.test(t) && /^apiVersion:/m.test(t)) {
    let doc: unknown;
    try { doc = parseYaml(t, { maxAliasCount: 100 }); } catch (e) { errors.push(`cannot read the YAML: ${(e as Error).message.split('\n')[0]}`); return { format: 'unknown', nodes: [] }; }
    if (isKubeNodes(doc)) return { format: 'kubectl-yaml', nodes: nodesFromKube(doc as Record<string, unknown>, errors) };
  }
  if (isDescribe(t)) return { format: 'kubectl-describe', nodes: nodesFromDescribe(t, errors) };
  if (isKubectlTable(t)) return { format: 'kubectl-wide', nodes: nodesFromWide(t, errors) };
  if (isSwarmLs(t)) {
    errors.push(warning('`docker node ls` shows no OS or build of the nodes: import `docker node inspect $(docker node ls -q)` too'));
    return { format: 'swarm-ls', nodes: [] };
  }
  if (isDockerInfoText(t)) return { format: 'docker-info-text', nodes: nodesFromDockerInfoText(t, errors) };
  if (isComputerInfoText(t)) return { format: 'computerinfo-text', nodes: nodesFromComputerInfoText(t, errors) };
  if (isVer(t)) return { format: 'ver', nodes: nodesFromVer(t) };
  if (/^Server:\s*\n?\s*ERROR|error during connect|Cannot connect to the Docker daemon/m.test(t)) errors.push('the docker output holds no server information: the daemon was not reachable when it was captured');
  else if (/^\s*(error|Error from server|The connection to the server)/m.test(t)) errors.push(`the capture is an error message, not an inventory: ${t.trim().split(/\r?\n/)[0].slice(0, 160)}`);
  return { format: 'unknown', nodes: [] };
}

/** The JSON in the text: the whole of it, one JSON value per line, or JSON after a table (node ls + inspect). */
function findJson(t: string): { prefix: string; json: unknown } {
  const trimmed = t.trim();
  if (/^[[{]/.test(trimmed)) {
    try { return { prefix: '', json: JSON.parse(trimmed) }; } catch { /* maybe JSON lines */ }
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim());
    try { return { prefix: '', json: lines.map((l) => JSON.parse(l)) }; } catch { /* not JSON lines */ }
  }
  const at = t.search(/^[[{]\s*$|^\[\s*\{/m);
  if (at > 0) {
    try { return { prefix: t.slice(0, at), json: JSON.parse(t.slice(at)) }; } catch { /* not JSON */ }
  }
  return { prefix: '', json: undefined };
}
