import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyStringMemos, stringMemo } from './string-memo';

describe('stringMemo', () => {
  it('answers a string it was asked before from memory, and works it out again once the memos are emptied', () => {
    const asked: string[] = [];
    const shout = stringMemo((s: string) => (asked.push(s), s.toUpperCase()));
    assert.equal(shout('shelf'), 'SHELF');
    assert.equal(shout('shelf'), 'SHELF');
    assert.deepEqual(asked, ['shelf']);
    emptyStringMemos();
    assert.equal(shout('shelf'), 'SHELF');
    assert.deepEqual(asked, ['shelf', 'shelf']);
  });

  it('keeps an undefined answer too, and starts over when full', () => {
    const asked: string[] = [];
    const nothing = stringMemo((s: string) => void asked.push(s), 2);
    nothing('a');
    nothing('a');
    nothing('b');
    nothing('c'); // full: starts over with c
    nothing('a');
    assert.deepEqual(asked, ['a', 'b', 'c', 'a']);
  });

  it('gives an answer it is told is not worth keeping without keeping it, and keeps the others', () => {
    const asked: string[] = [];
    const length = stringMemo((s: string) => (asked.push(s), s.length), 8, (n) => n < 3);
    length('ab');
    length('abcd');
    length('ab');
    length('abcd');
    assert.deepEqual(asked, ['ab', 'abcd', 'abcd']);
  });
});
