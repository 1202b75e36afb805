// Runs the extension-host suite (client/src/test, compiled to out/client/src/test/index.js: an
// `extensionTestsPath` module exporting run()) inside code-server's real Node extension host, with
// the extension loaded from the repository (`extensionDevelopmentPath`, no .vsix).
// Started by scripts/test-vscode.sh, which runs code-server with
// `--vscode-option enable-smoke-test-driver`: a built workbench honours the URL `payload`
// (extensionDevelopmentPath / extensionTestsPath) only then. The workbench calls
// window.codeAutomationExit(code) when the test extension host exits; mocha's output reaches the
// page console and is printed here.
// Env: CS_URL, WS_DIR (workspace folder), EXT_DIR (extension folder), TESTS (absolute path of the
//      compiled entry), OUT_DIR (screenshot on failure), CHROMIUM (default: chromium on PATH),
//      E2E_TIMEOUT_MS (default 240000). Needs playwright-core resolvable (NODE_PATH).
// Exit 0 when the suite passed. The suite's counts are on the line WINCOMPAT-EXTENSION-TESTS {...}.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { format } from 'node:util';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const { CS_URL, WS_DIR, EXT_DIR, TESTS, OUT_DIR } = process.env;
const timeout = Number(process.env.E2E_TIMEOUT_MS || 240000);
if (!CS_URL || !WS_DIR || !EXT_DIR || !TESTS) { console.error('CS_URL, WS_DIR, EXT_DIR, TESTS are required'); process.exit(2); }
const executablePath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
const t0 = Date.now();

// the workbench's remote authority is in its configuration meta tag
const html = await (await fetch(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}`)).text();
const m = html.match(/id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/);
const settings = m ? JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) : {};
const authority = settings.remoteAuthority || 'remote';
const remote = (p) => `vscode-remote://${authority}${p}`;
const payload = [['extensionDevelopmentPath', remote(EXT_DIR)], ['extensionTestsPath', remote(TESTS)]];

const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
});
let code = 'error';
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (c) => resolveExit(c));
  // extension-host console output (mocha's reporter included) is forwarded to the page console
  // The workbench logs as console.log('%c INFO', css, message, ...args) and mocha's reporter hands
  // it a format string and its arguments: strip the level prefix, then format the message itself.
  page.on('console', async (msg) => {
    let args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => undefined)));
    let level = '';
    if (typeof args[0] === 'string' && args[0].startsWith('%c')) { level = args[0].slice(2).trim(); args = args.slice(2); }
    if (!args.length || (args.length === 1 && args[0] === undefined)) return;
    const line = format(...args);
    if (/^(Failed to load resource|\[Violation\])|ENOTFOUND|open-vsx|marketplace/i.test(line)) return;
    const text = line.length > 3000 ? line.slice(0, 3000) + '…' : line;
    console.log(text.split('\n').map((l) => `[exthost]${level === 'ERR' ? ' ERR' : ''} ${l}`).join('\n'));
  });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeout))]);
  if (code !== 0 && OUT_DIR) await page.screenshot({ path: path.join(OUT_DIR, 'extension-tests-failed.png') }).catch(() => {});
} catch (e) {
  console.error('extension test run failed:', e?.message ?? e);
} finally {
  await browser.close().catch(() => {});
}
console.log(`extension tests finished: exit=${code} after ${Date.now() - t0} ms`);
process.exit(code === 0 ? 0 : 1);
