/**
 * One binary search for the engine's ordered lists (sections by offset, requests by index, evidence pieces by
 * order, syntax nodes by start): where a prefix whose items all pass a test ends.
 */

/**
 * The first index of `list` whose item fails `before`, which must hold for a prefix of the list and for no item
 * after it; `list.length` when every item passes. O(log n) calls of `before`.
 */
export function partitionPoint<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
