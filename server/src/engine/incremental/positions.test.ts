import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { positionsIn, withPosition, withoutPosition, type Positions } from './positions';

const sorted = (entry: Positions | undefined) => [...positionsIn(entry)].sort((a, b) => a - b);

describe('positions of an index entry', () => {
  it('keeps one position as itself and a few as a list', () => {
    let entry = withPosition(undefined, 4);
    assert.equal(entry, 4);
    assert.equal(withPosition(entry, 4), 4);
    entry = withPosition(entry, 9);
    assert.deepEqual(entry, [4, 9]);
    assert.equal(withPosition(entry, 9), entry, 'a position already held adds nothing');
  });

  it('turns into a Set past eight positions and back into a number when one is left', () => {
    let entry: Positions | undefined;
    for (let p = 0; p < 12; p++) entry = withPosition(entry, p * 3);
    assert.ok(entry instanceof Set);
    assert.deepEqual(sorted(entry), [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33]);
    for (let p = 0; p < 11; p++) entry = withoutPosition(entry, p * 3);
    assert.deepEqual(sorted(entry), [33]);
    assert.equal(withoutPosition(entry, 33), undefined);
  });

  it('removes from a list, keeps what it does not hold, and gives nothing for nothing', () => {
    const list = withPosition(withPosition(withPosition(undefined, 1), 2), 3);
    assert.deepEqual(withoutPosition(list, 2), [1, 3]);
    assert.equal(withoutPosition([1, 3], 3), 1);
    assert.equal(withoutPosition(list, 7), list);
    assert.equal(withoutPosition(5, 7), 5);
    assert.equal(withoutPosition(undefined, 7), undefined);
    assert.deepEqual(sorted(undefined), []);
  });
});
