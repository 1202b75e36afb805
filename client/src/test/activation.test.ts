// The extension activates in the real extension host, starts the language server and shows its
// status bar item.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

suite('activation', () => {
  test('the extension activates and its language server is running', async () => {
    const api = await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    console.log(`activation (activate() to a running language server): ${api.activationMs} ms`);
    assert.ok(api.client.isRunning(), 'the language client is not running');
    const caps = api.client.initializeResult?.capabilities;
    assert.ok(caps?.codeActionProvider, 'the server announces no code actions');
    assert.ok(caps?.textDocumentSync !== undefined, 'the server announces no document sync');
  });

  test('every contributed command is registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    assert.ok(contributed.length >= 5);
    for (const c of contributed) {
      assert.ok(all.has(c), `${c} is not registered`);
    }
  });

  test('the status bar item shows the default target before any check', async () => {
    const api = await activateExtension();
    assert.ok(api.status, 'activate() does not expose the status item');
    const item = api.status.item;
    assert.equal(item.name, 'Windows Container Compatibility');
    assert.match(item.text, /Windows Server 2022/);
    assert.equal(typeof item.command === 'string' ? item.command : item.command?.command, 'wincompat.setTarget');
  });
});
