// The server's own message encoder: what a client decodes is exactly what JSON.stringify would
// have sent, while diagnostics published again reuse their encoded bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMessage } from '../../server/src/lsp/message-encoder';

const diag = (line: number, message: string) => ({
  range: { start: { line, character: 2 }, end: { line, character: 9 } },
  severity: 1, code: 'image-newer-than-host', source: 'wincompat', message,
  data: [{ kind: 'retag', title: 'Retag to `x:ltsc2022`', edits: [{ range: { start: { line, character: 4 }, end: { line, character: 12 } }, newText: 'ltsc2022' }], preferred: true }],
});
const publish = (uri: string, diagnostics: object[], version?: number) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } });
const decoded = (msg: unknown) => JSON.parse(encodeMessage(msg).toString('utf-8')) as unknown;

test('a publish decodes to the same message, non-ASCII text, quotes and an absent version included', () => {
  const msg = publish('file:///w/k8s/app%201.yaml', [diag(3, 'Größe "ltsc2025" — 10.0.26100 → ✗'), diag(7, 'line\nbreak\ttab\\')]);
  assert.deepEqual(decoded(msg), JSON.parse(JSON.stringify(msg)));
  assert.equal(encodeMessage(msg).toString('utf-8'), JSON.stringify(msg));
});

test('a publish reusing some diagnostic objects carries the new ones and drops the removed ones', () => {
  const kept = diag(1, 'kept');
  const first = publish('file:///w/a.yaml', [kept, diag(2, 'removed')], 2);
  encodeMessage(first);
  const second = publish('file:///w/a.yaml', [diag(0, 'new'), kept], 3);
  assert.deepEqual(decoded(second), JSON.parse(JSON.stringify(second)));
  assert.deepEqual((decoded(second) as { params: { diagnostics: { message: string }[] } }).params.diagnostics.map((d) => d.message), ['new', 'kept']);
});

test('an empty publish, other notifications, requests and responses are encoded as JSON.stringify does', () => {
  for (const msg of [
    publish('file:///w/a.yaml', []),
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'wincompat: ready' } },
    { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: '**10.0.20348**' } } },
    { jsonrpc: '2.0', id: 8, error: { code: -32800, message: 'cancelled' } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: 'not an array' } },
  ]) assert.equal(encodeMessage(msg).toString('utf-8'), JSON.stringify(msg));
});

test('a uri that holds the placeholder text itself still decodes to the same message', () => {
  const msg = publish('file:///w/\u0000wincompat:diagnostics\u0000.yaml', [diag(1, 'x')], 1);
  assert.deepEqual(decoded(msg), JSON.parse(JSON.stringify(msg)));
});
