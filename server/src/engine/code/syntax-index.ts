/**
 * One native pass over the tree that files away the nodes the analysis needs (calls, assignments, comments,
 * imports), so no later step walks the whole tree again: walking is the costly part of tree-sitter in WASM.
 */
import type { Tree } from 'web-tree-sitter';
import type { Node } from './syntax';

export interface SyntaxIndex {
  /** `f(…)`, `new F(…)` in JS; `f(…)` in Python; in source order. */
  calls: Node[];
  /** Declarations, assignments, `with … as x`, in source order. */
  assignments: Node[];
  comments: Node[];
  imports: Node[];
}

const BUCKET: Readonly<Record<string, keyof SyntaxIndex>> = {
  call_expression: 'calls', new_expression: 'calls', call: 'calls',
  variable_declarator: 'assignments', assignment_expression: 'assignments', assignment: 'assignments', with_item: 'assignments',
  comment: 'comments',
  import_statement: 'imports', import_from_statement: 'imports',
};

export function indexTree(tree: Tree): SyntaxIndex {
  const index: SyntaxIndex = { calls: [], assignments: [], comments: [], imports: [] };
  // One native query for all types: far cheaper than visiting every node from JavaScript. Source order.
  for (const node of tree.rootNode.descendantsOfType(Object.keys(BUCKET))) index[BUCKET[node.type]].push(node);
  return index;
}
