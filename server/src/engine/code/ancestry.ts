/**
 * The ancestors of a node, without `Node.parent`. In tree-sitter `parent` re-descends from the root and scans
 * the siblings at every level on the way, so walking a call's ancestors one `parent` at a time costs depth × the
 * file's top-level statements: a script of 5,000 top-level calls spent a third of its lint there. Here one descent
 * from the root (`childWithDescendant`, one level per step) finds the whole path, and every child met on the way
 * is kept, so the next call in the same function descends through them in JavaScript and asks WebAssembly only
 * for the levels it has not seen.
 */
import { lastStartingBy, type Node } from './syntax';

export class Ancestry {
  private readonly paths = new Map<number, readonly Node[]>();
  /** Children met under a node (by its id), sorted by start. */
  private readonly met = new Map<number, Node[]>();

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
    const end = target.endIndex;
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
    if (known && target.startIndex < end && end <= known.endIndex) return known;
    const child = at.childWithDescendant(target);
    if (child && child.id !== known?.id) met.splice(i + 1, 0, child);
    return child;
  }
}
