/**
 * A URL built in a getter: `this.filePath` where the class declares `get filePath() { return `${this.base}/x` }`
 * reads as the getter's one returned expression (sync providers keep their file URL that way), so the URL has a
 * base the analysis can compare with the module's other calls. Anything more than one `return` is left alone.
 */
import type { CodeContext } from './context';
import { unwrap, type Node } from './syntax';

/** The expression a `this.name` getter of the enclosing class returns, if that is all the getter does. */
export function getterReturn(node: Node, ctx: CodeContext): Node | undefined {
  const getter = getterOf(node, ctx);
  const statements = getter?.childForFieldName('body')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (statements.length !== 1 || statements[0].type !== 'return_statement') return undefined;
  return statements[0].firstNamedChild ?? undefined;
}

/** The getter `this.name` reads, when the enclosing class declares one (`get name() { … }`). */
export function getterOf(node: Node, ctx: CodeContext): Node | undefined {
  const n = unwrap(node);
  if (n.type !== 'member_expression' || n.childForFieldName('object')?.type !== 'this') return undefined;
  const name = n.childForFieldName('property')?.text;
  const ancestors = ctx.ancestry.of(n);
  let body: Node | undefined;
  for (let i = ancestors.length - 1; i >= 0 && !body; i--) if (ancestors[i].type === 'class_body') body = ancestors[i];
  return body?.namedChildren.find((m) => m.type === 'method_definition' && m.childForFieldName('name')?.text === name
    && m.children.some((c) => c.type === 'get'));
}
