// Compose specifics the other suites lean on: anchors and merge keys (`<<: *windows`), `.env`
// interpolation, and which service settings place an image (isolation, platform, constraints).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, codes, describeReport } from '../helpers/fixtures';
import { Analyzer } from '../../server/src/engine/analysis/analyzer';
import { buildConfig, parseSettingsFile } from '../../server/src/engine/config/load-config';

const COMPOSE = '/virtual/ws/compose.yaml';
const SC = 'mcr.microsoft.com/windows/servercore';

describe('anchors and merge keys', () => {
  test('settings merged from an anchor apply to the service (isolation: hyperv)', () => {
    const r = analyzeText(COMPOSE, `x-windows: &windows
  isolation: hyperv
  restart: unless-stopped
services:
  legacy:
    <<: *windows
    image: ${SC}:ltsc2019
`);
    assert.deepEqual(r.diagnostics, [], describeReport(r));
    assert.deepEqual(r.images[0].verdicts.map((v) => v.status), ['hyperv']);
  });

  test('an explicit key wins over the merged one', () => {
    const r = analyzeText(COMPOSE, `x-windows: &windows
  isolation: hyperv
services:
  legacy:
    <<: *windows
    isolation: process
    image: ${SC}:ltsc2019
`);
    assert.deepEqual(codes(r), ['process-isolation-mismatch']);
  });

  test('a service made only of merge keys (a list of anchors) is analysed', () => {
    const r = analyzeText(COMPOSE, `x-base: &base
  image: ${SC}:ltsc2019
x-iso: &iso
  isolation: process
services:
  a:
    <<: [*iso, *base]
  b: *base
`);
    assert.equal(r.images.length, 2, describeReport(r));
    assert.deepEqual(codes(r), ['process-isolation-mismatch', 'process-isolation-mismatch']);
  });

  test('swarm constraints merged from an anchor place the service', () => {
    const r = analyzeText(COMPOSE, `x-deploy: &deploy
  placement:
    constraints:
      - node.platform.os == windows
      - node.labels.OsVersion == 10.0.17763
services:
  legacy:
    image: ${SC}:ltsc2019
    deploy:
      <<: *deploy
      replicas: 2
`);
    assert.deepEqual(r.diagnostics, [], describeReport(r));
    // judged on the 2019 nodes the constraint selects, not on the configured 2022 target
    assert.deepEqual(r.images[0].verdicts.map((v) => v.status), ['process']);
    assert.notEqual(r.images[0].verdicts[0].target, 'Windows Server 2022');
  });
});

describe('.env interpolation', () => {
  const env = { '/virtual/ws/.env': '# release of the workers\nTAG=ltsc2022\nexport QUOTED="ltsc2019"\n' };

  test('a variable from .env wins over the default written in the file', () => {
    const r = analyzeText(COMPOSE, `services:\n  docs:\n    image: ${SC}/iis:windowsservercore-\${TAG:-ltsc2019}\n`, undefined, env);
    assert.equal(r.images[0].resolved, `${SC}/iis:windowsservercore-ltsc2022`);
    assert.deepEqual(r.diagnostics, []);
  });

  test('quoted and exported values are read', () => {
    const r = analyzeText(COMPOSE, `services:\n  docs:\n    image: ${SC}:$QUOTED\n`, undefined, env);
    assert.equal(r.images[0].resolved, `${SC}:ltsc2019`);
  });

  test('`$$` is a literal dollar, not a variable', () => {
    const r = analyzeText(COMPOSE, `services:\n  app:\n    image: ${SC}:ltsc2022\n    command: ["powershell", "-Command", "$$env:PATH"]\n`);
    assert.deepEqual(r.diagnostics, []);
  });
});

describe('placement', () => {
  test('`platform: windows/amd64` marks a Linux-only tag as meant for Windows', () => {
    const r = analyzeText(COMPOSE, 'services:\n  api:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0\n    platform: windows/amd64\n');
    assert.deepEqual(codes(r), ['no-windows-entry']);
  });

  test('a Linux service beside Windows ones is not judged against Windows hosts', () => {
    const r = analyzeText(COMPOSE, `services:
  web:
    image: ${SC}:ltsc2022
    isolation: process
  cache:
    image: redis:7.4-alpine
    deploy:
      placement:
        constraints: [node.platform.os == linux]
`);
    assert.deepEqual(r.diagnostics, [], describeReport(r));
  });
});

test('a stack is judged against the Swarm nodes its constraints allow, and the fix writes the label the nodes carry', () => {
  const settings = parseSettingsFile([
    'targets:',
    '  - {name: w19, host: 10.0.17763, labels: {OsVersion: 10.0.17763, zone: east}}',
    '  - {name: w22, host: 10.0.20348, labels: {OsVersion: 10.0.20348, zone: west}}',
  ].join('\n')).settings;
  const config = buildConfig([settings], '2026-12-04');
  const text = 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2019\n    deploy:\n      placement:\n        constraints: ["node.labels.zone == west"]\n';
  const r = new Analyzer({ readFile: () => undefined }).analyze('/ws/stack.yaml', text, config)!;
  // only the west node (Windows Server 2022) is allowed: a 2019 image there needs Hyper-V
  assert.deepEqual(r.images[0].verdicts.map((v) => `${v.target}:${v.status}`), ['w22:hyperv']);
  const d = r.diagnostics.find((x) => x.code === 'process-isolation-mismatch')!;
  const swarm = d.fixes.find((f) => f.kind === 'swarmConstraint')!;
  assert.match(swarm.edits.map((e) => e.newText).join(''), /node\.labels\.OsVersion == 10\.0\.17763/);
});
