import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { membersOf, withMember, withoutMember, type Few, type Positions } from './few';
import { PositionBits } from './position-bits';

const sorted = (entry: Positions | undefined) => [...membersOf(entry)].sort((a, b) => a - b);

describe('a few members of an index entry', () => {
  it('keeps one position as itself and a few as a list', () => {
    let entry: Positions = withMember<number>(undefined, 4);
    assert.equal(entry, 4);
    assert.equal(withMember(entry, 4), 4);
    entry = withMember(entry, 9);
    assert.deepEqual(entry, [4, 9]);
    assert.equal(withMember(entry, 9), entry, 'a position already held adds nothing');
  });

  it('turns into a bit per position past eight positions and back into a number when one is left', () => {
    let entry: Positions | undefined;
    for (let p = 0; p < 12; p++) entry = withMember(entry, p * 3);
    assert.ok(entry instanceof PositionBits);
    assert.deepEqual(sorted(entry), [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33]);
    for (let p = 0; p < 11; p++) entry = withoutMember(entry, p * 3);
    assert.deepEqual(sorted(entry), [33]);
    assert.equal(withoutMember(entry, 33), undefined);
  });

  it('removes from a list, keeps what it does not hold, and gives nothing for nothing', () => {
    const list = withMember(withMember(withMember(undefined, 1), 2), 3);
    assert.deepEqual(withoutMember(list, 2), [1, 3]);
    assert.equal(withoutMember([1, 3], 3), 1);
    assert.equal(withoutMember(list, 7), list);
    assert.equal(withoutMember(5, 7), 5);
    assert.equal(withoutMember(undefined, 7), undefined);
    assert.deepEqual(sorted(undefined), []);
  });

  it('holds objects by identity, in the order they came, and copies a list it removes from', () => {
    const [a, b, c] = [{ name: 'a' }, { name: 'b' }, { name: 'a' }];
    let entry: Few<{ name: string }> | undefined = withMember(undefined, a);
    assert.equal(entry, a);
    entry = withMember(withMember(entry, b), c);
    assert.deepEqual([...membersOf(entry)].map((m) => m.name), ['a', 'b', 'a']);
    const before = entry;
    const after = withoutMember(entry, a);
    assert.deepEqual([...membersOf(before)], [a, b, c], 'the list being iterated is left as it was');
    assert.deepEqual([...membersOf(after)], [b, c]);
    assert.equal(withoutMember(withoutMember(after, c), b), undefined);
  });

  it('keeps more than eight objects in a Set, in the order they came', () => {
    const members = Array.from({ length: 10 }, (_, k) => ({ name: `m${9 - k}` }));
    let entry: Few<{ name: string }> | undefined;
    for (const m of members) entry = withMember(entry, m);
    assert.ok(entry instanceof Set);
    assert.deepEqual([...membersOf(entry)], members);
  });
});
