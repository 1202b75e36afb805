// The JSON encoder of the server's outgoing messages. A 5,000-document manifest publishes about
// 1,800 diagnostics (1.8 MB with their fixes in `data`) after every keystroke, and an edit changes
// a handful of them: the LSP form of an unchanged finding is the same object from one publish to
// the next (convert.ts), so its encoded JSON is kept with it and a publish copies bytes instead of
// serialising and encoding the whole array again. Every other message is encoded as the library does.
import type { Diagnostic } from 'vscode-languageserver/node';

interface Encoder {
  readonly name: string;
  encode(msg: unknown, options: { charset: BufferEncoding }): Promise<Uint8Array>;
}

const PUBLISH = 'textDocument/publishDiagnostics';
/** stands for the diagnostics array in the rest of the message; a control character cannot appear unescaped */
const HOLE_JSON = JSON.stringify('\u0000wincompat:diagnostics\u0000');
const COMMA = Buffer.from(',');

/** the UTF-8 JSON of each diagnostic object, for as long as the object lives */
const encoded = new WeakMap<object, Buffer>();

function diagnosticBytes(d: Diagnostic): Buffer {
  let b = encoded.get(d);
  if (b === undefined) {
    b = Buffer.from(JSON.stringify(d), 'utf-8');
    encoded.set(d, b);
  }
  return b;
}

/** the message as UTF-8 JSON, equal to `JSON.stringify(msg)` once parsed */
export function encodeMessage(msg: unknown): Buffer {
  const m = msg as { method?: unknown; params?: { diagnostics?: unknown } } | null;
  const diagnostics = m?.method === PUBLISH ? m.params?.diagnostics : undefined;
  const plain = () => Buffer.from(JSON.stringify(msg), 'utf-8');
  if (!Array.isArray(diagnostics) || !diagnostics.every((d) => d !== null && typeof d === 'object')) return plain();
  const shell = JSON.stringify({ ...m, params: { ...m!.params, diagnostics: JSON.parse(HOLE_JSON) as string } });
  const at = shell.indexOf(HOLE_JSON);
  // a uri holding the hole's very text (NULs and all) is encoded plainly
  if (shell.indexOf(HOLE_JSON, at + 1) !== -1) return plain();
  const parts: Buffer[] = [Buffer.from(`${shell.slice(0, at)}[`, 'utf-8')];
  diagnostics.forEach((d: Diagnostic, i) => {
    if (i) parts.push(COMMA);
    parts.push(diagnosticBytes(d));
  });
  parts.push(Buffer.from(`]${shell.slice(at + HOLE_JSON.length)}`, 'utf-8'));
  return Buffer.concat(parts);
}

/** for `StreamMessageWriter`'s `contentTypeEncoder` (the server writes UTF-8, the protocol's default) */
export const messageEncoder: Encoder = {
  name: 'application/json',
  encode(msg, options) {
    try {
      return Promise.resolve(options.charset === 'utf-8' || options.charset === 'utf8' ? encodeMessage(msg) : Buffer.from(JSON.stringify(msg), options.charset));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};
