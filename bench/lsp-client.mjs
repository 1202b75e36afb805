// A minimal LSP client over stdio for benchmarks: the same edit script drives wincompat and its
// peers. It answers the requests servers send (configuration, capability registration, progress)
// and resolves waits on publishDiagnostics.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
const rpc = createRequire(import.meta.url)('vscode-jsonrpc/node');

export class LspClient {
  constructor(command, args, { settings = {}, cwd } = {}) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'], cwd });
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.waiters = [];
    this.conn.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section ? settings[i.section] ?? null : settings)));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/workspaceFolders', () => null);
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || (w.version !== undefined && p.version !== undefined && p.version < w.version)) return true;
        w.resolve({ at: now, diagnostics: p.diagnostics });
        return false;
      });
    });
    this.conn.onNotification(() => {});
    this.conn.listen();
  }

  async initialize(rootPath, settings) {
    const rootUri = pathToFileURL(rootPath).href;
    const res = await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { synchronization: { dynamicRegistration: true, didSave: true }, publishDiagnostics: { versionSupport: true }, codeAction: {}, hover: {}, completion: {} },
        window: { workDoneProgress: true },
      },
      initializationOptions: settings,
    });
    this.conn.sendNotification('initialized', {});
    if (settings) this.conn.sendNotification('workspace/didChangeConfiguration', { settings });
    return res;
  }

  /** resolves with the first publishDiagnostics for `uri` (of at least `version` when the server sends versions) */
  waitDiagnostics(uri, version, timeoutMs = 60000) {
    return new Promise((resolve, reject) => {
      const w = { uri, version, resolve: (v) => { clearTimeout(timer); resolve(v); } };
      const timer = setTimeout(() => { this.waiters = this.waiters.filter((x) => x !== w); reject(new Error(`no diagnostics for version ${version} within ${timeoutMs} ms`)); }, timeoutMs);
      this.waiters.push(w);
    });
  }

  open(uri, languageId, text) {
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri, version, range, text) {
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** peak and current resident memory of the server process, in MB */
  memory() {
    try {
      const s = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (k) => Number((new RegExp(`${k}:\\s+(\\d+)`).exec(s) ?? [])[1] ?? 0);
      return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
    } catch { return { rss: NaN, peak: NaN }; }
  }

  async stop() {
    try { await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]); this.conn.sendNotification('exit'); } catch { /* already gone */ }
    await Promise.race([new Promise((r) => this.child.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
    this.child.kill('SIGKILL');
    this.conn.dispose();
  }
}
