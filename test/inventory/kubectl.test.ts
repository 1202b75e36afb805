// kubectl captures: get nodes -o json / -o yaml / -o wide, describe nodes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWarning, parseInventory } from '../../server/src/engine/inventory';
import { fixture, pool, summary } from './helpers';

test('kubectl get nodes -o json (AKS): pools by agentpool, builds from windows-build, revisions from kernelVersion', () => {
  const r = parseInventory(fixture('aks-nodes.json'), 'aks-nodes.json');
  assert.equal(r.format, 'kubectl-json');
  assert.deepEqual(summary(r.pools), {
    nodepool1: 'linux - amd64 x2',
    armpool: 'linux - arm64 x1',
    win19: 'windows 17763.5576 amd64 x2',
    win22: 'windows 20348.2322 amd64 x2',
  });
  const win19 = pool(r.pools, 'win19');
  assert.equal(win19.labels['node.kubernetes.io/windows-build'], '10.0.17763');
  assert.equal(win19.labels['kubernetes.io/os'], 'windows');
  assert.equal(win19.labels.team, 'legacy-apps');
  assert.equal(win19.labels['kubernetes.io/hostname'], undefined, 'per-node label dropped');
  assert.equal(win19.labels['topology.kubernetes.io/zone'], undefined, 'nodes in two zones: no common zone');
  // the cordoned node's node.kubernetes.io/unschedulable taint is not a pool taint
  assert.deepEqual(win19.taints, [{ key: 'os', value: 'windows', effect: 'NoSchedule' }]);
  assert.deepEqual(pool(r.pools, 'nodepool1').taints, [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'NoSchedule' }]);
  assert.equal(pool(r.pools, 'armpool').labels['topology.kubernetes.io/zone'], undefined, 'single node: zone is per node');
  assert.equal(pool(r.pools, 'win22').labels['kubernetes.azure.com/node-image-version'], undefined, 'differs between nodes');
  assert.ok(r.pools.every((p) => p.source === 'kubectl get nodes -o json (aks-nodes.json)'));
  assert.ok(r.errors.every(isWarning));
  assert.ok(r.errors.some((e) => /akswin19000001 is cordoned/.test(e)));
  assert.ok(r.errors.some((e) => /akswin22000002 is NotReady/.test(e)));
  assert.ok(r.errors.some((e) => /win22: nodes on revisions 20348\.2322, 20348\.2340/.test(e)));
});

test('kubectl get nodes -o yaml (EKS): pools by eks.amazonaws.com/nodegroup', () => {
  const r = parseInventory(fixture('eks-nodes.yaml'));
  assert.equal(r.format, 'kubectl-yaml');
  assert.deepEqual(summary(r.pools), {
    'ng-linux': 'linux - amd64 x1',
    'ng-windows-2019': 'windows 17763.5458 amd64 x1',
    'ng-windows-2022': 'windows 20348.2340 amd64 x1',
  });
  assert.equal(pool(r.pools, 'ng-windows-2019').labels['eks.amazonaws.com/nodegroup'], 'ng-windows-2019');
  assert.deepEqual(r.errors, []);
});

test('a single Node object, GKE pool label, build from kernelVersion when the label is missing', () => {
  const node = {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: 'gke-c-win-pool-1', labels: { 'cloud.google.com/gke-nodepool': 'win-pool', 'kubernetes.io/os': 'windows', 'kubernetes.io/arch': 'amd64' } },
    spec: { taints: [{ key: 'node.kubernetes.io/os', value: 'windows', effect: 'NoSchedule' }, { key: 'dedicated', effect: 'NoExecute' }] },
    status: { nodeInfo: { kernelVersion: '10.0.17763.5576', osImage: 'Windows Server 2019 Datacenter', operatingSystem: 'windows', architecture: 'amd64' } },
  };
  const r = parseInventory(JSON.stringify(node));
  assert.deepEqual(summary(r.pools), { 'win-pool': 'windows 17763.5576 amd64 x1' });
  // GKE's own Windows taint is a pool taint (unlike node.kubernetes.io/not-ready); a taint without value has none
  assert.deepEqual(r.pools[0].taints, [{ key: 'node.kubernetes.io/os', value: 'windows', effect: 'NoSchedule' }, { key: 'dedicated', effect: 'NoExecute' }]);
});

test('pool label spanning two builds, no pool label, instance type as a last resort', () => {
  const mk = (name: string, labels: Record<string, string>, kernel: string, image: string) => ({
    kind: 'Node', metadata: { name, labels }, status: { nodeInfo: { kernelVersion: kernel, osImage: image } },
  });
  const list = {
    kind: 'List', apiVersion: 'v1', items: [
      mk('a', { agentpool: 'win', 'kubernetes.io/os': 'windows' }, '10.0.17763.5576', 'Windows Server 2019 Datacenter'),
      mk('b', { agentpool: 'win', 'kubernetes.io/os': 'windows' }, '10.0.20348.2340', 'Windows Server 2022 Datacenter'),
      mk('c', { 'node.kubernetes.io/instance-type': 'm5.xlarge' }, '10.0.26100.3194', 'Windows Server 2025 Datacenter'),
      mk('d', {}, '6.1.0-18-cloud-amd64', 'Debian GNU/Linux 12 (bookworm)'),
      mk('e', {}, '10.0.22631.3296', 'Windows 11 Pro'),
    ],
  };
  const r = parseInventory(JSON.stringify(list));
  assert.deepEqual(summary(r.pools), {
    'win-17763': 'windows 17763.5576 amd64 x1',
    'win-20348': 'windows 20348.2340 amd64 x1',
    'm5.xlarge': 'windows 26100.3194 amd64 x1',
    linux: 'linux - amd64 x1',
    'windows-22631': 'windows 22631.3296 amd64 x1',
  });
  assert.equal(pool(r.pools, 'windows-22631').family, 'client');
  assert.equal(pool(r.pools, 'win-17763').family, undefined);
});

test('kubectl get nodes -o wide (GKE): OS from OS-IMAGE, build and revision from KERNEL-VERSION', () => {
  const r = parseInventory(fixture('gke-nodes-wide.txt'), 'gke-nodes-wide.txt');
  assert.equal(r.format, 'kubectl-wide');
  assert.deepEqual(summary(r.pools), {
    linux: 'linux - amd64 x3',
    'windows-17763': 'windows 17763.5576 amd64 x1',
    'windows-20348': 'windows 20348.2340 amd64 x2',
  });
  assert.ok(r.errors.some((e) => /cordoned/.test(e) && /r8wz/.test(e)));
  assert.ok(r.errors.some((e) => /amd64 assumed/.test(e)));
  assert.ok(r.errors.every(isWarning));
});

test('kubectl get nodes -o wide --show-labels names pools from the LABELS column', () => {
  const text = [
    'NAME             STATUS   ROLES   AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION      CONTAINER-RUNTIME            LABELS',
    'akswin22000000   Ready    agent   3d    v1.29.2   10.224.0.64   <none>        Windows Server 2022 Datacenter   10.0.20348.2340     containerd://1.7.14+azure    agentpool=win22,kubernetes.io/arch=amd64,kubernetes.io/hostname=akswin22000000,kubernetes.io/os=windows,node.kubernetes.io/windows-build=10.0.20348',
    'aks-sys-1234-0   Ready    agent   3d    v1.29.2   10.224.0.4    <none>        Ubuntu 22.04.4 LTS               5.15.0-1057-azure   containerd://1.7.7-1         agentpool=sys,kubernetes.io/arch=arm64,kubernetes.io/hostname=aks-sys-1234-0,kubernetes.io/os=linux',
  ].join('\n');
  const r = parseInventory(text);
  assert.deepEqual(summary(r.pools), { win22: 'windows 20348.2340 amd64 x1', sys: 'linux - arm64 x1' });
  assert.equal(pool(r.pools, 'win22').labels['node.kubernetes.io/windows-build'], '10.0.20348');
  assert.ok(!r.errors.some((e) => /amd64 assumed/.test(e)));
});

test('kubectl get nodes without -o wide is a clear error', () => {
  const r = parseInventory('NAME             STATUS   ROLES   AGE   VERSION\nakswin22000000   Ready    agent   3d    v1.29.2\n');
  assert.equal(r.pools.length, 0);
  assert.ok(r.errors.some((e) => !isWarning(e) && /-o wide/.test(e)));
});

test('kubectl describe nodes: Microsoft guide node (manual osbuild label), Linux master, tainted 2019 pool', () => {
  const r = parseInventory(fixture('describe-nodes.txt'));
  assert.equal(r.format, 'kubectl-describe');
  assert.deepEqual(summary(r.pools), {
    linux: 'linux - amd64 x1',
    'windows-14393': 'windows 14393.1715 amd64 x1',
    win19pool: 'windows 17763.1339 amd64 x1',
  });
  const ws2016 = pool(r.pools, 'windows-14393');
  assert.equal(ws2016.labels['beta.kubernetes.io/osbuild'], '14393.1715');
  assert.deepEqual(ws2016.nodes, ['34184k8s9010']);
  assert.deepEqual(ws2016.taints, []);
  assert.deepEqual(pool(r.pools, 'win19pool').taints, [
    { key: 'os', value: 'windows', effect: 'NoSchedule' },
    { key: 'sku', value: 'ltsc2019', effect: 'PreferNoSchedule' },
  ]);
  assert.deepEqual(pool(r.pools, 'linux').taints, [{ key: 'node-role.kubernetes.io/master', value: 'true', effect: 'NoSchedule' }]);
  assert.equal(pool(r.pools, 'linux').labels['node-role.kubernetes.io/master'], '');
  assert.deepEqual(r.errors, []);
});
