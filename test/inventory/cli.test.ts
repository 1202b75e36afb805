// `wincompat targets import` and `check --hosts-from`, run as a user would: node dist/cli.js on temp dirs
// (npm run build first; npm test does).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { buildConfig, parseSettingsFile } from '../../server/src/engine/config/load-config';
import { fixture, fixtureDir, root } from './helpers';

const cli = path.join(root, 'dist/cli.js');
const fx = (name: string) => path.join(fixtureDir, name);

function run(args: string[], cwd: string, input?: string | Buffer): { code: number; stdout: string; stderr: string } {
  assert.ok(fs.existsSync(cli), 'dist/cli.js missing: run npm run build');
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wincompat-inv-')); dirs.push(d); return d; };
after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

const EXISTING = `# wincompat settings of the shop
targets:
  - ltsc2022 # what we had before the cluster
  # legacy Windows pool: keep Hyper-V until the 2019 images are rebuilt
  - name: win19
    host: 10.0.17763.5000
    isolation: hyperv

# noisy on purpose
severities:
  release-support-ending: off # we know
exclude:
  - vendor/**
`;

test('targets import updates .wincompat.yaml in place: comments, other keys and other targets stay', () => {
  const dir = tmp();
  const file = path.join(dir, '.wincompat.yaml');
  fs.writeFileSync(file, EXISTING);
  const r = run(['targets', 'import', fx('aks-nodes.json')], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Imported 4 node pools into \.wincompat\.yaml/);
  assert.match(r.stdout, /win19\s+windows\s+10\.0\.17763\.5576\s+2 nodes/);
  assert.match(r.stdout, /win22\s+windows\s+10\.0\.20348\.2322\s+2 nodes/);
  assert.match(r.stdout, /nodepool1\s+linux\s+-\s+2 nodes/);
  assert.match(r.stdout, /armpool\s+linux\s+-\s+1 node\n/);
  assert.match(r.stdout, /Kept 1 other target \(ltsc2022\)/);
  assert.match(r.stderr, /warning: aks-nodes\.json: node akswin22000002 is NotReady/);
  const text = fs.readFileSync(file, 'utf8');
  for (const comment of ['# wincompat settings of the shop', '# what we had before the cluster', '# legacy Windows pool: keep Hyper-V until the 2019 images are rebuilt', '# noisy on purpose', '# we know']) {
    assert.ok(text.includes(comment), `lost comment ${comment}\n${text}`);
  }
  assert.match(text, /release-support-ending: off/);
  assert.match(text, /- vendor\/\*\*/);
  assert.match(text, /# imported: 2 nodes, kubectl get nodes -o json \(aks-nodes\.json\)\n  - name: nodepool1/);
  const { settings, errors } = parseSettingsFile(text);
  assert.deepEqual(errors, []);
  const targets = settings.targets as unknown as Array<Record<string, unknown>>;
  assert.deepEqual(targets.map((t) => (typeof t === 'string' ? t : t.name)), ['ltsc2022', 'win19', 'nodepool1', 'armpool', 'win22']);
  const win19 = targets[1];
  assert.equal(win19.host, '10.0.17763.5576', 'updated in place');
  assert.equal(win19.isolation, 'hyperv', 'the user\'s isolation stays');
  assert.deepEqual(win19.taints, [{ key: 'os', value: 'windows', effect: 'NoSchedule' }]);
  const config = buildConfig([settings]);
  assert.deepEqual(config.targets.map((t) => `${t.name} ${t.os} ${t.build}`), ['Windows Server 2022 windows 20348', 'win19 windows 17763', 'nodepool1 linux 0', 'armpool linux 0', 'win22 windows 20348']);

  // importing again changes nothing
  const again = run(['targets', 'import', fx('aks-nodes.json')], dir);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), text);
});

test('targets import --replace drops the others; --dry-run prints and writes nothing; --config names the file', () => {
  const dir = tmp();
  const file = path.join(dir, 'ci.yaml');
  fs.writeFileSync(file, EXISTING);
  const dry = run(['targets', 'import', '--config', 'ci.yaml', '--replace', '--dry-run', fx('eks-nodes.yaml')], dir);
  assert.equal(dry.code, 0, dry.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), EXISTING);
  assert.match(dry.stdout, /Would import 3 node pools into ci\.yaml/);
  assert.match(dry.stdout, /# noisy on purpose/);
  const real = run(['targets', 'import', '--config=ci.yaml', '--replace', fx('eks-nodes.yaml')], dir);
  assert.equal(real.code, 0, real.stderr);
  const { settings, errors } = parseSettingsFile(fs.readFileSync(file, 'utf8'));
  assert.deepEqual(errors, []);
  assert.deepEqual((settings.targets as Array<{ name: string }>).map((t) => t.name), ['ng-linux', 'ng-windows-2019', 'ng-windows-2022']);
  assert.ok(fs.readFileSync(file, 'utf8').includes('# wincompat settings of the shop'));
});

test('targets import creates the file; reads stdin (-), several files, UTF-16 PowerShell output', () => {
  const dir = tmp();
  const utf16 = path.join(dir, 'ci.txt');
  fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture('computerinfo-ws2019.txt').replace(/\n/g, '\r\n'), 'utf16le')]));
  const r = run(['targets', 'import', '-', utf16, fx('docker-info-win10.txt')], dir, fixture('docker-info-ws2022.txt'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /windows-20348\s+windows\s+10\.0\.20348\.2340\s+1 node/);
  assert.match(r.stdout, /windows-17763\s+windows\s+10\.0\.17763\s+1 node/);
  assert.match(r.stdout, /windows-19045\s+windows\s+10\.0\.19045\.4170\s+1 node/);
  const { settings, errors } = parseSettingsFile(fs.readFileSync(path.join(dir, '.wincompat.yaml'), 'utf8'));
  assert.deepEqual(errors, []);
  assert.deepEqual(settings.targets, [
    { name: 'windows-20348', host: '10.0.20348.2340', os: 'windows', isolation: 'process', arch: 'amd64' },
    { name: 'windows-17763', host: '10.0.17763', os: 'windows', arch: 'amd64' },
    { name: 'windows-19045', host: '10.0.19045.4170', os: 'windows', family: 'client', isolation: 'hyperv', arch: 'amd64' },
  ]);
});

test('targets import: unreadable or unknown input and a broken configuration exit 2 with a clear message', () => {
  const dir = tmp();
  const cases: Array<[string[], string | undefined, RegExp]> = [
    [['targets', 'import', 'missing.json'], undefined, /cannot read inventory missing\.json: ENOENT/],
    [['targets', 'import', '-'], 'Hello, this is a README\n', /stdin: unrecognised inventory: expected the output of `kubectl get nodes -o json`/],
    [['targets', 'import', fx('swarm-node-ls.txt')], undefined, /no node pools found[\s\S]*docker node inspect/],
    [['targets', 'import'], undefined, /needs at least one inventory file/],
    [['targets', 'export', 'x'], undefined, /unknown targets command `export`/],
    [['targets', 'import', '--bogus', 'x'], undefined, /unknown option --bogus/],
  ];
  for (const [args, input, re] of cases) {
    const r = run(args, dir, input);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, re);
  }
  assert.ok(!fs.existsSync(path.join(dir, '.wincompat.yaml')), 'nothing written on failure');
  fs.writeFileSync(path.join(dir, '.wincompat.yaml'), 'targets: [ltsc2022\n');
  assert.match(run(['targets', 'import', fx('ver.txt')], dir).stderr, /not valid YAML/);
  fs.writeFileSync(path.join(dir, '.wincompat.yaml'), 'targets: ltsc2022\n');
  const notList = run(['targets', 'import', fx('ver.txt')], dir);
  assert.equal(notList.code, 2);
  assert.match(notList.stderr, /`targets` is not a list/);
});

test('check --hosts-from: the inventory\'s pools replace the default target and change the verdicts', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN echo hi\n');
  const plain = run(['check', 'Dockerfile'], dir);
  assert.equal(plain.code, 1, 'ltsc2019 on the default Windows Server 2022 host');
  assert.match(plain.stdout, /process-isolation-mismatch/);

  const ws2019 = run(['check', 'Dockerfile', '--hosts-from', fx('docker-info-ws2019.json')], dir);
  assert.equal(ws2019.code, 0, ws2019.stdout + ws2019.stderr);
  assert.match(ws2019.stdout, /windows-17763 10\.0\.17763\.5576 process/);

  const both = run(['check', 'Dockerfile', '--format', 'json', '--hosts-from', fx('docker-info-ws2019.json'), '--hosts-from', fx('docker-info-ws2022.txt')], dir);
  assert.equal(both.code, 1);
  const verdicts = (JSON.parse(both.stdout) as { files: Array<{ images: Array<{ verdicts: Array<{ target: string; status: string }> }> }> })
    .files[0].images[0].verdicts.map((v) => `${v.target}:${v.status}`);
  assert.deepEqual(verdicts, ['windows-17763:process', 'windows-20348:hyperv']);

  // a Dockerfile is judged against the Windows pools only: the Linux pools are where Linux images go
  const cluster = run(['check', 'Dockerfile', '--format', 'json', '--hosts-from', fx('aks-nodes.json')], dir);
  const statuses = (JSON.parse(cluster.stdout) as { files: Array<{ images: Array<{ verdicts: Array<{ target: string; status: string }> }> }> })
    .files[0].images[0].verdicts.map((v) => `${v.target}:${v.status}`);
  assert.deepEqual(statuses, ['win19:process', 'win22:hyperv']);
  assert.match(cluster.stderr, /warning: aks-nodes\.json: node akswin22000002 is NotReady/);

  const bad = run(['check', 'Dockerfile', '--hosts-from', fx('swarm-node-ls.txt')], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /no node pools found/);
});

test('targets import, then check uses the imported pools from .wincompat.yaml', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n');
  assert.equal(run(['check', 'Dockerfile'], dir).code, 0);
  assert.equal(run(['targets', 'import', fx('describe-nodes.txt')], dir).code, 0);
  const r = run(['check', 'Dockerfile', '--format', 'json'], dir);
  const targets = (JSON.parse(r.stdout) as { targets: Array<{ name: string; build: string }> }).targets;
  assert.deepEqual(targets.map((t) => t.name), ['linux', 'windows-14393', 'win19pool']);
  assert.equal(targets[1].build, '10.0.14393.1715');
});
