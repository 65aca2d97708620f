import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { spelledAt, spellings } from './spellings';

describe('spellings', () => {
  const WORDS = ['GET', 'PUT', 'PATCH', 'If-Match', 'ab'];
  const table = spellings(WORDS);

  it('finds a word written exactly at its place, and nothing in another case, length or place', () => {
    const text = fc.array(fc.constantFrom(...WORDS, 'get', 'if-match', 'G', 'PU', ' ', 'x', 'é'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const start = a % (t.length + 1);
      const end = start + (b % (t.length - start + 1));
      const slice = t.slice(start, end);
      assert.equal(spelledAt(table, t, start, end), WORDS.includes(slice) ? slice : undefined, JSON.stringify([t, start, end]));
    }), { numRuns: 4000 });
  });

  it('gives the table\'s own string, not a copy', () => {
    const word = spelledAt(table, 'x PATCH /a', 2, 7);
    assert.equal(word, 'PATCH');
    assert.ok(table[5]!.includes(word!));
  });
});
