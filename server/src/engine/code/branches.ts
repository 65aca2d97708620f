/**
 * The choice points on the way to a call, so that requests that can never run one after the other (the two
 * arms of an `if`, the code after an `if` that returns, the `try` and its `catch`, two sibling callbacks) are
 * not read as a sequence. Each step is `<choice point id>:<alternative>`; see `exclusive` in model/types.ts.
 */
import type { Ancestry } from './ancestry';
import { isFunction, type Node } from './syntax';

const EXITS = new Set(['return_statement', 'throw_statement', 'raise_statement', 'continue_statement', 'break_statement']);

/** The branch paths of the calls of one document; what is learnt about a block serves every call in it. */
export class BranchPaths {
  /** Per block (by id): its named statements, each with the step it adds to what follows it, if any. */
  private readonly blocks = new Map<number, { id: number; step: string | undefined }[]>();

  constructor(private readonly ancestry: Ancestry) {}

  of(node: Node): string[] {
    const steps: string[] = [];
    const ancestors = this.ancestry.of(node);
    let child = node;
    for (let i = ancestors.length - 1; i >= 0; child = ancestors[i], i--) {
      const n = ancestors[i];
      const step = stepInto(n, child, ancestors[i - 1]);
      if (step) steps.push(step);
      // Statements after `if (…) { …; return; }` run only when the `if` did not (only blocks inside a
      // function can return, so module-level statement lists are not scanned: they are the long ones).
      if (n.type !== 'statement_block' && n.type !== 'block') continue;
      const statements = this.statementsOf(n);
      const at = statements.findIndex((s) => s.id === child.id);
      for (let k = at - 1; k >= 0; k--) if (statements[k].step) steps.push(statements[k].step!);
    }
    return steps.reverse();
  }

  private statementsOf(block: Node): { id: number; step: string | undefined }[] {
    let statements = this.blocks.get(block.id);
    if (!statements) {
      statements = block.namedChildren.map((s) => ({
        id: s.id,
        step: s.type === 'if_statement' && !s.childForFieldName('alternative') && exits(s.childForFieldName('consequence')) ? `${s.id}:else` : undefined,
      }));
      this.blocks.set(block.id, statements);
    }
    return statements;
  }
}

function stepInto(parent: Node, child: Node, grandparent: Node | undefined): string | undefined {
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
      return grandparent ? `${grandparent.id}:${parent.id}` : undefined;
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
