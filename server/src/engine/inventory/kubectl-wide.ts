// `kubectl get nodes -o wide` (optionally `--show-labels`): NAME STATUS ROLES AGE VERSION INTERNAL-IP
// EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME [LABELS]. No architecture and no taints are shown.
import { describeNode } from './kubectl-json';
import { findLine, readTable } from './table';
import type { NodeRecord } from './types';
import { warning } from './types';

export const WIDE_HEADER = /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\b/;

export function isKubectlTable(text: string): boolean {
  return findLine(text.split(/\r?\n/), WIDE_HEADER) >= 0;
}

export function nodesFromWide(text: string, errors: string[]): NodeRecord[] {
  const lines = text.split(/\r?\n/);
  const header = findLine(lines, WIDE_HEADER);
  if (!/\bOS-IMAGE\b/.test(lines[header]) || !/\bKERNEL-VERSION\b/.test(lines[header])) {
    errors.push('`kubectl get nodes` without `-o wide` shows no OS image or kernel version: capture `kubectl get nodes -o json` (or `-o wide`)');
    return [];
  }
  const nodes: NodeRecord[] = [];
  let archAssumed = false;
  for (const row of readTable(lines, header)) {
    const labels: Record<string, string> = {};
    for (const pair of (row.LABELS ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) labels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
    const node = describeNode({ name: row.NAME, labels, taints: [], kernelVersion: row['KERNEL-VERSION'], osImage: row['OS-IMAGE'] }, errors);
    if (!node.arch) archAssumed = true;
    const status = row.STATUS ?? '';
    if (/NotReady/.test(status)) errors.push(warning(`node ${row.NAME} is NotReady`));
    if (/SchedulingDisabled/.test(status)) errors.push(warning(`node ${row.NAME} is cordoned (SchedulingDisabled)`));
    nodes.push(node);
  }
  if (archAssumed) errors.push(warning('`kubectl get nodes -o wide` shows no architecture or taints: amd64 assumed (`-o json` has both)'));
  return nodes;
}
