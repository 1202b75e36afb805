// Bundles the CLI, the language server and the VS Code client with esbuild. Each bundle is one
// self-contained file (the .vsix ships only these); `vscode` stays external for the client.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const quiet = process.argv.includes('--quiet');
// --production (vsce prepublish): minified, no source maps, so the .vsix stays small
const production = process.argv.includes('--production');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: production ? false : 'linked', minify: production, logLevel: quiet ? 'error' : 'info' };
const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/scan-worker.ts'], outfile: 'dist/scan-worker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));
await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
for (const f of ['dist/cli.js', 'dist/server.js']) if (existsSync(f)) chmodSync(f, 0o755);
