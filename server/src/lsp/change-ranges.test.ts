import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChangeRanges } from './change-ranges';

/** A change as an editor sends it: a range of the text left by the changes before it (as fractions) replaced. */
const changeArb = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 12 }),
  text: fc.constantFrom('x', '\n', '\r\n', '', '###', 'ab\ncd'),
});

describe('change ranges of incremental sync', () => {
  it('say truly what a version shares at either end with the version taken before it, over batches of changes', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.array(fc.array(changeArb, { maxLength: 4 }), { maxLength: 8 }), fc.boolean(), (start, batches, whole) => {
      const ranges = new ChangeRanges();
      let doc = ranges.documents.create('file:///a.http', 'http', 1, start);
      let taken = start;
      ranges.take(doc.uri, 1);
      batches.forEach((batch, n) => {
        // One didChange with several changes: each range is in the text the changes before it left (LSP).
        const scratch = TextDocument.create(doc.uri, 'http', 0, doc.getText());
        const events = batch.map((c) => {
          const text = scratch.getText();
          const from = Math.floor(c.from * text.length);
          const range = { start: scratch.positionAt(from), end: scratch.positionAt(Math.min(text.length, from + c.length)) };
          TextDocument.update(scratch, [{ range, text: c.text }], 0);
          return { range, text: c.text };
        });
        const replaceAll = whole && n === batches.length - 1 ? [{ text: scratch.getText() + '!' }] : [];
        doc = ranges.documents.update(doc, [...events, ...replaceAll], doc.version + 1);
        const text = doc.getText();
        assert.equal(text, scratch.getText() + (replaceAll.length ? '!' : ''));
        const shared = ranges.take(doc.uri, doc.version);
        if (!shared) return;
        // Clamped as the parser clamps them.
        const room = Math.min(taken.length, text.length);
        const prefix = Math.min(shared.prefix, room);
        const suffix = Math.min(shared.suffix, room - prefix);
        assert.equal(text.slice(0, prefix), taken.slice(0, prefix));
        assert.equal(text.slice(text.length - suffix), taken.slice(taken.length - suffix));
        taken = text;
      });
    }), { numRuns: 300 });
  });
});
