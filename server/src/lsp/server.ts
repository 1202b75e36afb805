// The wincompat language server on a given connection: capabilities, document sync and the
// providers (diagnostics scheduling, code actions, hover, completion, workspace check,
// configuration). main.ts runs it over stdio; tests run it in-process over a stream pair.
import * as nodePath from 'node:path';
import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion';
import { CODE_ACTION_KINDS, registerCodeActions } from './code-actions';
import { ConfigurationProvider } from './configuration';
import { ServerContext } from './context';
import { DiagnosticsScheduler } from './diagnostics';
import { registerHover } from './hover';
import { registerConfigEdits } from './config-edits';
import { WorkspaceCheck } from './workspace-check';
import { SETTINGS_SECTION } from '../shared/settings';

export const SERVER_NAME = 'wincompat-language-server';

/** files whose changes on disk matter: configuration, Dockerfiles, YAML, compose `.env` */
const WATCHED = ['**/.wincompat.yaml', '**/{Dockerfile,Containerfile}*', '**/*.{dockerfile,Dockerfile}', '**/*.{yml,yaml}', '**/.env'];

export interface RunningServer { ctx: ServerContext; scheduler: DiagnosticsScheduler; check: WorkspaceCheck }

export function startServer(connection: Connection): RunningServer {
  const ctx = new ServerContext(connection);
  const config = new ConfigurationProvider(ctx);
  const scheduler = new DiagnosticsScheduler(ctx, config);
  const check = new WorkspaceCheck(ctx, config, scheduler);
  let dynamicConfiguration = false;
  let workspaceFolderEvents = false;

  /** Dockerfile name patterns: the editor's (global and per folder) and the folder roots' `.wincompat.yaml` */
  const refreshPatterns = async (): Promise<boolean> => {
    const patterns = [...(await config.editorSettings(undefined)).dockerfilePatterns];
    for (const f of ctx.folders) {
      const r = await config.resolve(ctx.uriOf(f), nodePath.join(f, '.wincompat-scope'));
      patterns.push(...r.settings.dockerfilePatterns, ...(r.fileSettings.dockerfilePatterns ?? []));
    }
    const changed = ctx.setDockerfilePatterns([...new Set(patterns)]);
    // a new analyzer has an empty build index: `.wincompat.yaml` images are read again
    if (changed) config.forgetAll();
    return changed;
  };
  scheduler.beforeRevalidate = refreshPatterns;

  connection.onInitialize(ctx.guard('initialize', { capabilities: {} } as InitializeResult, (params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    ctx.support = {
      configuration: caps.workspace?.configuration === true,
      workDoneProgress: caps.window?.workDoneProgress === true,
      snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      markdownHover: !caps.textDocument?.hover?.contentFormat || caps.textDocument.hover.contentFormat.includes('markdown'),
    };
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    ctx.folders = folders.map((f) => ctx.pathOf(f.uri)).filter((p): p is string => Boolean(p));
    const options = (params.initializationOptions ?? {}) as { today?: unknown; settings?: unknown };
    if (typeof options.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(options.today)) ctx.today = options.today;
    if (options.settings !== undefined && !ctx.support.configuration) config.settingsChanged({ [SETTINGS_SECTION]: options.settings });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME },
    };
  }));

  connection.onInitialized(ctx.guardNotification('initialized', async () => {
    if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (ctx.support.watchedFilesRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    }
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(ctx.guardNotification('didChangeWorkspaceFolders', (e) => {
        const removed = new Set(e.removed.map((f) => ctx.pathOf(f.uri)));
        ctx.folders = [...ctx.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => ctx.pathOf(f.uri)).filter((p): p is string => Boolean(p))];
        config.forgetAll();
        scheduler.revalidateAll();
      }));
    }
    if (await refreshPatterns()) scheduler.revalidateAll();
    // learn what the workspace builds in the background; re-publish what that changes
    if (await check.indexWorkspace()) scheduler.revalidateAll(true);
  }));

  // open, change, close: TextDocuments fires onDidChangeContent for an open too; the open is handled once
  const justOpened = new Set<string>();
  ctx.documents.onDidOpen(ctx.guardNotification('didOpen', (e) => { justOpened.add(e.document.uri); scheduler.opened(e.document.uri); }));
  ctx.documents.onDidChangeContent(ctx.guardNotification('didChange', (e) => {
    if (justOpened.delete(e.document.uri)) return;
    scheduler.changed(e.document.uri);
  }));
  ctx.documents.onDidClose(ctx.guardNotification('didClose', (e) => { justOpened.delete(e.document.uri); scheduler.closed(e.document.uri); }));

  connection.onDidChangeConfiguration(ctx.guardNotification('didChangeConfiguration', (p) => {
    config.settingsChanged(p?.settings);
    scheduler.revalidateAll();
  }));
  connection.onDidChangeWatchedFiles(ctx.guardNotification('didChangeWatchedFiles', (p) => scheduler.filesChanged(p.changes ?? [])));

  registerCodeActions(ctx, scheduler);
  registerHover(ctx, scheduler);
  registerConfigEdits(ctx);
  registerCompletion(ctx, config);
  check.register();

  connection.onShutdown(() => {
    ctx.shuttingDown = true;
    scheduler.dispose();
  });

  ctx.documents.listen(connection);
  connection.listen();
  return { ctx, scheduler, check };
}
