// Image reference → OS and Windows build(s), driven by the knowledge tables themselves: every token of
// data/tokens.ts, every published token of every repository of data/repositories.ts (in the
// repository's tag layout), every shared tag; then the reference's specific cases (§3.1–§3.5).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveImage, type ImageFacts } from '../../server/src/engine/resolve/resolve-image';
import { REPOSITORIES } from '../../server/src/engine/data/repositories';
import { WINDOWS_TOKENS, tokenInfo } from '../../server/src/engine/data/tokens';
import type { RepositoryInfo, SharedTag } from '../../server/src/engine/data/schema';
import { analyzeText } from '../helpers/fixtures';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

function facts(ref: string): ImageFacts {
  return resolveImage(ref);
}

function assertWindows(ref: string, build: number, extra: { revision?: number; arch?: string } = {}): ImageFacts {
  const f = facts(ref);
  assert.equal(f.os, 'windows', `${ref}: os (${f.note ?? ''})`);
  assert.deepEqual(f.builds, [build], `${ref}: build`);
  if ('revision' in extra) assert.equal(f.revision, extra.revision, `${ref}: revision`);
  if ('arch' in extra) assert.equal(f.arch, extra.arch, `${ref}: arch`);
  return f;
}

/** A tag of `repo` in its layout for `token` of `variant` (`ltsc2022`, `1.0-nanoserver-ltsc2022`). */
function tagFor(repo: RepositoryInfo, variant: string | undefined, token: string): string {
  if (repo.layout === 'token-first') return token;
  // .NET-style `<ver>-<variant>-<token>`; IIS publishes `windowsservercore-<token>` without a version
  return repo.name.endsWith('/iis') ? `${variant}-${token}` : `1.0-${variant}-${token}`;
}

/** Candidate tags for shared-tag patterns; the test picks, per pattern, one its repository reads as that shared tag. */
const SHARED_TAG_EXAMPLES = [
  'latest', 'lts', 'preview', 'nanoserver', 'windowsservercore', 'windowsserver', 'lts-nanoserver', 'preview-windowsservercore',
  'lts-windowsserver', '4.8.1', '4.8', 'aspnetapp', '2.1', '3.1', '6.0', '7.0', '8.0', '9.0', '10.0', '10.0-preview.7',
  '1.27', '3.13', '3', '3.11-7.3.20', '2.10-builder', 'builder', '1.1-python3.13', '21-jdk', '8u412-b08-jre', '26-ea-jdk', '26',
  '3.10', '3.6', '1.27-windowsservercore', '1.27-nanoserver',
];

function sharedTagOf(repo: RepositoryInfo, tag: string): SharedTag | undefined {
  return repo.sharedTags.find((s) => new RegExp(`^(?:${s.pattern})$`, 'i').test(tag));
}

describe('every token of data/tokens.ts', () => {
  for (const t of WINDOWS_TOKENS) {
    test(`${t.token} → ${t.build}`, () => {
      // in a Windows base repository, as written and upper-cased (tokens compare case-insensitively)
      assertWindows(`mcr.microsoft.com/windows/servercore:${t.token}`, t.build);
      assertWindows(`mcr.microsoft.com/windows/servercore:${t.token.toUpperCase()}`, t.build);
      // after a variant word, in any repository (a private registry)
      assertWindows(`contoso.azurecr.io/orders/api:2.3.1-nanoserver-${t.token}`, t.build);
      assertWindows(`registry.contoso.local:5000/tools:1.0-windowsservercore-${t.token}-amd64`, t.build, { arch: 'amd64' });
      assert.equal(tokenInfo(t.token)?.build, t.build);
      // a bare numeric token in a third-party tag is a version, not a Windows release (§3.5 caution)
      const thirdParty = facts(`contoso/app:${t.token}`);
      if (t.unambiguous) assert.deepEqual(thirdParty.builds, [t.build], `${t.token} cannot be mistaken for a version`);
      else assert.notEqual(thirdParty.os, 'windows', `contoso/app:${t.token} must not read as Windows ${t.token}`);
    });
  }
});

describe('every repository of data/repositories.ts', () => {
  for (const repo of REPOSITORIES) {
    describe(repo.name, () => {
      const tokens = repo.published.flatMap((p) => [...p.current, ...p.historical].map((token) => ({ variant: p.variant, token })));
      test(`its ${tokens.length} published tokens resolve in its ${repo.layout} layout`, () => {
        for (const { variant, token } of tokens) {
          const build = tokenInfo(token)?.build;
          assert.ok(build, `${repo.name}: token ${token} is in data/tokens.ts`);
          const ref = `${repo.name}:${tagFor(repo, variant, token)}`;
          const f = assertWindows(ref, build);
          // a renamed repository (dotnet/core/* → dotnet/*) is read through its successor's row
          assert.equal(f.repository?.name, f.move?.sameTags ? f.move.to : repo.name, `${ref}: found in the table`);
        }
      });

      for (const shared of repo.sharedTags) {
        test(`shared tag /${shared.pattern}/ → ${shared.windowsBuilds.length ? shared.windowsBuilds.join(', ') : 'no Windows entry'}${shared.linux ? ' + linux' : ''}`, () => {
          const example = SHARED_TAG_EXAMPLES.find((tag) => sharedTagOf(repo, tag) === shared && !facts(`${repo.name}:${tag}`).token);
          assert.ok(example, `add an example tag for shared tag /${shared.pattern}/ of ${repo.name} to SHARED_TAG_EXAMPLES`);
          const ref = `${repo.name}:${example}`;
          const f = facts(ref);
          const expectedOs = shared.windowsBuilds.length === 0 ? (shared.linux ? 'linux' : 'unknown')
            : shared.windowsBuilds.length === 1 && !shared.linux ? 'windows' : 'multi';
          assert.equal(f.os, expectedOs, `${ref}: os`);
          assert.deepEqual(f.builds, shared.windowsBuilds, `${ref}: Windows builds in index order`);
        });
      }

      if (repo.otherTagsAreLinux) {
        test('a tag without a Windows token is Linux', () => {
          const f = facts(`${repo.name}:0.0.0-alpine-wincompat-test`);
          assert.equal(f.os, 'linux');
        });
      }
    });
  }
});

describe('specific references', () => {
  test('10.0.17763.1040: build and revision', () => {
    const f = assertWindows('mcr.microsoft.com/windows/servercore:10.0.17763.1040', 17763, { revision: 1040 });
    assert.equal(f.token?.form, 'number');
  });

  test('ltsc2019-KB4493509: a KB-pinned tag of 2019', () => {
    assertWindows('mcr.microsoft.com/windows/servercore:ltsc2019-KB4493509', 17763);
    assertWindows('mcr.microsoft.com/windows/servercore:ltsc2022-KB5033118-amd64', 20348, { arch: 'amd64' });
  });

  test('1809_KB4480116_amd64: the legacy underscore form', () => {
    assertWindows('mcr.microsoft.com/windows/servercore:1809_KB4480116_amd64', 17763, { arch: 'amd64' });
    assertWindows('mcr.microsoft.com/windows/servercore:1809_amd64', 17763, { arch: 'amd64' });
  });

  test('ltsc2025-arm64: Windows Server 2025 for ARM64', () => {
    assertWindows('mcr.microsoft.com/windows/nanoserver:ltsc2025-arm64', 26100, { arch: 'arm64' });
    assertWindows('mcr.microsoft.com/windows/servercore:ltsc2025', 26100, { arch: undefined });
    assertWindows('mcr.microsoft.com/windows/nanoserver:1809-arm32v7', 17763, { arch: 'arm' });
  });

  test('10.0.<build>.<rev>-amd64', () => {
    assertWindows('mcr.microsoft.com/windows/servercore:10.0.20348.2655-amd64', 20348, { revision: 2655, arch: 'amd64' });
  });

  test('a tag plus a digest resolves by its tag and keeps the digest', () => {
    const f = assertWindows(`mcr.microsoft.com/windows/servercore:ltsc2022@${DIGEST}`, 20348);
    assert.equal(f.reference?.digest, DIGEST);
    assert.equal(f.reference?.tag, 'ltsc2022');
  });

  test('a digest alone is not the `latest` tag: the build is unknown', () => {
    const base = facts(`mcr.microsoft.com/windows/servercore@${DIGEST}`);
    assert.equal(base.os, 'windows', 'a Windows base repository holds only Windows images');
    assert.deepEqual(base.builds, []);
    assert.doesNotMatch(base.note ?? '', /latest/);
    // a shared `latest` list must not be assumed: the digest may be any of its entries
    for (const ref of [`golang@${DIGEST}`, `mcr.microsoft.com/dotnet/aspnet@${DIGEST}`]) {
      const f = facts(ref);
      assert.equal(f.os, 'unknown', `${ref}: os`);
      assert.deepEqual(f.builds, [], `${ref}: builds`);
    }
    // and a Windows Dockerfile on such a digest gets no "Linux-only tag" error
    const report = analyzeText('/virtual/Dockerfile', `# escape=\`\nFROM mcr.microsoft.com/dotnet/aspnet@${DIGEST}\nSHELL ["powershell"]\n`);
    assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), []);
    assert.equal(report.images[0].resolved, `mcr.microsoft.com/dotnet/aspnet@${DIGEST}`);
  });

  test('golang → docker.io/library/golang, a multi-OS list with Windows entries', () => {
    const f = facts('golang');
    assert.equal(f.reference?.name, 'docker.io/library/golang');
    assert.equal(f.reference?.tag, 'latest');
    assert.equal(f.reference?.implicitTag, true);
    assert.equal(f.os, 'multi');
    assert.deepEqual(f.builds, [26100, 20348]);
    const report = analyzeText('/virtual/Dockerfile', 'FROM golang\n');
    assert.equal(report.images[0].resolved, 'docker.io/library/golang:latest');
    assert.deepEqual(report.images[0].windowsBuilds, ['10.0.26100', '10.0.20348']);
  });

  test('a private registry image with `-nanoserver-ltsc2022` in its tag', () => {
    const f = assertWindows('contosoacr.azurecr.io/orders-api:2.3.1-nanoserver-ltsc2022', 20348);
    assert.equal(f.reference?.registry, 'contosoacr.azurecr.io');
    assert.equal(f.repository, undefined, 'not a table repository');
    assertWindows('localhost:5000/contoso/tools:1.4-windowsservercore-1809', 17763);
  });

  test('third-party tags like myapp:2004 are not Windows 2004', () => {
    for (const ref of ['myapp:2004', 'contoso/app:2004', 'contoso/app:1809', 'registry.contoso.local/app:v1909', 'contoso/app:2004-alpine', 'contoso/app:20H2']) {
      const f = facts(ref);
      assert.notEqual(f.os, 'windows', `${ref} is not a Windows image`);
      assert.deepEqual(f.builds, [], `${ref} has no Windows build`);
    }
    assert.equal(facts('myapp:2004').reference?.name, 'docker.io/library/myapp');
  });

  test('mcr.microsoft.com/dotnet/aspnet:8.0 is Linux-only', () => {
    const f = facts('mcr.microsoft.com/dotnet/aspnet:8.0');
    assert.equal(f.os, 'linux');
    assert.deepEqual(f.builds, []);
    assert.equal(facts('mcr.microsoft.com/dotnet/aspnet:latest').os, 'linux');
    assertWindows('mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809', 17763);
    assertWindows('mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2019', 17763);
  });

  test('mcr.microsoft.com/dotnet/framework/aspnet:4.8 lists 14393 and 17763 (ltsc2022 removed Oct 2025)', () => {
    const f = facts('mcr.microsoft.com/dotnet/framework/aspnet:4.8');
    assert.equal(f.os, 'multi');
    assert.deepEqual(f.builds, [14393, 17763]);
    assert.deepEqual(facts('mcr.microsoft.com/dotnet/framework/aspnet:4.8.1').builds, [20348, 26100]);
    assertWindows('mcr.microsoft.com/dotnet/framework/aspnet:4.8-20260714-windowsservercore-ltsc2019', 17763);
  });

  test('legacy Docker Hub names resolve through their MCR successor', () => {
    const f = assertWindows('microsoft/windowsservercore:ltsc2016', 14393);
    assert.equal(f.move?.to, 'mcr.microsoft.com/windows/servercore');
    assertWindows('microsoft/windowsservercore', 14393); // Docker Hub `latest` was WS2016
    assertWindows('microsoft/nanoserver:1809', 17763);
  });

  test('`latest` of a Windows base repository is an unknown tag, not a build', () => {
    const f = facts('mcr.microsoft.com/windows/servercore:latest');
    assert.equal(f.os, 'windows');
    assert.deepEqual(f.builds, []);
    assert.equal(f.unknownTag, true);
    assert.equal(facts('mcr.microsoft.com/windows/nanoserver').unknownTag, true);
  });

  test('invalid references are unknown, never thrown on', () => {
    for (const ref of ['', 'UPPER/Case:tag', 'a b', 'repo:tag:again', 'repo@sha256:xyz', ':ltsc2022']) {
      const f = facts(ref);
      assert.equal(f.os, 'unknown', JSON.stringify(ref));
    }
  });
});
