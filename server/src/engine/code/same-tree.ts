/**
 * Whether two syntax trees of the same text are the same tree: every node of the same kind over the same span, in
 * the same order. tree-sitter's error recovery can take another path when a parse re-uses the old tree, so a
 * re-parsed text with errors is only trusted (its findings kept) when a fresh parse gives this same tree.
 */
import type { Node } from './syntax';

export function sameTree(a: Node, b: Node): boolean {
  const x = a.walk();
  const y = b.walk();
  try {
    for (;;) {
      if (x.nodeTypeId !== y.nodeTypeId || x.startIndex !== y.startIndex || x.endIndex !== y.endIndex || x.nodeIsMissing !== y.nodeIsMissing) return false;
      const down = x.gotoFirstChild();
      if (down !== y.gotoFirstChild()) return false;
      if (down) continue;
      // No child: the next sibling here or of the nearest ancestor that has one.
      for (;;) {
        const next = x.gotoNextSibling();
        if (next !== y.gotoNextSibling()) return false;
        if (next) break;
        const up = x.gotoParent();
        if (up !== y.gotoParent()) return false;
        if (!up) return true;
      }
    }
  } finally {
    x.delete();
    y.delete();
  }
}
