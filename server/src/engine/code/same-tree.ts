/**
 * Which re-parsed trees to check, and the check. Whether two syntax trees of the same text are the same tree: every node of the same kind over the same span, in
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

/** Whether a syntax error (an ERROR node or a MISSING token) touches one of `spans`; descends only into subtrees with errors. */
export function errorNear(root: Node, spans: readonly { startIndex: number; endIndex: number }[]): boolean {
  if (!root.hasError) return false;
  const touches = (n: Node) => spans.some((s) => n.startIndex <= s.endIndex && s.startIndex <= n.endIndex);
  const stack: Node[] = [root];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.type === 'ERROR' || n.isMissing) {
      if (touches(n)) return true;
      continue;
    }
    for (const child of n.children) if (child && (child.hasError || child.isMissing) && touches(child)) stack.push(child);
  }
  return false;
}
