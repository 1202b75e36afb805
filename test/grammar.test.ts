// The injection grammar, run through the real TextMate engine VS Code uses (vscode-textmate +
// vscode-oniguruma): Windows images and their release tokens get the grammar's scopes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const root = path.resolve(__dirname, '../..');
const INJECTION = 'wincompat.windows-image.injection';

async function grammarFor(base: 'source.dockerfile' | 'source.yaml'): Promise<IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === INJECTION) return JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/windows-image.injection.json'), 'utf8'));
      return { scopeName: scope, patterns: [] } as never; // a bare base grammar: the injection does the work
    },
    getInjections: (scope) => (scope === base ? [INJECTION] : []),
  });
  return (await registry.loadGrammar(base))!;
}

function scopesOf(g: IGrammar, line: string, text: string): string[] {
  const { tokens } = g.tokenizeLine(line, INITIAL);
  const start = line.indexOf(text);
  const t = tokens.find((tok) => tok.startIndex <= start && tok.endIndex > start);
  return t?.scopes ?? [];
}

test('Dockerfile FROM: the Windows image and its release token are scoped', async () => {
  const g = await grammarFor('source.dockerfile');
  const line = 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/servercore:ltsc2019 AS base';
  assert.ok(scopesOf(g, line, 'mcr.microsoft.com').includes('entity.name.type.windows-image.wincompat'));
  assert.ok(scopesOf(g, line, 'ltsc2019').includes('constant.language.windows-release.wincompat'));
  assert.ok(!scopesOf(g, line, 'AS').includes('entity.name.type.windows-image.wincompat'));
});

test('YAML image: values of Windows images are scoped, Linux images are not', async () => {
  const g = await grammarFor('source.yaml');
  const win = '        image: "mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809"';
  assert.ok(scopesOf(g, win, '1809').includes('constant.language.windows-release.wincompat'));
  const linux = '        image: nginx:1.27-alpine';
  assert.ok(!scopesOf(g, linux, 'nginx').includes('entity.name.type.windows-image.wincompat'));
});
