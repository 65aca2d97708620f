import { PositionBits } from './position-bits';

/**
 * A few members kept in the form that costs least for how many there are: one as itself, up to eight as a list
 * sized to fit, more as a Set, or for numbers (request positions) as a bit per position (`PositionBits`). An editor
 * keeps such entries per request in its indexes: the request positions that looked a name up (`ModelCache.askedBy`)
 * or capture a response (`RuleCache.capturedBy`), the requests that use a response (`SameFileEvidence.usersOf`). A
 * 10,000-request file held 7,200 Sets of one or two members there (~250 bytes each, the hash table mostly), where a
 * short list takes ~60.
 *
 * Members must not be arrays or Sets themselves (a member is told from a list by `Array.isArray`), and numbers held
 * must be request positions (non-negative integers).
 */
export type Few<T> = T | readonly T[] | Many<T>;

/** The form of more than a list's worth: a Set, or `PositionBits` when the members are numbers (`many`). */
type Many<T> = Set<T> | PositionBits;

/** Request positions (indexes), the common case. */
export type Positions = Few<number>;

/** Up to this many members are a list (scanned on add and remove); more are a Set or `PositionBits`. */
const LIST_LIMIT = 8;

function isMany<T>(entry: Few<T>): entry is Many<T> {
  return entry instanceof Set || entry instanceof PositionBits;
}

/** Numbers are positions: a bit each, where a Set's hash table takes ~32 bytes per member. */
function many<T>(members: readonly T[]): Many<T> {
  if (typeof members[0] !== 'number') return new Set(members);
  const bits = new PositionBits();
  for (const m of members) bits.add(m as number);
  return bits;
}

/** `entry` with `member` added (the same entry when it holds it already; a Set or `PositionBits` is changed in place). */
export function withMember<T>(entry: Few<T> | undefined, member: T): Few<T> {
  if (entry === undefined || entry === member) return member;
  if (isMany(entry)) return (entry as Set<T>).add(member);
  if (!Array.isArray(entry)) return [entry as T, member];
  const list = entry as readonly T[];
  if (list.includes(member)) return list;
  return list.length < LIST_LIMIT ? [...list, member] : many([...list, member]);
}

/** `entry` without `member`, or undefined when nothing is left. A list is copied, so iterating it stays safe. */
export function withoutMember<T>(entry: Few<T> | undefined, member: T): Few<T> | undefined {
  if (entry === undefined || entry === member) return undefined;
  if (isMany(entry)) {
    (entry as Set<T>).delete(member);
    return entry.size === 0 ? undefined : entry;
  }
  if (!Array.isArray(entry)) return entry;
  const list = entry as readonly T[];
  if (!list.includes(member)) return list;
  const rest = list.filter((m) => m !== member);
  return rest.length === 1 ? rest[0] : rest;
}

/** The members an entry holds, in the order they were added (positions past a list's worth: ascending). */
export function membersOf<T>(entry: Few<T> | undefined): Iterable<T> {
  if (entry === undefined) return [];
  return isMany(entry) || Array.isArray(entry) ? (entry as Iterable<T>) : [entry as T];
}
