/**
 * A few words a parser meets over and over (header names, request methods), each found at its place in a line
 * without cutting it out first. A `.http` file of 10,000 requests writes `GET`, `PUT`, `If-Match` thousands of
 * times: a slice per occurrence is a fresh string each time, and a fresh string's first look-up in a `Map` hashes it
 * (several times the cost of comparing a few characters in place).
 */

/** The words, grouped by length: only the words of a span's length are compared with it. */
export type Spellings = ReadonlyArray<readonly string[] | undefined>;

export function spellings(words: Iterable<string>): Spellings {
  const table: string[][] = [];
  for (const w of words) (table[w.length] ??= []).push(w);
  return table;
}

/** The word of `table` written exactly (case kept) as `text[start, end)`, as the table's own string; else undefined. */
export function spelledAt(table: Spellings, text: string, start: number, end: number): string | undefined {
  const candidates = table[end - start];
  if (candidates) for (let k = 0; k < candidates.length; k++) if (text.startsWith(candidates[k], start)) return candidates[k];
  return undefined;
}
