import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { PositionBits } from './position-bits';

describe('positions as bits', () => {
  it('holds what a Set of the same positions holds, through random adds and deletes', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const bits = new PositionBits();
    const set = new Set<number>();
    for (let step = 0; step < 5000; step++) {
      // Positions on both sides of word boundaries (31, 32, 63, 64) and far beyond the first words.
      const p = step % 5 === 0 ? 31 + random(3) * 32 + random(2) : random(2000);
      if (random(3) === 0) assert.equal(bits.delete(p), set.delete(p));
      else {
        assert.equal(bits.add(p), bits);
        set.add(p);
      }
      assert.equal(bits.size, set.size);
      assert.equal(bits.has(p), set.has(p));
    }
    assert.deepEqual([...bits], [...set].sort((a, b) => a - b));
  });

  it('deletes nothing it never held, however far beyond its words', () => {
    const bits = new PositionBits().add(3);
    assert.equal(bits.delete(100000), false);
    assert.equal(bits.has(100000), false);
    assert.deepEqual([...bits], [3]);
  });
});
