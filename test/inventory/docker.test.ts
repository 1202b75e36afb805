// Docker captures: docker node inspect / node ls (Swarm), docker info (JSON and text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWarning, parseInventory } from '../../server/src/engine/inventory';
import { fixture, pool, summary } from './helpers';

test('docker node inspect: build from OsVersion / windows-build labels, unlabelled Windows node warned', () => {
  const r = parseInventory(fixture('swarm-node-inspect.json'), 'nodes.json');
  assert.equal(r.format, 'swarm-inspect');
  assert.deepEqual(summary(r.pools), {
    linux: 'linux - amd64 x2',
    'windows-17763': 'windows 17763 amd64 x2',
    'windows-20348': 'windows 20348 amd64 x1',
    windows: 'windows - amd64 x1',
  });
  assert.deepEqual(pool(r.pools, 'windows-17763').labels, { OS: 'windows', OsVersion: '10.0.17763' }, 'zone differs per node');
  assert.deepEqual(pool(r.pools, 'windows').nodes, ['SWARM-WIN22-02']);
  assert.ok(r.errors.every(isWarning));
  const missing = r.errors.find((e) => /no build label/.test(e));
  assert.ok(missing && /SWARM-WIN22-02/.test(missing) && /docker node update --label-add OsVersion=/.test(missing), missing);
  assert.ok(r.errors.some((e) => /SWARM-WIN19-02 is drained/.test(e)));
  assert.ok(r.errors.some((e) => /SWARM-WIN22-02 is down/.test(e)));
});

test('docker node inspect: a configured swarmBuildLabel and any 10.0.NNNNN label value give the build', () => {
  const nodes = JSON.parse(fixture('swarm-node-inspect.json')) as Array<{ Spec: { Labels: Record<string, string> } }>;
  nodes[5].Spec.Labels = { 'com.example.winver': '10.0.20348.2340' };
  nodes[4].Spec.Labels = { build: '20348' };
  const r = parseInventory(JSON.stringify(nodes), undefined, { swarmBuildLabel: 'build' });
  assert.deepEqual(summary(r.pools)['windows-20348'], 'windows 20348.2340 amd64 x2');
  assert.ok(!r.errors.some((e) => /no build label/.test(e)));
});

test('docker node ls alone: no pools, says what to capture; ls + inspect in one file: cross-checked', () => {
  const ls = parseInventory(fixture('swarm-node-ls.txt'));
  assert.equal(ls.format, 'swarm-ls');
  assert.equal(ls.pools.length, 0);
  assert.ok(ls.errors.some((e) => /docker node inspect/.test(e)));
  const inspect = JSON.parse(fixture('swarm-node-inspect.json')) as unknown[];
  const both = parseInventory(`${fixture('swarm-node-ls.txt')}\n${JSON.stringify(inspect.slice(0, 5), null, 4)}\n`);
  assert.equal(both.format, 'swarm-inspect');
  assert.equal(both.pools.reduce((n, p) => n + p.nodes.length, 0), 5);
  assert.ok(both.errors.some((e) => /SWARM-WIN22-02 is listed by docker node ls but missing/.test(e)));
});

test('docker info JSON (WS2019): revision from OS Build, not the build-lab `.1`; process isolation', () => {
  const r = parseInventory(fixture('docker-info-ws2019.json'));
  assert.equal(r.format, 'docker-info-json');
  assert.deepEqual(summary(r.pools), { 'windows-17763': 'windows 17763.5576 amd64 x1' });
  assert.equal(r.pools[0].isolation, 'process');
  assert.deepEqual(r.pools[0].nodes, ['BUILD-WS2019-01']);
  assert.equal(r.pools[0].family, undefined);
});

test('docker info text: WS2022 server and a Windows 10 dev box (client, Hyper-V default)', () => {
  const server = parseInventory(fixture('docker-info-ws2022.txt'));
  assert.equal(server.format, 'docker-info-text');
  assert.deepEqual(summary(server.pools), { 'windows-20348': 'windows 20348.2340 amd64 x1' });
  assert.equal(server.pools[0].isolation, 'process');
  assert.equal(server.pools[0].family, undefined);
  const client = parseInventory(fixture('docker-info-win10.txt'));
  assert.deepEqual(summary(client.pools), { 'windows-19045': 'windows 19045.4170 amd64 x1' });
  assert.equal(client.pools[0].family, 'client');
  assert.equal(client.pools[0].isolation, 'hyperv');
});

test('docker info: the older Operating System form, several hosts (text runs, JSON lines), a Linux daemon', () => {
  const text = [
    'Server:', ' Default Isolation: process', ' Kernel Version: 10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)',
    ' Operating System: Windows Server 2019 Datacenter Version 1809 (OS Build 17763.5576)', ' OSType: windows', ' Architecture: x86_64', ' Name: WS19-A',
    'Server:', ' Kernel Version: 10.0 14393 (14393.6796.amd64fre.rs1_release.240307-1630)', ' Operating System: Windows Server 2016 Datacenter',
    ' OSType: windows', ' Architecture: x86_64', ' Name: WS16-A',
  ].join('\n');
  const r = parseInventory(text);
  assert.deepEqual(summary(r.pools), { 'windows-17763': 'windows 17763.5576 amd64 x1', 'windows-14393': 'windows 14393.6796 amd64 x1' });
  const lines = [
    JSON.stringify({ Name: 'lnx-1', OSType: 'linux', KernelVersion: '6.5.0-1017-azure', OperatingSystem: 'Ubuntu 22.04.4 LTS', Architecture: 'aarch64', Isolation: '' }),
    JSON.stringify({ Name: 'ws25-1', OSType: 'windows', KernelVersion: '10.0 26100 (26100.1.amd64fre.ge_release.240331-1435)', OperatingSystem: 'Microsoft Windows Server Version 24H2 (OS Build 26100.3194)', Architecture: 'x86_64', Isolation: 'hyperv' }),
  ].join('\n');
  const j = parseInventory(lines);
  assert.equal(j.format, 'docker-info-json');
  assert.deepEqual(summary(j.pools), { linux: 'linux - arm64 x1', 'windows-26100': 'windows 26100.3194 amd64 x1' });
  assert.equal(pool(j.pools, 'windows-26100').isolation, 'hyperv');
});
