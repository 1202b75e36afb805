// Test harness for the language server: runs startServer() in-process over a pair of streams and
// gives tests a protocol client that answers workspace/configuration and work-done-progress
// requests, records every notification, and waits for diagnostics by condition (never by time:
// every wait has a timeout that fails the test).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ClientCapabilities, type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';
import { messageEncoder } from '../../server/src/lsp/message-encoder';
import { startServer, type RunningServer } from '../../server/src/lsp/server';
import type { WincompatSettings } from '../../server/src/shared/settings';

/** the repository: up from the compiled test (out/test/lsp), else the working directory */
export const REPO = ((): string => {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'test/lsp/fixtures'))) return dir;
  }
  return process.cwd();
})();
export const FIXTURES = path.join(REPO, 'test/lsp/fixtures');
/** lifecycle findings depend on the date: tests judge against a fixed one */
export const TODAY = '2025-06-01';
const TIMEOUT_MS = 10000;

export interface ProgressEvent { token: string | number; value: { kind: 'begin' | 'report' | 'end'; message?: string; percentage?: number } }

export interface StartOptions {
  /** folder under test/lsp/fixtures copied to a temp workspace */
  fixture?: string;
  /** extra files (relative path → text) written into the workspace */
  files?: Record<string, string>;
  /** editor settings the client answers workspace/configuration with */
  settings?: Partial<WincompatSettings>;
  capabilities?: ClientCapabilities;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly createdTokens: Array<string | number> = [];
  readonly logs: string[] = [];
  configurationRequests = 0;
  initializeResult: InitializeResult | undefined;
  private readonly waiters = new Set<() => void>();
  private readonly docs = new Map<string, TextDocument>();

  constructor(readonly conn: ProtocolConnection, readonly root: string, readonly server: RunningServer, public settings: Partial<WincompatSettings>) {
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { this.published.push(p); this.wake(); });
    conn.onNotification('$/progress', (p: ProgressEvent) => { this.progress.push(p); this.wake(); });
    conn.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => { this.configurationRequests++; return p.items.map(() => this.settings); });
    conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => { this.createdTokens.push(p.token); return null; });
    conn.onRequest('client/registerCapability', () => null);
  }

  uri(rel: string): string { return pathToFileURL(path.join(this.root, rel)).href; }
  file(rel: string): string { return path.join(this.root, rel); }
  text(uri: string): string { return this.docs.get(uri)!.getText(); }
  version(uri: string): number { return this.docs.get(uri)!.version; }

  /** opens a workspace file (its disk text unless `text` is given) */
  open(rel: string, text?: string, languageId = 'plaintext'): string {
    const uri = this.uri(rel);
    const content = text ?? fs.readFileSync(this.file(rel), 'utf8');
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, content));
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  /** opens a document that has no file (an untitled editor) */
  openUntitled(uri: string, text: string, languageId: string): string {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** applies edits to the client's copy and sends them as an incremental change; returns the new version */
  edit(uri: string, edits: TextEdit[]): number {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.create(uri, doc.languageId, doc.version + 1, TextDocument.applyEdits(doc, edits));
    this.docs.set(uri, next);
    const changes = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
      .map((e) => ({ range: e.range, text: e.newText }));
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  /** replaces the first occurrence of `search` */
  replace(uri: string, search: string, replacement: string): number {
    const doc = this.docs.get(uri)!;
    const at = doc.getText().indexOf(search);
    if (at < 0) throw new Error(`"${search}" not in ${uri}`);
    return this.edit(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + search.length) }, newText: replacement }]);
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** position of the `nth` occurrence of `search` in an open document, plus `offset` characters */
  positionOf(uri: string, search: string, offset = 0, nth = 0) {
    const doc = this.docs.get(uri)!;
    let at = -1;
    for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(search, at + 1);
    if (at < 0) throw new Error(`"${search}" not in ${uri}`);
    return doc.positionAt(at + offset);
  }

  /** how many notifications were published so far: pass it as `since` to wait for newer ones only */
  mark(): number { return this.published.length; }

  /** the first diagnostics notification for `uri` (from index `since` on) that satisfies `ok` */
  waitForDiagnostics(uri: string, ok: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => this.published.slice(since).find((p) => p.uri === uri && ok(p)));
  }

  waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = probe();
        if (v === undefined) return false;
        clearTimeout(timer);
        this.waiters.delete(listener);
        resolve(v);
        return true;
      };
      const listener = () => { check(); };
      const timer = setTimeout(() => {
        this.waiters.delete(listener);
        reject(new Error(`timed out waiting for ${what}; published: ${JSON.stringify(this.published.map((p) => [p.uri, p.version, p.diagnostics.map((d) => d.code)]))}`));
      }, TIMEOUT_MS);
      if (!check()) this.waiters.add(listener);
    });
  }

  /** applies a WorkspaceEdit's changes for `uri` to the client's copy and sends the change */
  applyWorkspaceEdit(uri: string, edit: { changes?: Record<string, TextEdit[]> } | undefined): number {
    const edits = edit?.changes?.[uri];
    if (!edits) throw new Error(`the edit does not change ${uri}: ${JSON.stringify(edit)}`);
    return this.edit(uri, edits);
  }

  async shutdown(): Promise<void> {
    await this.conn.sendRequest('shutdown');
    this.conn.dispose();
    this.server.ctx.connection.dispose();
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private wake(): void { for (const w of [...this.waiters]) w(); }
}

export async function startClient(opts: StartOptions = {}): Promise<TestClient> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wincompat-lsp-')));
  if (opts.fixture) fs.cpSync(path.join(FIXTURES, opts.fixture), root, { recursive: true });
  for (const [rel, text] of Object.entries(opts.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // the server writes with the encoder it ships with (main.ts)
  const server = startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient, { charset: 'utf-8', contentTypeEncoder: messageEncoder })));
  const conn = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const client = new TestClient(conn, root, server, { debounceMs: 0, ...opts.settings });
  conn.listen();
  const rootUri = pathToFileURL(root).href;
  client.initializeResult = await conn.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'fixture' }],
    initializationOptions: { today: TODAY },
    capabilities: opts.capabilities ?? {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
      window: { workDoneProgress: true },
      textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
    },
  }) as InitializeResult;
  await conn.sendNotification('initialized', {});
  return client;
}

export function codes(p: { diagnostics: Diagnostic[] }): string[] {
  return p.diagnostics.map((d) => String(d.code)).sort();
}
