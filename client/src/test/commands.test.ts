// The palette commands on the unfixed fixture workspace: the workspace check's summary, the report
// HTML, a target change through `setTarget` (with arguments, no UI) that the diagnostics follow,
// in the settings or in an existing `.wincompat.yaml`, and the output channel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceSummary } from '../report-model';
import { activateExtension, waitForClean, waitForNoRule, waitForRule, waitForWebviewTab, webviewTabs, workspaceUri, type WincompatApi } from './helpers';

const REPORT_TITLE = 'Windows Container Compatibility';
const IMG_2019 = 'mcr.microsoft.com/windows/servercore:ltsc2019';
const IMG_NANO = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
const IMG_IIS = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';

suite('commands', () => {
  let api: WincompatApi;
  const dockerfile = () => workspaceUri('Dockerfile');
  const deployment = () => workspaceUri('k8s', 'deployment.yaml');
  const compose = () => workspaceUri('compose.yaml');
  const statusText = () => api.status?.item.text ?? '';
  /** on a Windows Server 2019 host the ltsc2019 image runs and the ltsc2022 ones are too new */
  const judgedOnWindowsServer2019 = async () => {
    await waitForNoRule(dockerfile(), 'process-isolation-mismatch');
    await waitForRule(compose(), 'image-newer-than-host');
  };
  /** back on the default Windows Server 2022: the original findings */
  const judgedOnTheDefaultTarget = async () => {
    await waitForRule(dockerfile(), 'process-isolation-mismatch');
    await waitForClean(compose());
  };

  suiteSetup(async () => {
    api = await activateExtension();
    for (const uri of [dockerfile(), deployment(), compose()]) await vscode.workspace.openTextDocument(uri);
    await waitForRule(dockerfile(), 'process-isolation-mismatch');
    await waitForRule(deployment(), 'k8s-missing-os-selector');
    await waitForClean(compose());
  });

  suiteTeardown(async () => {
    // back to the default target whatever happened
    await vscode.workspace.getConfiguration('wincompat').update('targets', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('checkWorkspace returns the summary with the expected counts', async () => {
    const s = await vscode.commands.executeCommand<WorkspaceSummary>('wincompat.checkWorkspace');
    assert.ok(s, 'no summary returned');
    assert.equal(s.cancelled, false);
    assert.equal(s.files, 3, 'files');
    assert.equal(s.images, 3, 'images');
    assert.deepEqual(s.diagnostics, { error: 1, warning: 1, information: 0, hint: 0 });
    assert.equal(s.targets.length, 1);
    assert.deepEqual({ name: s.targets[0].name, build: s.targets[0].build, isolation: s.targets[0].isolation },
      { name: 'Windows Server 2022', build: '10.0.20348', isolation: 'process' });
    const rows = new Map(s.matrix.map((r) => [r.ref, r.verdicts.map((v) => v.status)]));
    assert.deepEqual(Object.fromEntries(rows), { [IMG_2019]: ['hyperv'], [IMG_NANO]: ['process'], [IMG_IIS]: ['process'] });
    // the status bar now shows the result: the ltsc2019 image does not run with process isolation
    assert.match(statusText(), /Windows Server 2022: 1 incompatible/);
    const cmd = api.status!.item.command;
    assert.equal(typeof cmd === 'string' ? cmd : cmd?.command, 'wincompat.showReport');
  });

  test('showReport opens the report and returns its HTML with the matrix', async () => {
    const html = await vscode.commands.executeCommand<string>('wincompat.showReport');
    assert.ok(html, 'no HTML returned');
    assert.match(html, /<table id="matrix">/);
    assert.match(html, /<th>Windows Server 2022<div class="where">10\.0\.20348 · process<\/div><\/th>/);
    assert.match(html, /<b id="files">3<\/b>/);
    assert.match(html, /<b id="images">3<\/b>/);
    assert.match(html, /<b id="errors">1<\/b>/);
    assert.match(html, /<b id="warnings">1<\/b>/);
    for (const ref of [IMG_2019, IMG_NANO, IMG_IIS]) assert.ok(html.includes(`>${ref}</a>`), `${ref} missing from the matrix`);
    // worst first: the image that needs Hyper-V comes before the ones that run
    assert.ok(html.indexOf(IMG_2019) < html.indexOf(IMG_NANO), 'rows are not sorted worst first');
    assert.match(html, /Hyper-V isolation only/);
    await waitForWebviewTab(REPORT_TITLE);
    assert.equal(webviewTabs(REPORT_TITLE).length, 1, 'one report panel');
  });

  test('setTarget with arguments changes the target and the diagnostics follow', async () => {
    assert.equal(await vscode.commands.executeCommand('wincompat.setTarget', { host: 'ltsc2019', isolation: 'process' }), true);
    assert.deepEqual(vscode.workspace.getConfiguration('wincompat').get('targets'), [{ host: 'ltsc2019', isolation: 'process' }]);
    // on Windows Server 2019 the ltsc2019 image is fine and the ltsc2022 images are too new
    await waitForNoRule(dockerfile(), 'process-isolation-mismatch');
    await waitForRule(compose(), 'image-newer-than-host');
    await waitForRule(deployment(), 'image-newer-than-host');
    // the status bar no longer shows the old target's result
    assert.doesNotMatch(statusText(), /Windows Server 2022/, `status bar still shows the old target: ${statusText()}`);
    const s = await vscode.commands.executeCommand<WorkspaceSummary>('wincompat.checkWorkspace', { silent: true });
    assert.equal(s.targets[0].build, '10.0.17763');
    assert.equal(s.diagnostics.error, 2);
    assert.match(statusText(), /Windows Server 2019: 2 incompatible/);
    const html = await vscode.commands.executeCommand<string>('wincompat.showReport');
    assert.match(html, /<th>Windows Server 2019<div class="where">10\.0\.17763 · process<\/div><\/th>/);

    // and back: the original findings return
    assert.equal(await vscode.commands.executeCommand('wincompat.setTarget', { host: 'ltsc2022', isolation: 'process' }), true);
    await waitForRule(dockerfile(), 'process-isolation-mismatch');
    await waitForClean(compose());
    await waitForNoRule(deployment(), 'image-newer-than-host');
  });

  test('setTarget in a workspace with a .wincompat.yaml writes the target there, its comments kept', async () => {
    const config = workspaceUri('.wincompat.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('# the build farm\nswarmBuildLabel: OsVersion\n'));
    try {
      assert.equal(await vscode.commands.executeCommand('wincompat.setTarget', { host: 'ltsc2019', isolation: 'process' }), true);
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
      assert.equal(written, '# the build farm\nswarmBuildLabel: OsVersion\ntargets:\n  - host: ltsc2019\n    isolation: process\n');
      await judgedOnWindowsServer2019();
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await judgedOnTheDefaultTarget();
  });

  test('importTargets reads an inventory into .wincompat.yaml and the diagnostics follow its pools', async () => {
    const ext = vscode.extensions.getExtension('wincompat.wincompat')!;
    const inventory = vscode.Uri.joinPath(ext.extensionUri, 'test', 'fixtures', 'inventory', 'docker-info-ws2019.json').fsPath;
    const config = workspaceUri('.wincompat.yaml');
    try {
      assert.equal(await vscode.commands.executeCommand('wincompat.importTargets', { file: inventory }), true);
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
      assert.match(written, /host: 10\.0\.17763/);
      await judgedOnWindowsServer2019();
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await judgedOnTheDefaultTarget();
  });

  test('showOutput shows the output channel', async () => {
    await vscode.commands.executeCommand('wincompat.showOutput');
    assert.equal(api.client.outputChannel.name, 'Windows Containers');
  });
});
