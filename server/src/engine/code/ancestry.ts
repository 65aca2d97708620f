/**
 * The ancestors of a node, without `Node.parent`. In web-tree-sitter `parent` is a call into WebAssembly that
 * re-descends from the root and scans every top-level statement on the way, so walking a call's ancestors one
 * `parent` at a time costs (depth × file size); in the profile of a 5,000-line file it was the largest cost after
 * the parse. Here one descent from the root (`childWithDescendant`, which scans one level per step) finds the
 * whole path, and every child met on the way is kept, so the next call in the same function descends through
 * them in JavaScript and asks WebAssembly only for the levels it has not seen.
 */
import type { Node } from './syntax';

export class Ancestry {
  private readonly paths = new Map<number, readonly Node[]>();
  /** Children met under a node (by its id), sorted by start. */
  private readonly met = new Map<number, Node[]>();
  private readonly ends = new Map<number, number>();

  constructor(readonly root: Node) {}

  /** The ancestors of `node`, the root first and its parent last; empty for the root. */
  of(node: Node): readonly Node[] {
    let path = this.paths.get(node.id);
    if (!path) this.paths.set(node.id, (path = this.descend(node)));
    return path;
  }

  private descend(target: Node): Node[] {
    const path: Node[] = [];
    if (target.id === this.root.id) return path;
    const end = this.endOf(target);
    for (let at: Node | null = this.root; at && at.id !== target.id; at = this.childToward(at, target, end)) path.push(at);
    return path;
  }

  /** The child of `at` that is, or holds, `target` (which ends at `end`). */
  private childToward(at: Node, target: Node, end: number): Node | null {
    let met = this.met.get(at.id);
    if (!met) this.met.set(at.id, (met = []));
    const i = lastStartingBy(met, target.startIndex);
    const known = i >= 0 ? met[i] : undefined;
    // Siblings do not overlap, so a child already met whose range holds the target is the way down (an empty
    // node could sit at a sibling's edge: ask tree-sitter for those).
    if (known && target.startIndex < end && end <= this.endOf(known)) return known;
    const child = at.childWithDescendant(target);
    if (child && child.id !== known?.id) met.splice(i + 1, 0, child);
    return child;
  }

  private endOf(node: Node): number {
    let end = this.ends.get(node.id);
    if (end === undefined) this.ends.set(node.id, (end = node.endIndex));
    return end;
  }
}

/** The index of the last node of `sorted` (by start) starting at or before `start`; -1 when none does. */
function lastStartingBy(sorted: readonly Node[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].startIndex <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
