// Extension-host test entry (`extensionTestsPath`): VS Code loads this module inside the real
// extension host, with the extension loaded from the repository (`extensionDevelopmentPath`), and
// calls run(). scripts/test-vscode.sh runs it in code-server on a copy of
// test/e2e/workspaces/basic; the same contract works with @vscode/test-electron elsewhere.
// The suites run in this order, on one workspace: activation, commands (on the unfixed files,
// target changed and restored), quick fixes (they change the files), then the clean re-check.
import * as path from 'node:path';
import Mocha = require('mocha');

const FILES = ['activation.test.js', 'commands.test.js', 'quickfix.test.js'];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.WINCOMPAT_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of FILES) mocha.addFile(path.resolve(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        // one machine-readable line for the harness (scripts/test-vscode.sh counts from it)
        console.log(`WINCOMPAT-EXTENSION-TESTS ${JSON.stringify({ passes: s?.passes ?? 0, failures, pending: s?.pending ?? 0, ms: s?.duration ?? 0 })}`);
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}
