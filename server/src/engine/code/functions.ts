/**
 * The function around a node, found from the functions' ranges instead of by walking `parent` (a WebAssembly
 * call that re-descends from the root each time). Functions nest properly, so the innermost one around a node
 * is on the chain of enclosing functions of the last function that starts at or before it.
 */
import { lastStartingBy, type Node } from './syntax';

export class EnclosingFunctions {
  private readonly ends: number[];
  /** For each function, the index of the function around it; -1 at top level. */
  private readonly outer: number[];
  private readonly memo = new Map<number, Node>();

  /** `functions` in source order, outer before inner (as `descendantsOfType` returns them). */
  constructor(private readonly functions: readonly Node[], readonly root: Node) {
    this.ends = functions.map((f) => f.endIndex);
    this.outer = [];
    const open: number[] = [];
    functions.forEach((f, i) => {
      while (open.length > 0 && this.ends[open[open.length - 1]] <= f.startIndex) open.pop();
      this.outer.push(open.length > 0 ? open[open.length - 1] : -1);
      open.push(i);
    });
  }

  /** The innermost function around `node` (not `node` itself), or the file's root node. */
  of(node: Node): Node {
    let found = this.memo.get(node.id);
    if (found) return found;
    const start = node.startIndex;
    const end = node.endIndex;
    let i = lastStartingBy(this.functions, start);
    while (i >= 0 && (this.functions[i].id === node.id || end > this.ends[i])) i = this.outer[i];
    found = i >= 0 ? this.functions[i] : this.root;
    this.memo.set(node.id, found);
    return found;
  }
}
