/**
 * Lists kept for as long as an editor holds a document's analysis (syntax tree, sections, lowerings), most of
 * them empty or holding one item: V8 gives an array filled by `push` room for 17 items, and every empty `[]` is
 * an object of its own. A kept list is copied to its size, and an empty one is this one shared, frozen list
 * (nothing may add to a kept list: a frozen one would throw).
 */
export const NONE: never[] = Object.freeze([]) as never[];

/** `list` as it is kept: copied to its size, or `NONE` when empty. */
export function compactList<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list.slice();
}

/**
 * `list` with `item` appended, the list made at its first item: `[item]` has one slot, where `[]` and a `push` make
 * room for 17 (V8's first growth), most of it never used by the lists of one or two items a request has.
 */
export function appended<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

/**
 * `list` with `item` appended, for a list that starts as `NONE` while it is filled (a request's headers, a block's
 * metadata): made at its first and again at its second item, at its size each time (a `push` onto `[item]` makes room
 * for 17 that `keptAdded` then copies away, and most requests have two headers). Use the list it returns.
 */
export function added<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  if (list.length === 1) return [list[0], item];
  list.push(item);
  return list;
}

/**
 * A list filled only through `added`, as it is kept: one of one or two items is already at its size, so only
 * longer ones (grown by `push`) are copied (`compactList` copies every list).
 */
export function keptAdded<T>(list: T[]): T[] {
  return list.length <= 2 ? list : list.slice();
}
