// Consistency of the knowledge tables (server/src/engine/data) and a few facts a user would notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOURCES } from '../server/src/engine/data/sources';
import { WINDOWS_BUILDS, buildInfo } from '../server/src/engine/data/builds';
import { WINDOWS_RELEASES, findRelease, releasesForBuild } from '../server/src/engine/data/releases';
import { WINDOWS_TOKENS, tokenInfo, tokensForBuild } from '../server/src/engine/data/tokens';
import { REPOSITORIES, OFFICIAL_REPOSITORIES, findRepository } from '../server/src/engine/data/repositories';
import { REPOSITORY_MOVES, findMove } from '../server/src/engine/data/moves';
import {
  CONTAINER_BUILDS, CROSS_BUILD_PROCESS, REVISION_EXACT_BUILDS, REVISION_BASELINES, CLIENT_PROCESS_MIN_BUILD,
  HOST_ONLY_IMAGES, HYPERV_UNSUPPORTED_IN_KUBERNETES, CONTAINERD_MATCHER, HYPERV_HANDLER, HYPERV_POD_ANNOTATION,
} from '../server/src/engine/data/compatibility';
import {
  NODE_LABELS, DEPRECATED_LABELS, POD_SPEC_PATHS, CONTAINER_LIST_KEYS, WINDOWS_TOLERATION, SWARM,
  LABEL_WINDOWS_BUILD, windowsBuildLabelValue,
} from '../server/src/engine/data/kubernetes';
import type { RepositoryInfo, SharedTag } from '../server/src/engine/data/schema';

/** Keys of the reference's "Source key" table (§0). */
const SECTION0_KEYS = [
  'VC', 'ISO', 'FAQ', 'LIFE', 'UPD', 'PORT', 'CBI', 'INS', 'SYSREQ', 'LNX', 'MSWARM', 'UPG', 'RELINFO', 'LCDATA',
  'SVC', 'HCS', 'CPLAT', 'CCFG', 'MOBY', 'SWK', 'OCI', 'K8SL', 'K8SW', 'CSPEC', 'DCLI', 'DFILE', 'MCRMAP',
  'TAGBLOG', 'WS19BLOG', 'WS22BLOG', 'NETFX', 'NET', 'IIS', 'PSD', 'DOI',
];

const KNOWN_BUILDS = new Set(WINDOWS_BUILDS.map((b) => b.build));
const TOKENS = new Set(WINDOWS_TOKENS.map((t) => t.token));

function sharedTag(repo: string, tag: string): SharedTag | undefined {
  const r = findRepository(repo);
  assert.ok(r, `repository ${repo} is known`);
  return r.sharedTags.find((s) => new RegExp(`^(?:${s.pattern})$`, 'i').test(tag));
}

function allSourceLists(): Array<[string, readonly string[]]> {
  const out: Array<[string, readonly string[]]> = [];
  for (const b of WINDOWS_BUILDS) out.push([`build ${b.build}`, b.sources]);
  for (const r of WINDOWS_RELEASES) out.push([`release ${r.id}`, r.sources]);
  for (const t of WINDOWS_TOKENS) out.push([`token ${t.token}`, t.sources]);
  for (const r of REPOSITORIES) {
    out.push([`repository ${r.name}`, r.sources]);
    for (const s of r.sharedTags) out.push([`${r.name} shared ${s.pattern}`, s.sources]);
  }
  for (const m of REPOSITORY_MOVES) out.push([`move ${m.from}`, m.sources]);
  for (const c of CROSS_BUILD_PROCESS) out.push([`cross ${c.imageBuild}→${c.hostMinBuild}`, c.sources]);
  for (const b of REVISION_BASELINES) out.push([`baseline ${b.build}`, b.sources]);
  for (const h of HOST_ONLY_IMAGES) out.push([`host-only ${h.hostBuild}`, h.sources]);
  for (const l of NODE_LABELS) out.push([`label ${l.key}`, l.sources]);
  out.push(['hyperv facts', HYPERV_UNSUPPORTED_IN_KUBERNETES.sources]);
  out.push(['containerd matcher', CONTAINERD_MATCHER.sources]);
  out.push(['swarm', SWARM.sources]);
  return out;
}

test('SOURCES has every §0 key, each with a title and a url or path', () => {
  for (const key of SECTION0_KEYS) assert.ok(SOURCES[key], `missing source ${key}`);
  for (const [key, s] of Object.entries(SOURCES)) {
    assert.ok(s.title.length > 0, key);
    if (SECTION0_KEYS.includes(key)) assert.ok(s.url || s.path, `${key} has a url or path`);
  }
});

test('every sources key exists in SOURCES and every row cites at least one', () => {
  for (const [where, sources] of allSourceLists()) {
    assert.ok(sources.length > 0, `${where} cites a source`);
    for (const key of sources) assert.ok(SOURCES[key], `${where}: unknown source ${key}`);
  }
});

test('builds are unique, ascending, and match CONTAINER_BUILDS', () => {
  const builds = WINDOWS_BUILDS.map((b) => b.build);
  assert.deepEqual(builds, [...builds].sort((a, b) => a - b));
  assert.equal(new Set(builds).size, builds.length);
  assert.deepEqual(
    WINDOWS_BUILDS.filter((b) => b.containerImages).map((b) => b.build),
    [...CONTAINER_BUILDS],
  );
  assert.equal(buildInfo(26100)?.serverProducts.includes('Windows Server 2025'), true);
  assert.equal(buildInfo(28000)?.confidence, 'unconfirmed');
  assert.equal(buildInfo(12345), undefined);
});

test('release ids and aliases are lower-case and unique across the table', () => {
  const seen = new Map<string, string>();
  for (const r of WINDOWS_RELEASES) {
    for (const name of [r.id, ...r.aliases]) {
      assert.equal(name, name.toLowerCase(), `${r.id}: ${name} is lower-case`);
      assert.ok(!seen.has(name), `${name} used by ${seen.get(name)} and ${r.id}`);
      seen.set(name, r.id);
    }
  }
});

test('releases: builds exist, isolation follows the family, dates are ordered', () => {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  for (const r of WINDOWS_RELEASES) {
    assert.ok(KNOWN_BUILDS.has(r.build), `${r.id}: build ${r.build} in WINDOWS_BUILDS`);
    assert.equal(r.defaultIsolation, r.family === 'server' ? 'process' : 'hyperv', r.id);
    for (const d of [r.available, r.mainstreamEnd, r.supportEnd]) {
      if (d === undefined) continue;
      assert.match(d, date, `${r.id}: ${d}`);
      assert.equal(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10), d, `${r.id}: ${d} is a real date`);
    }
    if (r.available && r.mainstreamEnd) assert.ok(r.available < r.mainstreamEnd, `${r.id}: available < mainstreamEnd`);
    if (r.mainstreamEnd && r.supportEnd) assert.ok(r.mainstreamEnd <= r.supportEnd, `${r.id}: mainstreamEnd <= supportEnd`);
    if (r.available && r.supportEnd) assert.ok(r.available < r.supportEnd, `${r.id}: available < supportEnd`);
  }
});

test('release look-ups', () => {
  assert.equal(findRelease('ltsc2022')?.build, 20348);
  assert.equal(findRelease('WS2019')?.id, 'ltsc2019');
  assert.equal(findRelease(' Windows-Server-2025 ')?.supportEnd, '2034-11-14');
  assert.equal(findRelease('ltsc2025')?.mainstreamEnd, '2029-11-13');
  assert.equal(findRelease('1809')?.id, 'ws1809');
  assert.equal(findRelease('2009')?.id, 'ws20h2');
  assert.equal(findRelease('annual-23h2')?.build, 25398);
  assert.equal(findRelease('win11-24h2')?.family, 'client');
  assert.equal(findRelease('windows10-1809')?.defaultIsolation, 'hyperv');
  assert.equal(findRelease('nope'), undefined);
  const ids = (b: number) => releasesForBuild(b).map((r) => r.id);
  for (const id of ['ltsc2019', 'ws1809', 'win10-1809']) assert.ok(ids(17763).includes(id), id);
  for (const id of ['ltsc2025', 'win11-24h2']) assert.ok(ids(26100).includes(id), id);
  for (const id of ['ltsc2016', 'win10-1607']) assert.ok(ids(14393).includes(id), id);
  assert.equal(releasesForBuild(17763)[0].id, 'ltsc2019', 'LTSC first');
});

test('tokens: unique, lower-case, builds known, unambiguous only for non-numbers', () => {
  assert.equal(TOKENS.size, WINDOWS_TOKENS.length);
  for (const t of WINDOWS_TOKENS) {
    assert.equal(t.token, t.token.toLowerCase());
    assert.ok(KNOWN_BUILDS.has(t.build), `${t.token}: build ${t.build}`);
    assert.ok(CONTAINER_BUILDS.includes(t.build), `${t.token}: a container build`);
    const unambiguous = /^ltsc\d{4}$/.test(t.token) || t.token === 'sac2016' || t.token === 'win10-21h1-preview';
    assert.equal(t.unambiguous, unambiguous, t.token);
  }
  assert.equal(tokenInfo('1809')?.unambiguous, false);
  assert.equal(tokenInfo('LTSC2019')?.build, 17763);
  assert.equal(tokenInfo('20H2')?.build, 19042);
  assert.deepEqual(tokensForBuild(17763).map((t) => t.token).sort(), ['1809', 'ltsc2019']);
  assert.deepEqual(tokensForBuild(20348).map((t) => t.token).sort(), ['ltsc2022', 'win10-21h1-preview']);
});

test('repositories: names unique and normalised, tokens known, shared tags well-formed', () => {
  const names = REPOSITORIES.map((r) => r.name);
  assert.equal(new Set(names).size, names.length);
  for (const r of REPOSITORIES) {
    assert.equal(r.name, r.name.toLowerCase());
    assert.match(r.name, /^(docker\.io\/|mcr\.microsoft\.com\/|registry\.k8s\.io\/)/);
    for (const p of r.published) {
      for (const t of [...p.current, ...p.historical]) {
        assert.equal(t, t.toLowerCase(), `${r.name}: ${t}`);
        assert.ok(TOKENS.has(t), `${r.name}: token ${t} is in WINDOWS_TOKENS`);
      }
      for (const t of p.current) assert.ok(!p.historical.includes(t), `${r.name}: ${t} both current and historical`);
    }
    for (const s of r.sharedTags) {
      assert.doesNotThrow(() => new RegExp(`^(?:${s.pattern})$`, 'i'), `${r.name}: ${s.pattern}`);
      assert.ok(!new RegExp(`^(?:${s.pattern})$`, 'i').test(''), `${r.name}: ${s.pattern} matches the empty tag`);
      for (const b of s.windowsBuilds) assert.ok(CONTAINER_BUILDS.includes(b), `${r.name} ${s.pattern}: build ${b}`);
      assert.equal(new Set(s.windowsBuilds).size, s.windowsBuilds.length, `${r.name} ${s.pattern}: no duplicate build`);
      assert.ok(s.windowsBuilds.length > 0 || s.linux, `${r.name} ${s.pattern}: names some image`);
    }
    // a tag with a published token must not be swallowed by a shared tag pattern
    for (const p of r.published) {
      for (const t of p.current) {
        const tag = p.variant ? `1.0-${p.variant}-${t}` : t;
        const hit = r.sharedTags.find((s) => new RegExp(`^(?:${s.pattern})$`, 'i').test(tag));
        assert.equal(hit, undefined, `${r.name}: ${tag} matches shared ${hit?.pattern}`);
      }
    }
  }
  assert.equal(findRepository('mcr.microsoft.com/dotnet/nope'), undefined);
});

test('repositories: facts from §3.2–3.4 and §3.7', () => {
  // .NET 8+ multi-platform tags are Linux only
  for (const tag of ['8.0', '9.0', '10.0', 'latest']) {
    const s = sharedTag('mcr.microsoft.com/dotnet/aspnet', tag);
    assert.deepEqual(s?.windowsBuilds, [], tag);
    assert.equal(s?.linux, true, tag);
  }
  assert.equal(findRepository('mcr.microsoft.com/dotnet/aspnet')?.otherTagsAreLinux, true);
  const nano = findRepository('mcr.microsoft.com/dotnet/runtime')!.published.find((p) => p.variant === 'nanoserver')!;
  assert.ok(!nano.current.includes('ltsc2019') && !nano.historical.includes('ltsc2019'), 'never nanoserver-ltsc2019');
  assert.deepEqual(nano.current, ['1809', 'ltsc2022', 'ltsc2025']);
  assert.ok((sharedTag('mcr.microsoft.com/dotnet/core/runtime', '3.1')?.windowsBuilds.length ?? 0) > 0);
  // .NET Framework
  for (const r of ['runtime', 'sdk', 'aspnet', 'wcf']) {
    const repo = `mcr.microsoft.com/dotnet/framework/${r}`;
    assert.deepEqual(sharedTag(repo, '4.8')?.windowsBuilds, [14393, 17763]);
    assert.deepEqual(sharedTag(repo, 'latest')?.windowsBuilds, [14393, 17763]);
    assert.deepEqual(sharedTag(repo, '4.8.1')?.windowsBuilds, [20348, 26100]);
  }
  // Windows base images: no `latest`, Windows repo has no 2022/2025 token
  assert.equal(sharedTag('mcr.microsoft.com/windows/servercore', 'latest'), undefined);
  assert.equal(findRepository('mcr.microsoft.com/windows/servercore')?.otherTagsAreLinux, false);
  const windows = findRepository('mcr.microsoft.com/windows')!;
  assert.ok(!windows.published.some((p) => p.current.includes('ltsc2022') || p.current.includes('ltsc2025')));
  const nanoBase = findRepository('mcr.microsoft.com/windows/nanoserver')!;
  assert.ok(!nanoBase.published.some((p) => p.current.includes('ltsc2019')), 'nano ltsc2019 is observed only');
  // IIS
  assert.ok((sharedTag('mcr.microsoft.com/windows/servercore/iis', 'latest')?.windowsBuilds.length ?? 0) > 1);
  // Docker official images
  for (const repo of OFFICIAL_REPOSITORIES) {
    for (const p of repo.published) assert.ok(!p.historical.includes('ltsc2019') && !p.current.includes('ltsc2019'), repo.name);
  }
  const golangLatest = sharedTag('docker.io/library/golang', 'latest');
  assert.deepEqual([...(golangLatest?.windowsBuilds ?? [])].sort(), [20348, 26100]);
  assert.equal(golangLatest?.linux, true);
  assert.equal(sharedTag('docker.io/library/golang', '1.25.3')?.linux, true);
  assert.equal(sharedTag('docker.io/library/golang', '1.25-windowsservercore')?.linux, false);
  assert.equal(sharedTag('docker.io/library/golang', 'nanoserver')?.linux, false);
  assert.equal(sharedTag('docker.io/library/golang', '1.25-alpine'), undefined, 'Linux-only tag');
  assert.equal(sharedTag('docker.io/library/python', '3.14-slim'), undefined, 'Linux-only tag');
  assert.equal(sharedTag('docker.io/library/python', '3.15-rc')?.linux, true);
  assert.equal(sharedTag('docker.io/library/eclipse-temurin', '21-jdk')?.linux, true);
  assert.equal(sharedTag('docker.io/library/hello-world', 'latest')?.linux, true);
  assert.equal(sharedTag('docker.io/library/hello-world', 'linux'), undefined);
  assert.equal(sharedTag('docker.io/library/docker', '29'), undefined, 'bare docker tag is Linux');
  assert.equal(sharedTag('docker.io/library/docker', 'windowsservercore')?.linux, false);
  for (const repo of ['docker.io/library/traefik', 'docker.io/library/swift']) {
    assert.deepEqual(findRepository(repo)?.sharedTags, [], repo);
  }
  assert.deepEqual(findRepository('docker.io/library/swift')?.published.map((p) => p.current), [['ltsc2022']]);
  // pause
  assert.deepEqual(sharedTag('registry.k8s.io/pause', '3.10')?.windowsBuilds, [17763, 20348, 26100]);
  assert.equal(sharedTag('registry.k8s.io/pause', '3.10')?.confidence, 'derived');
  assert.deepEqual(sharedTag('mcr.microsoft.com/oss/kubernetes/pause', '3.6')?.windowsBuilds, [17763, 20348, 26100]);
});

test('moves: unique, normalised, successors known where tags carry over', () => {
  const froms = REPOSITORY_MOVES.map((m) => m.from);
  assert.equal(new Set(froms).size, froms.length);
  for (const m of REPOSITORY_MOVES) {
    assert.match(m.from, /^(docker\.io\/|mcr\.microsoft\.com\/)/, m.from);
    if (m.to) assert.match(m.to, /^(docker\.io\/|mcr\.microsoft\.com\/)/, m.to);
    if (m.to === null) assert.equal(m.sameTags, false, m.from);
  }
  assert.equal(findMove('docker.io/microsoft/windowsservercore')?.to, 'mcr.microsoft.com/windows/servercore');
  assert.equal(findMove('docker.io/microsoft/windowsservercore')?.sameTags, true);
  assert.equal(findMove('docker.io/microsoft/dotnet')?.sameTags, false);
  assert.equal(findMove('docker.io/microsoft/mssql-server-windows-express')?.to, null);
  for (const m of REPOSITORY_MOVES.filter((x) => x.sameTags && x.to && !x.to.includes('/nightly/'))) {
    const repo: RepositoryInfo | undefined = findRepository(m.to!);
    assert.ok(repo, `${m.from} → ${m.to} is a known repository`);
  }
});

test('compatibility rules reference known builds', () => {
  for (const b of CONTAINER_BUILDS) assert.ok(KNOWN_BUILDS.has(b), `${b}`);
  for (const r of CROSS_BUILD_PROCESS) {
    assert.ok(CONTAINER_BUILDS.includes(r.imageBuild), `image ${r.imageBuild}`);
    if (r.hostMaxBuild !== undefined) {
      assert.ok(KNOWN_BUILDS.has(r.hostMaxBuild), `max ${r.hostMaxBuild}`);
      assert.ok(r.hostMinBuild <= r.hostMaxBuild);
    }
    for (const b of r.hostBuilds ?? []) assert.ok(KNOWN_BUILDS.has(b), `host ${b}`);
    // a newer host; equal builds only for a server image on a client host (WS2025 image on Windows 11 24H2)
    assert.ok(r.hostMinBuild > r.imageBuild || (r.hostMinBuild === r.imageBuild && r.hostFamily === 'client'));
    if (r.confidence !== 'confirmed') assert.ok(r.caveat, 'a non-confirmed rule explains itself');
  }
  for (const b of [...REVISION_EXACT_BUILDS, ...REVISION_BASELINES.map((x) => x.build), CLIENT_PROCESS_MIN_BUILD]) {
    assert.ok(KNOWN_BUILDS.has(b), `${b}`);
  }
  for (const h of HOST_ONLY_IMAGES) {
    assert.ok(KNOWN_BUILDS.has(h.hostBuild));
    for (const b of h.imageBuilds) assert.ok(CONTAINER_BUILDS.includes(b));
  }
  for (const b of CONTAINERD_MATCHER.compatLtsc) assert.ok(CONTAINER_BUILDS.includes(b));
  const rule = (img: number, family: string, host: number) => CROSS_BUILD_PROCESS.find((r) => r.imageBuild === img
    && r.hostFamily === family && host >= r.hostMinBuild && (r.hostMaxBuild === undefined || host <= r.hostMaxBuild)
    && (!r.hostBuilds || r.hostBuilds.includes(host)));
  assert.equal(rule(20348, 'server', 26100)?.confidence, 'confirmed');
  assert.equal(rule(20348, 'server', 25398)?.confidence, 'confirmed');
  assert.equal(rule(20348, 'server', 30000)?.confidence, 'unconfirmed');
  assert.equal(rule(20348, 'client', 22621)?.confidence, 'confirmed');
  assert.ok(rule(20348, 'client', 22621)?.caveat, 'Windows 11 case is a preview');
  assert.equal(rule(26100, 'client', 26100)?.confidence, 'confirmed');
  assert.equal(rule(26100, 'client', 26200)?.confidence, 'unconfirmed');
  assert.equal(rule(17763, 'server', 20348), undefined);
  assert.equal(rule(20348, 'client', 19045), undefined, 'not on Windows 10');
  assert.deepEqual(REVISION_BASELINES.map((b) => [b.build, b.revision, b.date]), [[17763, 1039, '2020-02-11']]);
  assert.equal(HYPERV_POD_ANNOTATION, 'experimental.windows.kubernetes.io/isolation-type');
  assert.equal(HYPERV_HANDLER, 'runhcs-wcow-hypervisor');
  assert.equal(HYPERV_UNSUPPORTED_IN_KUBERNETES.removedAnnotation.removed, '1.21');
});

test('kubernetes and swarm facts', () => {
  assert.deepEqual(POD_SPEC_PATHS.Deployment, ['spec', 'template', 'spec']);
  assert.deepEqual(POD_SPEC_PATHS.CronJob, ['spec', 'jobTemplate', 'spec', 'template', 'spec']);
  assert.deepEqual(POD_SPEC_PATHS.Pod, ['spec']);
  assert.deepEqual(POD_SPEC_PATHS.PodTemplate, ['template', 'spec']);
  assert.deepEqual([...CONTAINER_LIST_KEYS], ['containers', 'initContainers', 'ephemeralContainers']);
  assert.equal(DEPRECATED_LABELS['beta.kubernetes.io/os'], 'kubernetes.io/os');
  assert.equal(DEPRECATED_LABELS['beta.kubernetes.io/arch'], 'kubernetes.io/arch');
  assert.equal(DEPRECATED_LABELS['beta.kubernetes.io/osbuild'], LABEL_WINDOWS_BUILD);
  assert.equal(windowsBuildLabelValue(20348), '10.0.20348');
  assert.deepEqual({ ...WINDOWS_TOLERATION }, { key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' });
  assert.deepEqual([...SWARM.operators], ['==', '!=']);
  assert.equal(SWARM.platformOsKey, 'node.platform.os');
  assert.equal(SWARM.microsoftVersionLabel, 'OsVersion');
});
