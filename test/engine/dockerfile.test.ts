// Dockerfiles: stages, ARG substitution, build-arg overrides from compose, stage references and
// COPY --from, and the lexical corners (escape directive, CRLF, BOM, heredocs, --platform) that
// decide which lines are FROM instructions (reference §4.8).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileReport, ImageReport } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { analyzeText, codes, configFrom, describeReport } from '../helpers/fixtures';

const DF = '/virtual/app/Dockerfile';
const SC = 'mcr.microsoft.com/windows/servercore';

function analyze(text: string, path = DF): FileReport {
  const r = analyzeText(path, text);
  assert.deepEqual(r.errors, [], 'no input errors');
  return r;
}

/** [ref as written, resolved, windowsBuild] of every image, in order */
function images(r: FileReport): Array<[string, string, string | null]> {
  return r.images.map((i) => [i.ref, i.resolved, i.windowsBuild]);
}

/** the text an image's range covers in the analysed text */
function covered(text: string, image: ImageReport): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(image.range.start), lines.offset(image.range.end));
}

describe('ARG substitution in FROM', () => {
  const text = `# Global ARGs: only these may precede the first FROM.
ARG REPO="${SC}"
ARG TAG=ltsc2022
ARG EMPTY
FROM $REPO:$TAG AS plain
FROM \${REPO}:\${TAG} AS braced
FROM \${REPO}:\${EMPTY:-ltsc2019} AS defaulted
FROM \${REPO}:\${TAG:+ltsc2025} AS alternative
FROM \${REPO}:ltsc\${EMPTY:+2019}2022 AS alternative-unset
`;
  const r = analyze(text);

  test('$VAR, ${VAR}, ${VAR:-default}, ${VAR:+alt} resolve as Docker does', () => {
    assert.deepEqual(images(r), [
      ['$REPO:$TAG', `${SC}:ltsc2022`, '10.0.20348'],
      ['${REPO}:${TAG}', `${SC}:ltsc2022`, '10.0.20348'],
      ['${REPO}:${EMPTY:-ltsc2019}', `${SC}:ltsc2019`, '10.0.17763'],
      ['${REPO}:${TAG:+ltsc2025}', `${SC}:ltsc2025`, '10.0.26100'],
      ['${REPO}:ltsc${EMPTY:+2019}2022', `${SC}:ltsc2022`, '10.0.20348'],
    ]);
  });

  test('each finding is reported on the FROM that uses the value', () => {
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.start.line]), [
      ['process-isolation-mismatch', 6],
      ['image-newer-than-host', 7],
    ]);
    for (const i of r.images) assert.equal(covered(text, i), i.ref, 'the range covers the reference as written');
  });

  test('an ARG default may use an earlier ARG', () => {
    const r2 = analyze(`ARG RELEASE=ltsc2019\nARG BASE=${SC}:\${RELEASE}\nFROM \${BASE}\n`);
    assert.deepEqual(images(r2), [['${BASE}', `${SC}:ltsc2019`, '10.0.17763']]);
  });

  test('an ARG declared after the first FROM does not reach a later FROM', () => {
    const r2 = analyze(`FROM ${SC}:ltsc2022 AS a\nARG TAG=ltsc2019\nFROM ${SC}:\${TAG}\n`);
    // an unresolved reference is reported as written, not as a half-substituted `…servercore:`
    assert.equal(r2.images[1].resolved, `${SC}:\${TAG}`);
    assert.ok(codes(r2).includes('unresolved-variable'), describeReport(r2));
  });

  test('an ARG without a value and without a build argument → unresolved-variable', () => {
    const r2 = analyze(`ARG WINDOWS_VERSION\nFROM ${SC}:\${WINDOWS_VERSION}\n`);
    const d = r2.diagnostics.find((x) => x.code === 'unresolved-variable');
    assert.ok(d, describeReport(r2));
    assert.match(d.message, /WINDOWS_VERSION/);
    assert.equal(d.range.start.line, 1);
    assert.equal(r2.images[0].os, 'unknown');
    assert.equal(codes(r2).filter((c) => c !== 'unresolved-variable').length, 0, 'nothing is judged on a half-resolved reference');
  });

  test('an unknown $VAR that is not an ARG is unresolved too', () => {
    const r2 = analyze(`FROM ${SC}:$NOT_DECLARED\n`);
    assert.deepEqual(codes(r2), ['unresolved-variable']);
  });
});

describe('build-arg overrides from compose build.args', () => {
  const dockerfile = `ARG WINDOWS_VERSION=ltsc2019
FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-\${WINDOWS_VERSION}
`;
  const files = { '/virtual/app/Dockerfile': dockerfile };
  const compose = (args: string) => `services:
  web:
    image: contoso/web:1.0
    build:
      context: ./app
${args}`;

  test('a mapping build arg overrides the ARG default', () => {
    const r = analyzeText('/virtual/compose.yaml', compose('      args:\n        WINDOWS_VERSION: ltsc2022\n'), undefined, files);
    assert.equal(r.images[0].resolved, 'mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022');
    assert.deepEqual(r.diagnostics, []);
  });

  test('a list build arg (KEY=VALUE) overrides it too', () => {
    const r = analyzeText('/virtual/compose.yaml', compose('      args:\n        - WINDOWS_VERSION=ltsc2022\n'), undefined, files);
    assert.equal(r.images[0].windowsBuild, '10.0.20348');
  });

  test('without args the Dockerfile default applies, and the fix edits the Dockerfile', () => {
    const r = analyzeText('/virtual/compose.yaml', compose(''), undefined, files);
    assert.equal(r.images[0].windowsBuild, '10.0.17763');
    const d = r.diagnostics.find((x) => x.code === 'process-isolation-mismatch');
    assert.ok(d, describeReport(r));
    const retag = d.fixes.find((f) => f.kind === 'retag');
    assert.equal(retag?.edits[0].path, '/virtual/app/Dockerfile');
  });

  test('the same Dockerfile analysed alone uses its default', () => {
    const r = analyze(dockerfile, '/virtual/app/Dockerfile');
    assert.equal(r.images[0].windowsBuild, '10.0.17763');
  });
});

describe('stages', () => {
  const text = `FROM ${SC}:ltsc2019 AS base
FROM base AS build
RUN msbuild
FROM build AS test
FROM mcr.microsoft.com/windows/nanoserver:1809 AS final
COPY --from=build C:/out C:/app
COPY --from=0 C:/tools C:/tools
COPY --from=BUILD C:/more C:/more
COPY --from=mcr.microsoft.com/windows/servercore:ltsc2022 C:/Windows/System32/curl.exe C:/bin/
COPY --from=golang:1.27-windowsservercore-ltsc2025 C:/go C:/go
`;
  const r = analyze(text);

  test('FROM <stage> carries the base of that stage, transitively', () => {
    const fromRefs = r.images.slice(0, 4);
    assert.deepEqual(fromRefs.map((i) => [i.ref, i.resolved]), [
      [`${SC}:ltsc2019`, `${SC}:ltsc2019`],
      ['base', `${SC}:ltsc2019`],
      ['build', `${SC}:ltsc2019`],
      ['mcr.microsoft.com/windows/nanoserver:1809', 'mcr.microsoft.com/windows/nanoserver:1809'],
    ]);
    assert.equal(fromRefs[2].windowsBuild, '10.0.17763', 'a chain of two stage references still knows the build');
  });

  test('stage references are judged where the image is written, not again on each FROM <stage>', () => {
    const lines = r.diagnostics.filter((d) => d.code === 'process-isolation-mismatch').map((d) => d.range.start.line);
    assert.deepEqual(lines, [0, 4]);
  });

  test('COPY --from a stage name (any case) or index is not an image; COPY --from an image is', () => {
    const copies = r.images.slice(4).map((i) => i.ref);
    assert.deepEqual(copies, ['mcr.microsoft.com/windows/servercore:ltsc2022', 'golang:1.27-windowsservercore-ltsc2025']);
    assert.equal(r.images.length, 6);
  });

  test('a COPY --from image is only pulled: a newer one is still reported, an older one is not', () => {
    const newer = r.diagnostics.filter((d) => d.code === 'image-newer-than-host');
    assert.deepEqual(newer.map((d) => d.range.start.line), [9]);
    const ok = analyze(`FROM ${SC}:ltsc2022\nCOPY --from=${SC}:ltsc2019 C:/x C:/x\n`);
    assert.deepEqual(ok.diagnostics, [], describeReport(ok));
  });

  test('a stage named like an image shadows it', () => {
    const r2 = analyze(`FROM ${SC}:ltsc2022 AS golang\nFROM golang\n`);
    assert.equal(r2.images[1].resolved, `${SC}:ltsc2022`);
  });

  test('a compose build target picks the stage; its base is followed', () => {
    const files = { '/virtual/app/Dockerfile': text };
    const compose = `services:\n  app:\n    build:\n      context: ./app\n      target: test\n`;
    const c = analyzeText('/virtual/compose.yaml', compose, undefined, files);
    assert.equal(c.images[0].resolved, `${SC}:ltsc2019`);
  });
});

describe('lexical corners', () => {
  test('# escape=` with backtick continuations', () => {
    const text = `# escape=\`
ARG TAG=ltsc2019
FROM \`
    ${SC}:\${TAG} \`
    AS build
RUN powershell -Command \`
    $ErrorActionPreference = 'Stop'; \`
    Write-Host C:\\build\\
FROM build
`;
    const r = analyze(text);
    assert.deepEqual(images(r).map(([ref, resolved]) => [ref, resolved]), [
      [`${SC}:\${TAG}`, `${SC}:ltsc2019`],
      ['build', `${SC}:ltsc2019`],
    ]);
    assert.equal(r.images[0].range.start.line, 3, 'the reference is on the continuation line');
    assert.equal(covered(text, r.images[0]), `${SC}:\${TAG}`);
    assert.deepEqual(codes(r), ['process-isolation-mismatch']);
  });

  test('a backslash at the end of a Windows path is not a continuation under # escape=`', () => {
    const r = analyze(`# escape=\`\nFROM ${SC}:ltsc2022\nWORKDIR C:\\app\\\nFROM ${SC}:ltsc2019\n`);
    assert.equal(r.images.length, 2);
    assert.equal(r.images[1].windowsBuild, '10.0.17763');
  });

  test('CRLF line endings', () => {
    const text = `# escape=\`\r\nARG TAG=ltsc2019\r\nFROM ${SC}:\${TAG} AS build\r\nRUN powershell -Command \`\r\n    Write-Host hi\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\n`;
    const r = analyze(text);
    assert.deepEqual(images(r), [
      [`${SC}:\${TAG}`, `${SC}:ltsc2019`, '10.0.17763'],
      ['mcr.microsoft.com/windows/nanoserver:ltsc2022', 'mcr.microsoft.com/windows/nanoserver:ltsc2022', '10.0.20348'],
    ]);
    for (const i of r.images) assert.equal(covered(text, i), i.ref, 'no \\r in the reference or its range');
    const fix = r.diagnostics[0].fixes.find((f) => f.kind === 'retag');
    assert.deepEqual(fix?.edits[0].range, { start: { line: 1, character: 8 }, end: { line: 1, character: 16 } });
  });

  test('a byte-order mark: the reference and its range are still right', () => {
    const text = `\ufeff# Build agent\nFROM ${SC}:ltsc2019\n`;
    const r = analyze(text);
    assert.equal(r.images[0].resolved, `${SC}:ltsc2019`);
    assert.equal(covered(text, r.images[0]), `${SC}:ltsc2019`);
    const first = analyze(`\ufeffFROM ${SC}:ltsc2019\n`);
    assert.equal(first.images.length, 1, 'FROM right after the BOM is still an instruction');
    assert.equal(first.images[0].windowsBuild, '10.0.17763');
  });

  test('an empty file, and a file of comments only: no image, no error', () => {
    for (const text of ['', '\n\n', '# nothing here yet\n', '\ufeff']) {
      const r = analyze(text);
      assert.deepEqual([r.images, r.diagnostics], [[], []], JSON.stringify(text));
    }
  });

  test('heredoc bodies that contain a line starting with FROM are not instructions', () => {
    const text = `# syntax=docker/dockerfile:1
FROM ${SC}:ltsc2022
RUN <<EOF
FROM ${SC}:ltsc2019
echo not an instruction
EOF
COPY <<-"NOTES" C:/app/notes.txt
	FROM mcr.microsoft.com/windows/nanoserver:1809
	NOTES
RUN <<A <<B
FROM ${SC}:ltsc2016
A
FROM ${SC}:1809
B
`;
    const r = analyze(text);
    assert.deepEqual(images(r).map(([ref]) => ref), [`${SC}:ltsc2022`]);
    assert.deepEqual(r.diagnostics, []);
  });

  test('FROM --platform=windows/amd64 is read past the flag; linux/amd64 places a Windows image on Linux', () => {
    const text = `FROM --platform=windows/amd64 ${SC}:ltsc2022 AS win\nFROM --platform=linux/amd64 ${SC}:ltsc2022 AS wrong\n`;
    const r = analyze(text);
    assert.deepEqual(r.images.map((i) => covered(text, i)), [`${SC}:ltsc2022`, `${SC}:ltsc2022`]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.start.line]), [['os-placement-mismatch', 1]]);
  });

  test('FROM --platform=$BUILDPLATFORM: automatic platform ARGs are not unresolved', () => {
    const r = analyze(`FROM --platform=$BUILDPLATFORM ${SC}:ltsc2022\n`);
    assert.deepEqual(r.diagnostics, []);
  });

  test('lower-case instructions and a digest-pinned base', () => {
    const r = analyze(`from ${SC}:ltsc2019@sha256:${'ab'.repeat(32)} as base\n`);
    assert.equal(r.images[0].windowsBuild, '10.0.17763');
    assert.ok(codes(r).includes('process-isolation-mismatch'));
  });

  test('Dockerfile names: Dockerfile.<x>, <x>.dockerfile, Containerfile', () => {
    for (const name of ['Dockerfile.windows', 'api.dockerfile', 'Containerfile', 'dockerfile']) {
      const r = analyzeText(`/virtual/${name}`, `FROM ${SC}:ltsc2019\n`, configFrom({ targets: ['ltsc2019'] }));
      assert.equal(r.kind, 'dockerfile', name);
      assert.equal(r.images.length, 1, name);
    }
  });
});
