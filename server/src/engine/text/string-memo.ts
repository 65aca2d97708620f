/** How each memo made so far starts over (as it does when full). */
const resets: Array<() => void> = [];

/**
 * Memoises a pure function of a string. The same URLs, paths and header names repeat through a file (every
 * request of a group on one item, every rule asking again), and each answer costs regexes and slices. Bounded:
 * when full the memo starts over, so odd input cannot grow it without limit.
 */
export function stringMemo<T>(fn: (s: string) => T, limit = 4096, worthKeeping?: (value: T) => boolean): (s: string) => T {
  let memo = new Map<string, T>();
  resets.push(() => (memo = new Map()));
  return (s: string): T => {
    const hit = memo.get(s);
    if (hit !== undefined || memo.has(s)) return hit as T;
    const value = fn(s);
    // An answer its caller knows is rarely asked twice is given, not kept (it would only grow the memo).
    if (worthKeeping !== undefined && !worthKeeping(value)) return value;
    if (memo.size >= limit) memo = new Map();
    memo.set(s, value);
    return value;
  };
}

/**
 * Empties every memo. A whole-file lint of a big file fills them with its URLs and names (1.5 MiB for the 10,000-request
 * benchmark file) and an editor's later keystrokes ask about the few requests they touch: the editor's analysis calls
 * this once its first version is analysed (`IncrementalHttpAnalysis.prime`). Answers are unchanged, only computed again.
 */
export function emptyStringMemos(): void {
  for (const reset of resets) reset();
}
