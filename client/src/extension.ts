// The VS Code client: hosts the wincompat language server and adds what only VS Code can do
// (commands, status bar, report view). Activation starts the server and nothing else.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { ReportView } from './report-view';
import { StatusItem } from './status';

let client: LanguageClient | undefined;

/** Files the server reads besides open documents: their changes re-judge dependents. */
const WATCHED = '**/{Dockerfile,Dockerfile.*,Dockerfile-*,*.Dockerfile,*.dockerfile,Containerfile,*.yml,*.yaml,.env,.wincompat.yaml}';

/** The returned API is what tests (client/src/test) reach through `extension.exports`. */
export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; report: ReportView; status: StatusItem; activationMs: number }> {
  const started = Date.now();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,Dockerfile-*,*.Dockerfile,Containerfile}' },
      { scheme: 'untitled', language: 'dockerfile' },
    ],
    synchronize: {
      configurationSection: 'wincompat',
      fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED),
    },
    outputChannelName: 'Windows Containers',
  };
  client = new LanguageClient('wincompat', 'Windows Containers', serverOptions, clientOptions);
  const report = new ReportView(context);
  const status = new StatusItem();
  context.subscriptions.push(status, ...registerCommands(context, client, report, status));
  await client.start();
  status.refresh();
  // from activate() to a running server that has answered initialize
  const activationMs = Date.now() - started;
  client.outputChannel.appendLine(`wincompat: activated in ${activationMs} ms`);
  return { client, report, status, activationMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
