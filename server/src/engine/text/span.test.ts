import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockSpan, lineSpan, rangeOf, spanOf, startLineOf } from './span';
import { range } from './types';
import fc from 'fast-check';

describe('span', () => {
  const cases = [
    ['one line', range(7, 3, 7, 19)],
    ['the first line, empty', range(0, 0, 0, 0)],
    ['a block from a line start over several lines', range(12, 0, 40, 1)],
    ['a block ending at a line start', range(2, 0, 3, 0)],
    ['the largest packed line and characters', range(2 ** 23 - 1, 2 ** 15 - 1, 2 ** 23 - 1, 2 ** 15 - 1)],
    ['several lines from the middle of one', range(4, 6, 5, 2)],
    ['a character past 32767 (a minified line)', range(9, 10, 9, 40000)],
    ['a block ending past 32767', range(9, 0, 11, 40000)],
    ['a line past 2^23', range(2 ** 23, 0, 2 ** 23, 4)],
    ['more than 32767 lines', range(1, 0, 40000, 3)],
    ['the largest small one-line span', range(2 ** 17 - 1, 127, 2 ** 17 - 1, 127)],
    ['a character past 127', range(5, 3, 5, 128)],
    ['a line past 2^17', range(2 ** 17, 1, 2 ** 17, 2)],
    ['the largest small block', range(2 ** 17 - 1, 0, 2 ** 17 - 1 + 127, 127)],
    ['a block of 128 extra lines', range(3, 0, 131, 5)],
    ['a block past line 2^17', range(2 ** 17, 0, 2 ** 17 + 1, 0)],
    ['the largest large line and characters', range(2 ** 22 - 1, 2 ** 15 - 1, 2 ** 22 - 1, 2 ** 15 - 1)],
    ['a line past 2^22', range(2 ** 22, 0, 2 ** 22, 4)],
  ] as const;

  for (const [what, r] of cases) {
    it(`gives back the range it was made of: ${what}`, () => {
      assert.deepEqual(rangeOf(spanOf(r)), r);
      assert.equal(startLineOf(spanOf(r)), r.start.line);
    });
  }

  it('builds a block from a line start as spanOf does, without the range', () => {
    for (const [, r] of cases) {
      if (r.start.character !== 0 || r.end.line < r.start.line) continue;
      const block = blockSpan(r.start.line, r.end.line, r.end.character);
      assert.deepEqual(block, spanOf(r));
      assert.deepEqual(rangeOf(block), r);
    }
  });

  it('builds a one-line span as the range it stands for', () => {
    assert.deepEqual(rangeOf(lineSpan(5, 2, 9)), range(5, 2, 5, 9));
    assert.deepEqual(rangeOf(lineSpan(5, 2, 70000)), range(5, 2, 5, 70000));
  });

  it('keeps the spans the parser makes most as one number, not a range and two positions', () => {
    assert.equal(typeof spanOf(range(7, 3, 7, 19)), 'number');
    assert.equal(typeof spanOf(range(12, 0, 40, 1)), 'number');
    assert.equal(typeof spanOf(range(4, 6, 5, 2)), 'object');
  });

  it('keeps the spans of ordinary lines (before line 2^17, characters below 128) as small integers, held in the field itself', () => {
    const small = (span: unknown) => typeof span === 'number' && Number.isInteger(span) && Math.abs(span) < 2 ** 31;
    assert.ok(small(lineSpan(57000, 0, 45)));
    assert.ok(small(lineSpan(2 ** 17 - 1, 127, 127)));
    assert.ok(small(blockSpan(57000, 57003, 66)));
    assert.ok(!small(lineSpan(2 ** 17, 0, 1)));
    assert.ok(!small(lineSpan(4, 0, 128)));
    assert.ok(!small(blockSpan(4, 132, 1)));
  });

  it('gives back every range a span was made of, across the small and large forms', () => {
    const n = fc.integer({ min: 0, max: 2 ** 23 });
    const chars = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 70000 }));
    const lines = fc.oneof(fc.integer({ min: 0, max: 300 }), n);
    fc.assert(fc.property(lines, chars, fc.integer({ min: 0, max: 300 }), chars, (line, start, extra, end) => {
      const one = range(line, start, line, end);
      assert.deepEqual(rangeOf(lineSpan(line, start, end)), one);
      assert.equal(startLineOf(lineSpan(line, start, end)), line);
      const block = range(line, 0, line + extra, end);
      assert.deepEqual(rangeOf(blockSpan(line, line + extra, end)), block);
      assert.deepEqual(rangeOf(spanOf(block)), block);
      assert.equal(startLineOf(spanOf(block)), line);
    }), { numRuns: 3000 });
  });

  it('hands every reader a range of its own, so changing one changes no span', () => {
    const span = lineSpan(1, 2, 3);
    rangeOf(span).start.character = 99;
    assert.deepEqual(rangeOf(span), range(1, 2, 1, 3));
  });
});
