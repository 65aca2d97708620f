/**
 * Read-only lists an editor keeps per request often repeat item for item: most requests of a file look up the same
 * variables (`{{base}}`, `{{token}}`) and get the same answers, so their lowerings' look-up lists are equal (6,000 of
 * the 10,000 in the benchmark's file, in two shapes). A list equal to one of the few used most recently is given
 * back as that one, and the analysis holds one copy. Items compare with `===`; a list handed back must never be
 * changed (a kept list is read only).
 */
export class RecentLists<T> {
  /** The lists kept, least recently used first. */
  private readonly recent: Array<readonly T[]> = [];

  constructor(private readonly size = 4) {}

  /** `list`, or an equal list handed out before and still among the most recent. */
  shared(list: readonly T[]): readonly T[] {
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const kept = this.recent[k];
      if (!sameItems(kept, list)) continue;
      // Used again: moved to the end, so the shapes most requests share stay while one-off lists pass through.
      this.recent.splice(k, 1);
      this.recent.push(kept);
      return kept;
    }
    if (this.recent.length >= this.size) this.recent.shift();
    this.recent.push(list);
    return list;
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
