// `kubectl get nodes -o json` (or `-o yaml`): a List (or NodeList) of Node objects, or one Node.
// Build from the kubelet's node.kubernetes.io/windows-build label, else status.nodeInfo.kernelVersion
// (`10.0.17763.5576`), else the manual beta.kubernetes.io/osbuild label (reference §4.1).
import { LABEL_ARCH, LABEL_ARCH_BETA, LABEL_OS, LABEL_OS_BETA, LABEL_OSBUILD_MANUAL, LABEL_WINDOWS_BUILD } from '../data/kubernetes';
import type { NodeRecord, Taint } from './types';
import { warning } from './types';
import { familyOfProduct, normalizeArch, parseWindowsVersion } from './versions';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** A Node, or a List/NodeList whose items are Nodes. */
export function isKubeNodes(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (v.kind === 'Node') return true;
  return (v.kind === 'List' || v.kind === 'NodeList') && Array.isArray(v.items) && v.items.length > 0 && v.items.every((i) => isObj(i) && (i.kind === 'Node' || (i.kind === undefined && isObj(i.status) && isObj((i.status as Obj).nodeInfo))));
}

export function nodesFromKube(v: Obj, errors: string[]): NodeRecord[] {
  const items = v.kind === 'Node' ? [v] : (v.items as Obj[]);
  return items.map((item) => nodeFromKube(item, errors));
}

/** One Node object → record; also used for labels/taints/nodeInfo gathered from other formats. */
export function nodeFromKube(item: Obj, errors: string[]): NodeRecord {
  const meta = isObj(item.metadata) ? item.metadata : {};
  const spec = isObj(item.spec) ? item.spec : {};
  const status = isObj(item.status) ? item.status : {};
  const info = isObj(status.nodeInfo) ? status.nodeInfo : {};
  const name = str(meta.name) ?? '(unnamed node)';
  const labels: Record<string, string> = {};
  if (isObj(meta.labels)) for (const [k, val] of Object.entries(meta.labels)) labels[k] = str(val) ?? String(val ?? '');
  const taints: Taint[] = [];
  for (const t of Array.isArray(spec.taints) ? spec.taints : []) {
    if (!isObj(t) || !str(t.key) || !str(t.effect)) continue;
    taints.push(str(t.value) !== undefined && t.value !== '' ? { key: str(t.key)!, value: str(t.value), effect: str(t.effect)! } : { key: str(t.key)!, effect: str(t.effect)! });
  }
  const node = describeNode({
    name, labels, taints,
    kernelVersion: str(info.kernelVersion), osImage: str(info.osImage),
    operatingSystem: str(info.operatingSystem), architecture: str(info.architecture),
  }, errors);
  const ready = Array.isArray(status.conditions) ? status.conditions.find((c) => isObj(c) && c.type === 'Ready') as Obj | undefined : undefined;
  if (ready && ready.status !== 'True') errors.push(warning(`node ${name} is NotReady`));
  if (spec.unschedulable === true) errors.push(warning(`node ${name} is cordoned (SchedulingDisabled)`));
  return node;
}

export interface KubeNodeFacts {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  kernelVersion?: string;
  osImage?: string;
  operatingSystem?: string;
  architecture?: string;
}

/** The facts every kubectl view shows (json, describe, wide) → a node record. */
export function describeNode(f: KubeNodeFacts, errors: string[]): NodeRecord {
  const labels = f.labels;
  const osText = (labels[LABEL_OS] ?? labels[LABEL_OS_BETA] ?? f.operatingSystem ?? '').toLowerCase();
  let os: NodeRecord['os'] = osText === 'windows' ? 'windows' : osText === 'linux' ? 'linux' : undefined;
  const kernel = parseWindowsVersion(f.kernelVersion);
  if (!os && (kernel || /windows/i.test(f.osImage ?? ''))) os = 'windows';
  else if (!os && (f.osImage || f.kernelVersion)) os = 'linux';
  const node: NodeRecord = {
    name: f.name, os, labels, taints: f.taints,
    arch: normalizeArch(labels[LABEL_ARCH] ?? labels[LABEL_ARCH_BETA] ?? f.architecture) ?? kernel?.arch,
    product: f.osImage,
  };
  if (os !== 'windows') return node;
  const fromLabel = parseWindowsVersion(labels[LABEL_WINDOWS_BUILD]);
  const manual = parseWindowsVersion(labels[LABEL_OSBUILD_MANUAL]);
  const chosen = fromLabel ?? kernel ?? manual;
  if (chosen) {
    node.build = chosen.build;
    node.revision = [kernel, manual, fromLabel].find((v) => v?.build === chosen.build && v.revision !== undefined)?.revision;
    if (fromLabel && kernel && kernel.build !== fromLabel.build) {
      errors.push(warning(`node ${f.name}: ${LABEL_WINDOWS_BUILD}=${labels[LABEL_WINDOWS_BUILD]} but kernel ${f.kernelVersion}; the label is used (re-register the node?)`));
    }
  } else {
    errors.push(warning(`Windows node ${f.name} shows no build (no ${LABEL_WINDOWS_BUILD} label, no kernel version)`));
  }
  if (familyOfProduct(f.osImage) === 'client') node.family = 'client';
  return node;
}
