/**
 * Many request positions as one bit each. An editor's index entry held by most of a file's requests (every request
 * that looked `{{base}}` up, `ModelCache.askedBy`) was a Set: its hash table takes ~32 bytes per member (320 KiB
 * for the 10,000 requests of the benchmark's file), where a bit per position of the file takes 1.3 KiB.
 */
export class PositionBits implements Iterable<number> {
  private words = new Uint32Array(4);
  private count = 0;

  /** How many positions it holds. */
  get size(): number {
    return this.count;
  }

  /** Adds `position` (a non-negative integer); the same object, as `Set.add`. */
  add(position: number): this {
    const w = position >>> 5;
    if (w >= this.words.length) {
      const grown = new Uint32Array(Math.max(w + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    const bit = 1 << (position & 31);
    if ((this.words[w] & bit) === 0) {
      this.words[w] |= bit;
      this.count++;
    }
    return this;
  }

  /** Removes `position`; true when it was held, as `Set.delete`. */
  delete(position: number): boolean {
    const w = position >>> 5;
    const bit = 1 << (position & 31);
    if (w >= this.words.length || (this.words[w] & bit) === 0) return false;
    this.words[w] &= ~bit;
    this.count--;
    return true;
  }

  has(position: number): boolean {
    const w = position >>> 5;
    return w < this.words.length && (this.words[w] & (1 << (position & 31))) !== 0;
  }

  /** The positions held, ascending. */
  *[Symbol.iterator](): Iterator<number> {
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      for (let word = words[w]; word !== 0; word &= word - 1) yield w * 32 + (31 - Math.clz32(word & -word));
    }
  }
}
