import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partitionPoint } from './partition-point';

describe('partitionPoint', () => {
  it('finds where the passing prefix ends, for every split of lists up to 9 long', () => {
    for (let n = 0; n <= 9; n++) {
      for (let split = 0; split <= n; split++) {
        const list = Array.from({ length: n }, (_, k) => k);
        assert.equal(partitionPoint(list, (x) => x < split), split, `n=${n} split=${split}`);
      }
    }
  });

  it('finds the first of equal keys as a lower bound and past them as an upper bound', () => {
    const keys = [1, 3, 3, 3, 7];
    assert.equal(partitionPoint(keys, (k) => k < 3), 1);
    assert.equal(partitionPoint(keys, (k) => k <= 3), 4);
    assert.equal(partitionPoint(keys, (k) => k <= 9), 5);
  });
});
