// Bundles the CLI, the language server and the VS Code client with esbuild. Each bundle is one
// self-contained file (the .vsix ships only these); `vscode` stays external for the client.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';

const quiet = process.argv.includes('--quiet');
// --production (vsce prepublish): minified, no source maps, so the .vsix stays small
const production = process.argv.includes('--production');

/**
 * The `yaml` parser reads `process.env.LOG_TOKENS` once per token (and the composer
 * `LOG_STREAM` once per document), a debugging switch of its own: an environment read is a call
 * into the runtime, and it cost 15% of parsing a workspace's manifests (measured: 385 → 325 ms for
 * 1,592 documents). The bundles read it never. A `yaml` release that words it differently fails
 * the build here, so the patch is looked at again rather than silently lost.
 */
const yamlDebugSwitches = {
  name: 'yaml-debug-switches',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](?:parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace(/\bnode_process\.env\.LOG_(?:TOKENS|STREAM)\b/g, 'false');
      if (patched === source) throw new Error(`${args.path}: no LOG_TOKENS/LOG_STREAM switch found; review the yaml-debug-switches patch`);
      return { contents: patched, loader: 'js' };
    });
  },
};
const common = { plugins: [yamlDebugSwitches], bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: production ? false : 'linked', minify: production, logLevel: quiet ? 'error' : 'info' };
const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/scan-worker.ts'], outfile: 'dist/scan-worker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));
await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
for (const f of ['dist/cli.js', 'dist/server.js']) if (existsSync(f)) chmodSync(f, 0o755);
