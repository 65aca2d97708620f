/**
 * The positions (request indexes) an index entry holds, in the form that costs least for how many there are: one
 * position as itself, a few as a list sized to fit, many as a Set. An editor keeps such entries for every request
 * name looked up (`ModelCache.askedBy`) and every request whose response is captured (`RuleCache.capturedBy`): a
 * 10,000-request file held 3,600 Sets of one or two positions there (~250 bytes each, the hash table mostly), where
 * a list of small integers takes ~60.
 */
export type Positions = number | readonly number[] | Set<number>;

/** Up to this many positions are a list (scanned on add and remove); more are a Set. */
const LIST_LIMIT = 8;

/** `entry` with `at` added (the same entry when it holds `at` already; a Set is changed in place). */
export function withPosition(entry: Positions | undefined, at: number): Positions {
  if (entry === undefined || entry === at) return at;
  if (typeof entry === 'number') return [entry, at];
  if (entry instanceof Set) return entry.add(at);
  const list = entry as readonly number[];
  if (list.includes(at)) return list;
  return list.length < LIST_LIMIT ? [...list, at] : new Set([...list, at]);
}

/** `entry` without `at`, or undefined when nothing is left. */
export function withoutPosition(entry: Positions | undefined, at: number): Positions | undefined {
  if (entry === undefined || entry === at) return undefined;
  if (typeof entry === 'number') return entry;
  if (entry instanceof Set) {
    entry.delete(at);
    return entry.size === 0 ? undefined : entry;
  }
  const list = entry as readonly number[];
  if (!list.includes(at)) return list;
  const rest = list.filter((p) => p !== at);
  return rest.length === 1 ? rest[0] : rest;
}

/** The positions an entry holds. */
export function positionsIn(entry: Positions | undefined): Iterable<number> {
  return entry === undefined ? [] : typeof entry === 'number' ? [entry] : entry;
}
