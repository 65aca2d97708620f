/**
 * One native pass over the tree that files away the nodes the analysis needs (calls, assignments, comments,
 * imports, functions), so no later step walks the whole tree again: walking is the costly part of tree-sitter in WASM.
 */
import type { Tree } from 'web-tree-sitter';
import { FUNCTION_TYPES, type Node } from './syntax';

export interface SyntaxIndex {
  /** `f(…)`, `new F(…)` in JS; `f(…)` in Python; in source order. */
  calls: Node[];
  /** Declarations, assignments, `with … as x`, in source order. */
  assignments: Node[];
  comments: Node[];
  imports: Node[];
  /** Functions, methods, arrows, lambdas (see `isFunction`), outer before inner. */
  functions: Node[];
  /** The file's root node. */
  root: Node;
}

const BUCKET: Readonly<Record<string, Exclude<keyof SyntaxIndex, 'root'>>> = {
  call_expression: 'calls', new_expression: 'calls', call: 'calls',
  variable_declarator: 'assignments', assignment_expression: 'assignments', assignment: 'assignments', with_item: 'assignments',
  comment: 'comments',
  import_statement: 'imports', import_from_statement: 'imports',
  ...Object.fromEntries(FUNCTION_TYPES.map((t) => [t, 'functions'])),
};

export function indexTree(tree: Tree): SyntaxIndex {
  const root = tree.rootNode;
  const index: SyntaxIndex = { calls: [], assignments: [], comments: [], imports: [], functions: [], root };
  // One native query for all types: far cheaper than visiting every node from JavaScript. Source order.
  for (const node of root.descendantsOfType(Object.keys(BUCKET))) index[BUCKET[node.type]].push(node);
  return index;
}
