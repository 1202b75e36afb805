// State every provider of the language server shares: the connection, the open documents, the
// engine's Analyzer, the workspace folders, what the client supports, and URI ↔ path mapping.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocuments, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineDocument } from './line-document';
import type { TextChange } from '../engine/yaml/patch';
import { Analyzer } from '../engine/analysis/analyzer';
import { globToRegExp } from '../engine/analysis/file-kind';

/** file names that give documents without a path (untitled) their kind, by language id */
const VIRTUAL_NAMES: Record<string, string> = { dockerfile: 'Dockerfile', dockercompose: 'compose.yaml', yaml: 'document.yaml' };
const VIRTUAL_ROOT = nodePath.resolve('/', '.wincompat-untitled');

export interface ClientSupport {
  /** `workspace/configuration` (pull settings per document) */
  configuration: boolean;
  /** server-initiated `window/workDoneProgress/create` */
  workDoneProgress: boolean;
  snippets: boolean;
  /** dynamic registration of `workspace/didChangeWatchedFiles` */
  watchedFilesRegistration: boolean;
  /** `markdown` hover contents */
  markdownHover: boolean;
}

export class ServerContext {
  /**
   * The editor's change events per document since the text the engine last analysed: they let a
   * large YAML file rebuild only the documents an edit touched (Analyzer.analyze's `changes`).
   */
  readonly edits = new EditLog();
  readonly documents = new TextDocuments<LineDocument>({
    create: LineDocument.create,
    update: (doc: LineDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
      this.edits.record(doc.uri, doc.version, changes, version);
      return LineDocument.update(doc, changes, version);
    },
  });
  analyzer: Analyzer;
  private patterns: string[] = [];
  /** workspace folders as file-system paths */
  folders: string[] = [];
  support: ClientSupport = { configuration: false, workDoneProgress: false, snippets: false, watchedFilesRegistration: false, markdownHover: true };
  /** the date lifecycle rules judge against (initializationOptions.today, for reproducible tests) */
  today: string | undefined;
  shuttingDown = false;
  /** the URI a client used for a path, so that what we publish matches what it opened */
  private readonly uris = new Map<string, string>();

  constructor(readonly connection: Connection) {
    this.analyzer = this.newAnalyzer();
  }

  /** Rebuilds the analyzer when the Dockerfile name patterns change; true when they did. */
  setDockerfilePatterns(patterns: string[]): boolean {
    if (JSON.stringify(patterns) === JSON.stringify(this.patterns)) return false;
    this.patterns = [...patterns];
    this.analyzer = this.newAnalyzer();
    return true;
  }

  get dockerfilePatterns(): RegExp[] { return this.patterns.map(globToRegExp); }

  private newAnalyzer(): Analyzer {
    const folders = () => this.folders;
    // `root`: build scripts and CI files resolve their paths from the (first) workspace folder
    const host = { readFile: (p: string) => this.readFile(p), get root() { return folders()[0]; } };
    return new Analyzer(host, this.dockerfilePatterns);
  }

  /**
   * File-system path of a `file:` URI. An open document of another scheme (an untitled Dockerfile)
   * gets a made-up path whose file name tells the engine its kind; other URIs have none.
   */
  pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) {
      const name = VIRTUAL_NAMES[this.documents.get(uri)?.languageId ?? ''];
      if (!name) return undefined;
      const p = nodePath.join(VIRTUAL_ROOT, createHash('sha1').update(uri).digest('hex').slice(0, 16), name);
      this.uris.set(p, uri);
      return p;
    }
    try {
      const p = nodePath.normalize(fileURLToPath(uri));
      const known = this.uris.get(p);
      // keep the URI of an open document: it is the one the client matches diagnostics against
      if (!known || (known !== uri && !this.documents.get(known))) this.uris.set(p, uri);
      return p;
    } catch { return undefined; }
  }

  uriOf(path: string): string {
    return this.uris.get(path) ?? pathToFileURL(path).href;
  }

  /** the open document of a path, if any */
  openDocument(path: string): TextDocument | undefined {
    const uri = this.uris.get(path);
    return (uri && this.documents.get(uri)) || this.documents.get(pathToFileURL(path).href);
  }

  /** unsaved edits count: an open document's text, else the file on disk */
  readFile(path: string): string | undefined {
    const doc = this.openDocument(path);
    if (doc) return doc.getText();
    return readDisk(path);
  }

  /** the workspace folder a path lies in (the innermost one) */
  folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      const rel = nodePath.relative(f, path);
      if (!rel.startsWith('..') && !nodePath.isAbsolute(rel) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  log(message: string): void {
    try { this.connection.console.log(message); } catch { /* connection gone */ }
  }

  error(message: string, e?: unknown): void {
    const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : e === undefined ? '' : String(e);
    try { this.connection.console.error(`${message}${detail ? `: ${detail}` : ''}`); } catch { /* connection gone */ }
  }

  /**
   * Wraps a handler so that nothing throws out of it: an error is logged and `fallback` returned.
   * Requests cancelled before they ran return the fallback too.
   */
  guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      if (token?.isCancellationRequested) return fallback;
      try {
        return await fn(params, token);
      } catch (e) {
        this.error(`wincompat: ${name} failed`, e);
        return fallback;
      }
    };
  }

  /** the same for notifications */
  guardNotification<P>(name: string, fn: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const r = fn(params);
        if (r instanceof Promise) r.catch((e) => this.error(`wincompat: ${name} failed`, e));
      } catch (e) {
        this.error(`wincompat: ${name} failed`, e);
      }
    };
  }
}

export function readDisk(path: string): string | undefined {
  try {
    const text = fs.readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch { return undefined; }
}

/** change events recorded between two versions of each open document */
export class EditLog {
  private readonly logs = new Map<string, { from: number; to: number; changes: TextChange[] | undefined }>();

  record(uri: string, from: number, changes: readonly TextDocumentContentChangeEvent[], to: number): void {
    const log = this.logs.get(uri);
    // a whole-text replacement, or a gap in the versions, cannot be replayed: the log is void
    const ranged = changes.every((c) => 'range' in c && c.range !== undefined);
    const entries = ranged ? changes.map((c) => ({ range: (c as { range: TextChange['range'] }).range, text: c.text })) : undefined;
    if (log && log.to === from) this.logs.set(uri, { from: log.from, to, changes: log.changes && entries ? [...log.changes, ...entries] : undefined });
    else this.logs.set(uri, { from, to, changes: entries });
  }

  /** the changes from version `from` to `to`, if recorded whole; the log then starts at `to` */
  take(uri: string, from: number | undefined, to: number): TextChange[] | undefined {
    const log = this.logs.get(uri);
    this.logs.set(uri, { from: to, to, changes: [] });
    return log && from !== undefined && log.from === from && log.to === to ? log.changes : undefined;
  }

  forget(uri: string): void { this.logs.delete(uri); }
}
