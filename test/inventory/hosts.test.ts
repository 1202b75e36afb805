// Windows host captures (Get-ComputerInfo, ver), unknown input, version helpers, pools → targets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWarning, parseInventory, poolsToTargets } from '../../server/src/engine/inventory';
import { parseWindowsVersion } from '../../server/src/engine/inventory/versions';
import { parseTarget } from '../../server/src/engine/targets/target';
import { fixture, summary } from './helpers';

test('Get-ComputerInfo text (WS2019 Server Core): build from OsVersion, no revision (none shown)', () => {
  const r = parseInventory(fixture('computerinfo-ws2019.txt'));
  assert.equal(r.format, 'computerinfo-text');
  assert.deepEqual(summary(r.pools), { 'windows-17763': 'windows 17763 amd64 x1' });
  assert.deepEqual(r.pools[0].nodes, ['winhost19a']);
  assert.equal(r.pools[0].family, undefined);
});

test('Get-ComputerInfo | ConvertTo-Json (Windows 11 that calls itself "Windows 10 Pro"): client, build 22631', () => {
  const r = parseInventory(fixture('computerinfo-win11.json'));
  assert.equal(r.format, 'computerinfo-json');
  assert.deepEqual(summary(r.pools), { 'windows-22631': 'windows 22631 amd64 x1' });
  assert.equal(r.pools[0].family, 'client');
  assert.deepEqual(r.pools[0].nodes, ['DEV-T14-0815']);
});

test('Get-ComputerInfo of several hosts (Invoke-Command), one after another', () => {
  const one = (name: string, ver: string, product: string) =>
    `WindowsBuildLabEx          : ${ver.split('.')[2]}.1.amd64fre.x\nWindowsProductName         : ${product}\nCsName                     : ${name}\nOsName                     : Microsoft ${product}\nOsVersion                  : ${ver}\nOsBuildNumber              : ${ver.split('.')[2]}\nWindowsUBR                 : 2340\n\n`;
  const r = parseInventory(one('A', '10.0.20348', 'Windows Server 2022 Standard') + one('B', '10.0.20348', 'Windows Server 2022 Standard'));
  assert.deepEqual(summary(r.pools), { 'windows-20348': 'windows 20348.2340 amd64 x2' });
});

test('ver output, alone or prefixed with host names', () => {
  const r = parseInventory(fixture('ver.txt'));
  assert.equal(r.format, 'ver');
  assert.deepEqual(summary(r.pools), { 'windows-20348': 'windows 20348.2340 amd64 x1' });
  const many = parseInventory('WIN-A: Microsoft Windows [Version 10.0.17763.5576]\nWIN-B: Microsoft Windows [Version 10.0.17763.5576]\nWIN-C: Microsoft Windows [Version 10.0.20348.2340]\n');
  assert.deepEqual(summary(many.pools), { 'windows-17763': 'windows 17763.5576 amd64 x2', 'windows-20348': 'windows 20348.2340 amd64 x1' });
  assert.deepEqual(many.pools[0].nodes, ['WIN-A', 'WIN-B']);
});

test('unknown, empty and error captures are clear errors, not warnings', () => {
  for (const [text, re] of [
    ['hello world\nthis is not an inventory\n', /unrecognised inventory: expected the output of `kubectl get nodes -o json`/],
    ['', /empty/],
    ['{"kind": "PodList", "items": []}', /not a node inventory \(kind PodList\)/],
    ['{"apiVersion": "v1", "items": [], "kind": "List", "metadata": {"resourceVersion": ""}}', /holds no nodes/],
    ['W0402 08:41:13.123456   4242 loader.go:222] Config not found: /root/.kube/config\n{\n "kind": "Status"\n}\n', /not a node inventory \(kind Status\)/],
    ['The connection to the server localhost:8080 was refused - did you specify the right host or port?\n', /error message, not an inventory/],
    ['Client:\n Version: 24.0.7\n\nServer:\nERROR: error during connect: this error may indicate that the docker daemon is not running\n', /daemon was not reachable/],
  ] as const) {
    const r = parseInventory(text, 'x.txt');
    assert.equal(r.format, 'unknown', text);
    assert.equal(r.pools.length, 0);
    assert.ok(r.errors.length && r.errors.every((e) => !isWarning(e)), JSON.stringify(r.errors));
    assert.match(r.errors[0], re);
    assert.match(r.errors[0], /^x\.txt: /);
  }
});

test('parseWindowsVersion reads every form tools print', () => {
  assert.deepEqual(parseWindowsVersion('10.0.17763.5576'), { build: 17763, revision: 5576 });
  assert.deepEqual(parseWindowsVersion('10.0.20348'), { build: 20348, revision: undefined });
  assert.deepEqual(parseWindowsVersion('14393.1715'), { build: 14393, revision: 1715 });
  assert.deepEqual(parseWindowsVersion('10.0 14393 (14393.1715.amd64fre.rs1_release_inmarket.170906-1810)'), { build: 14393, revision: 1715, arch: 'amd64' });
  assert.deepEqual(parseWindowsVersion('10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)'), { build: 17763, revision: undefined, arch: 'amd64' });
  assert.deepEqual(parseWindowsVersion('Windows Server 2019 Datacenter Version 1809 (OS Build 17763.5576)'), { build: 17763, revision: 5576 });
  assert.deepEqual(parseWindowsVersion('Microsoft Windows [Version 10.0.26100.3194]'), { build: 26100, revision: 3194 });
  assert.equal(parseWindowsVersion('5.15.0-1057-azure'), undefined);
});

test('poolsToTargets: host from build and revision, Linux pools as os linux, client family, isolation', () => {
  const aks = parseInventory(fixture('aks-nodes.json')).pools;
  const specs = poolsToTargets(aks);
  assert.deepEqual(specs.map((s) => [s.name, s.host, s.os]), [
    ['nodepool1', 'linux', 'linux'], ['armpool', 'linux', 'linux'], ['win19', '10.0.17763.5576', 'windows'], ['win22', '10.0.20348.2322', 'windows'],
  ]);
  const win19 = specs.find((s) => s.name === 'win19')!;
  assert.deepEqual(win19.taints, [{ key: 'os', value: 'windows', effect: 'NoSchedule' }]);
  assert.equal(win19.labels?.['node.kubernetes.io/windows-build'], '10.0.17763');
  const t = parseTarget(win19);
  assert.equal(t.build, 17763);
  assert.equal(t.revision, 5576);
  assert.equal(t.name, 'win19');
  assert.deepEqual(t.taints, win19.taints);
  const lnx = parseTarget(specs.find((s) => s.name === 'armpool')!);
  assert.equal(lnx.os, 'linux');
  assert.equal(lnx.build, 0);
  assert.equal(lnx.arch, 'arm64');

  const win10 = poolsToTargets(parseInventory(fixture('docker-info-win10.txt')).pools)[0];
  assert.deepEqual({ host: win10.host, family: win10.family, isolation: win10.isolation }, { host: '10.0.19045.4170', family: 'client', isolation: 'hyperv' });
  assert.equal(parseTarget(win10).family, 'client');
  // a Windows 10 1809 dev box: build 17763 is shared with Windows Server 2019; the hint keeps it a client
  const w1809 = poolsToTargets(parseInventory('Server:\n Default Isolation: hyperv\n Kernel Version: 10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)\n Operating System: Windows 10 Enterprise LTSC 2019 Version 1809 (OS Build 17763.5576)\n OSType: windows\n Name: LAB-PC\n').pools)[0];
  assert.equal(parseTarget(w1809).family, 'client');
  assert.equal(parseTarget(w1809).release?.family, 'client');

  // a Swarm Windows node without a build label: not a target
  const swarm = poolsToTargets(parseInventory(fixture('swarm-node-inspect.json')).pools);
  assert.deepEqual(swarm.map((s) => s.name), ['linux', 'windows-17763', 'windows-20348']);
});

test('parseTarget: os must be windows or linux; a Linux target needs no build', () => {
  assert.throws(() => parseTarget({ host: 'x', os: 'macos' as 'linux' }), /os must be windows or linux/);
  assert.equal(parseTarget({ host: 'linux', os: 'linux', name: 'pool' }).name, 'pool');
  assert.throws(() => parseTarget({ host: 'linux' }), /unknown host/);
});
