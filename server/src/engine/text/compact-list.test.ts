import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { added, appended, compactList, keptAdded, NONE } from './compact-list';

describe('compact lists', () => {
  it('makes a list at its first item and appends to it after', () => {
    const first = appended<string>(undefined, 'if-match');
    assert.deepEqual(first, ['if-match']);
    const second = appended(first, 'if-none-match');
    assert.equal(second, first);
    assert.deepEqual(second, ['if-match', 'if-none-match']);
  });

  it('keeps an empty list as the shared frozen one and copies the others', () => {
    assert.equal(compactList([]), NONE);
    const list = ['a'];
    assert.notEqual(compactList(list), list);
    assert.deepEqual(compactList(list), ['a']);
  });

  it('fills a list that starts as the shared one without touching it, and keeps it without copying one item', () => {
    const one = added<string>(NONE, 'a');
    assert.deepEqual(one, ['a']);
    assert.equal(NONE.length, 0);
    assert.equal(keptAdded(one), one);
    const two = added(one, 'b');
    assert.deepEqual(two, ['a', 'b']);
    assert.equal(keptAdded(two), two);
    const three = added(two, 'c');
    assert.equal(three, two);
    assert.notEqual(keptAdded(three), three);
    assert.deepEqual(keptAdded(three), ['a', 'b', 'c']);
    assert.equal(keptAdded(NONE), NONE);
  });
});
