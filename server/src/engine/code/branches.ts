/**
 * The choice points on the way to a call, so that requests that can never run one after the other (the two
 * arms of an `if`, the code after an `if` that returns, the `try` and its `catch`, two sibling callbacks) are
 * not read as a sequence. Each step is `<choice point id>:<alternative>`; see `exclusive` in model/types.ts.
 */
import { isFunction, type Node } from './syntax';

const EXITS = new Set(['return_statement', 'throw_statement', 'raise_statement', 'continue_statement', 'break_statement']);

export function branchPath(node: Node): string[] {
  const steps: string[] = [];
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    const step = stepInto(n, child);
    if (step) steps.push(step);
    // Statements after `if (…) { …; return; }` run only when the `if` did not (only blocks inside a
    // function can return, so module-level statement lists are not scanned: they are the long ones).
    if (n.type !== 'statement_block' && n.type !== 'block') continue;
    for (let s = child.previousNamedSibling; s; s = s.previousNamedSibling) {
      if (s.type === 'if_statement' && !s.childForFieldName('alternative') && exits(s.childForFieldName('consequence'))) steps.push(`${s.id}:else`);
    }
  }
  return steps.reverse();
}

function stepInto(parent: Node, child: Node): string | undefined {
  if (isFunction(parent)) return `fn:${parent.id}`;
  switch (parent.type) {
    case 'if_statement': case 'ternary_expression': case 'conditional_expression': {
      if (child.type === 'else_clause' || child.type === 'elif_clause') return `${parent.id}:${child.id}`;
      const field = parent.childForFieldName('consequence')?.id === child.id ? 'then'
        : parent.childForFieldName('alternative')?.id === child.id ? 'else' : undefined;
      // Python's conditional_expression has no fields: `a if c else b` is children 0, 2, 4.
      if (field) return `${parent.id}:${field}`;
      return parent.type === 'conditional_expression' ? `${parent.id}:${child.startIndex}` : undefined;
    }
    case 'switch_case': case 'switch_default': case 'case_clause':
      return parent.parent ? `${parent.parent.id}:${parent.id}` : undefined;
    case 'try_statement':
      return `${parent.id}:${child.type === 'statement_block' || child.type === 'block' ? 'try' : child.id}`;
    default:
      return undefined;
  }
}

/** True when a branch always leaves the block: its last statement returns, throws, continues or breaks. */
function exits(branch: Node | null): boolean {
  if (!branch) return false;
  if (EXITS.has(branch.type)) return true;
  const last = branch.lastNamedChild;
  return !!last && EXITS.has(last.type);
}
