// UI test of the packaged extension in the real VS Code workbench (code-server), driven through
// headless Chromium with playwright-core. scripts/test-vscode.sh installs the .vsix into a
// throwaway code-server, opens a copy of test/e2e/workspaces/basic and runs this script.
// Steps (a screenshot after each, in OUT_DIR):
//   1 workbench ready (explorer lists the fixture files)
//   2 Dockerfile open: error squiggle, Problems panel row with the rule id
//   3 Ctrl+. on the FROM line: the quick fix menu, item picked by its title
//   4 fix applied, Ctrl+S, the file on disk has the ltsc2022 FROM line, squiggle gone
//   5 F1 "Check Workspace Compatibility": the result toast and the status bar item
//   6 F1 "Show Compatibility Report": the webview shows the matrix
// Waits are on DOM state only (no sleeps). Prints `STEP PASS|FAIL|SKIP name` per step and the counts
// on the line WINCOMPAT-UI-TESTS {...}; exit 1 when a step failed.
// Env: CS_URL, WS_DIR, OUT_DIR (screenshots), CHROMIUM (default: chromium on PATH),
//      E2E_TIMEOUT_MS (per wait, default 60000). Needs playwright-core resolvable (NODE_PATH).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const { CS_URL, WS_DIR } = process.env;
const OUT_DIR = process.env.OUT_DIR || 'test-results/screenshots';
const timeout = Number(process.env.E2E_TIMEOUT_MS || 60000);
if (!CS_URL || !WS_DIR) { console.error('CS_URL and WS_DIR are required'); process.exit(2); }
mkdirSync(OUT_DIR, { recursive: true });
const executablePath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();

const RULE = 'process-isolation-mismatch';
const FIX_TITLE = 'Retag to `mcr.microsoft.com/windows/servercore:ltsc2022`';
const FIXED_LINE = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022';
const REPORT_TITLE = 'Windows Container Compatibility';

const t0 = Date.now();
const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(timeout);
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
const shot = async (name) => { const p = path.join(OUT_DIR, name); await page.screenshot({ path: p }); console.log(`  screenshot ${p}`); };

const counts = { passes: 0, failures: 0, skipped: 0 };
let broken = false;
async function step(name, fn) {
  if (broken) { counts.skipped++; console.log(`STEP SKIP ${name}`); return; }
  const t = Date.now();
  try {
    const note = await fn();
    counts.passes++;
    console.log(`STEP PASS ${name} (${Date.now() - t} ms, at ${Date.now() - t0} ms)${note ? ': ' + note : ''}`);
  } catch (e) {
    counts.failures++; broken = true;
    console.log(`STEP FAIL ${name} (${Date.now() - t} ms): ${e?.message?.split('\n').slice(0, 6).join(' | ') ?? e}`);
    await shot(`failed-${name.replace(/\W+/g, '-')}.png`).catch(() => {});
  }
}

/** Runs a command from the palette (F1), waiting until the first row is the wanted one. */
async function palette(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: title }).waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

async function waitForDisk(file, pred, what) {
  const deadline = Date.now() + timeout;
  while (!pred(readFileSync(file, 'utf8'))) {
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(readFileSync(file, 'utf8'))}`);
    await page.waitForTimeout(50); // polling the disk: the page has no event for it
  }
}

const editor = page.locator('.editor-group-container .monaco-editor').first();
const statusItem = page.locator('.statusbar-item', { hasText: /Windows Server 2022/ });

try {
  await step('1-workbench', async () => {
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Dockerfile' }).waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'compose.yaml' }).waitFor();
    // the extension activates on workspaceContains:**/Dockerfile and shows its status bar item
    await statusItem.first().waitFor();
    await shot('1-workbench.png');
    return `status bar item "${(await statusItem.first().innerText()).trim()}"`;
  });

  await step('2-diagnostic', async () => {
    await page.keyboard.press('Control+P');
    const qi = page.locator('.quick-input-widget input');
    await qi.waitFor({ state: 'visible' });
    await qi.fill('Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: 'Dockerfile' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'Dockerfile' }).waitFor();
    const tOpen = Date.now();
    await editor.locator('.squiggly-error').first().waitFor();
    const diagMs = Date.now() - tOpen;
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: RULE });
    await row.first().waitFor();
    const text = (await row.first().innerText()).replace(/\s+/g, ' ');
    if (!text.includes('ltsc2019')) throw new Error(`Problems row does not name the image: ${text}`);
    await shot('2-diagnostic.png');
    return `squiggle ${diagMs} ms after open; Problems: ${text.slice(0, 160)}`;
  });

  await step('3-quickfix-menu', async () => {
    // cursor on the FROM line (the diagnostic's line), then Ctrl+.
    await editor.locator('.view-line', { hasText: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019' }).click();
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE });
    await item.waitFor();
    await shot('3-quickfix-menu.png');
    const items = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await item.click();
    return `menu: ${JSON.stringify(items)}`;
  });

  await step('4-fixed-and-saved', async () => {
    await editor.locator('.view-line', { hasText: FIXED_LINE }).waitFor();
    await page.locator('.tab.active.dirty', { hasText: 'Dockerfile' }).waitFor();
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active:not(.dirty)', { hasText: 'Dockerfile' }).waitFor();
    await waitForDisk(path.join(WS_DIR, 'Dockerfile'), (t) => t.split('\n').includes(FIXED_LINE), 'fix not on disk');
    await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
    await page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first().waitFor({ state: 'detached' });
    await shot('4-fixed-and-saved.png');
    return 'FROM line on disk: ' + FIXED_LINE;
  });

  await step('5-check-workspace', async () => {
    await palette('Check Workspace Compatibility');
    const toast = page.locator('.notification-toast', { hasText: /\d+ images? in \d+ files?: \d+ errors?, \d+ warnings?/ });
    await toast.waitFor();
    const msg = (await toast.innerText()).split('\n').find((l) => /images in/.test(l)) ?? '';
    // the Dockerfile is fixed; the Deployment still has its missing-selector warning
    if (!/3 images in 3 files: 0 errors, 1 warning\b/.test(msg)) throw new Error(`unexpected summary: ${msg}`);
    await statusItem.filter({ hasText: '0 incompatible' }).waitFor();
    await toast.locator('.monaco-button', { hasText: 'Open Report' }).waitFor();
    // for the screenshot: the progress toast gone, the result toast done sliding in
    await page.locator('.notification-toast', { hasText: 'Checking Windows container compatibility' }).waitFor({ state: 'detached' });
    await page.locator('.notification-toast.notification-fade-in-done', { hasText: /\d+ images? in \d+ files?/ }).waitFor();
    await shot('5-check-workspace.png');
    return `toast "${msg}", status bar "${(await statusItem.first().innerText()).trim()}"`;
  });

  await step('6-report', async () => {
    await palette('Show Compatibility Report');
    await page.locator('.tab.active', { hasText: REPORT_TITLE }).waitFor();
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const table = frame.locator('table#matrix');
    await table.waitFor();
    await frame.locator('#matrix th', { hasText: 'Windows Server 2022' }).waitFor();
    const rows = (await frame.locator('#matrix tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    for (const ref of ['servercore:ltsc2022', 'nanoserver:ltsc2022', 'iis:windowsservercore-ltsc2022']) {
      if (!rows.some((r) => r.includes(ref))) throw new Error(`matrix has no row for ${ref}: ${JSON.stringify(rows)}`);
    }
    if (rows.length !== 3) throw new Error(`expected 3 matrix rows: ${JSON.stringify(rows)}`);
    const errors = await frame.locator('#errors').innerText();
    await shot('6-report.png');
    return `${rows.length} rows, errors=${errors}: ${JSON.stringify(rows)}`;
  });
} finally {
  await browser.close().catch(() => {});
  console.log(`WINCOMPAT-UI-TESTS ${JSON.stringify({ ...counts, ms: Date.now() - t0 })}`);
}
process.exit(counts.failures ? 1 : 0);
