// The server's line-based document behaves like the LSP library's TextDocument for every edit:
// same text, same offsets and positions, and `lines()` gives the text of a line range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../helpers/property';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/lsp/line-document';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const pos = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 30 }) });
const change = fc.oneof(
  fc.record({ range: fc.record({ start: pos, end: pos }), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\n', '\r\n', 'a\nb', '---\n', '')) }),
  fc.record({ text: fc.string({ maxLength: 40 }) }),
);

test('random edits: LineDocument and TextDocument agree on text, offsets, positions and line ranges', () => {
  check(fc.property(fc.string({ maxLength: 60 }).map((s) => s.replace(/\r(?!\n)/g, '')), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (initial, batches) => {
    // lines outside the document put the library itself into a broken state (NaN positions):
    // clients never send them, so the changes are kept inside the document as it is at that point
    type Change = { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
    const inside = (c: Change, lineCount: number): Change => (c.range ? {
      text: c.text,
      range: { start: { ...c.range.start, line: Math.max(0, Math.min(c.range.start.line, lineCount - 1)) }, end: { ...c.range.end, line: Math.max(0, Math.min(c.range.end.line, lineCount - 1)) } },
    } : c);
    let ref = TextDocument.create('file:///a', 'yaml', 1, initial);
    const doc = LineDocument.create('file:///a', 'yaml', 1, initial);
    let v = 1;
    for (const batch of batches) {
      v++;
      for (const raw of batch) {
        const c = inside(raw, ref.lineCount);
        ref = TextDocument.update(ref, [c], v);
        LineDocument.update(doc, [c], v);
      }
      assert.equal(doc.getText(), ref.getText());
      assert.equal(doc.length, ref.getText().length);
      assert.equal(doc.lineCount, ref.lineCount);
      for (let o = 0; o <= ref.getText().length; o += 3) assert.deepEqual(doc.positionAt(o), ref.positionAt(o));
      for (let l = 0; l < ref.lineCount; l++) assert.equal(doc.offsetAt({ line: l, character: 2 }), ref.offsetAt({ line: l, character: 2 }));
      const lines = ref.getText().split('\n');
      assert.equal(doc.lines(0, lines.length), ref.getText());
      if (lines.length > 1) assert.equal(doc.lines(0, 1), lines[0] + '\n');
    }
  }), { numRuns: RUNS });
});
