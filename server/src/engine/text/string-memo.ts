/**
 * Memoises a pure function of a string. The same URLs, paths and header names repeat through a file (every
 * request of a group on one item, every rule asking again), and each answer costs regexes and slices. Bounded:
 * when full the memo starts over, so odd input cannot grow it without limit.
 */
export function stringMemo<T>(fn: (s: string) => T, limit = 4096): (s: string) => T {
  let memo = new Map<string, T>();
  return (s: string): T => {
    const hit = memo.get(s);
    if (hit !== undefined || memo.has(s)) return hit as T;
    const value = fn(s);
    if (memo.size >= limit) memo = new Map();
    memo.set(s, value);
    return value;
  };
}
