/**
 * The calls a value was read by, when it is what a call returned or one element of it: a query's results are the
 * items it read, so the first of them, or each one a loop takes, is an item read before the code writes it back
 * (lessons from real code: visitor counters that find their one item by query, `for item in
 * container.query_items(…)`, `list(container.query_items(…))[0]`, `next(iter(…))`; JavaScript's `const { resources }
 * = await container.items.query(q).fetchAll()` then `resources[0]`; `for await (const e of table.listEntities())`).
 * Also the value a function called where it is written returns (`await (async () => { try { return await
 * table.getEntity(pk, rk); } catch { return null; } })()`). Which of those calls are reads, and of what, is the
 * SDK rows' to say (sdk-calls.ts).
 */
import type { CodeContext } from './context';
import { returnedValues } from './local-functions';
import { argumentsOf } from './options';
import { unwrap, type Node } from './syntax';

/** Python built-ins that hand on the items of what they are given (`list(q)`, `next(iter(q))`). */
const ELEMENT_OF = new Set(['list', 'tuple', 'iter', 'next', 'sorted']);
/**
 * Methods of an SDK's query result that hand on the items it read: @azure/cosmos's QueryIterator (`fetchAll()`,
 * `fetchNext()`: `{ resources }`).
 */
const RESULTS_OF = new Set(['fetchAll', 'fetchNext']);
const LOGICAL = new Set(['||', '??', 'or']);
/** Members of a query's result that are the items it read: @azure/cosmos's `resources`, a Firestore QuerySnapshot's `docs`. */
const ITEMS = new Set(['resources', 'docs']);
const MAX_DEPTH = 8;

/** The calls whose result, a part of it or one of its elements `value` holds (the value itself when it is a call). */
export function readingCalls(value: Node, ctx: CodeContext, depth = 0): Node[] {
  const n = unwrap(value);
  if (depth > MAX_DEPTH) return [];
  if (n.type === 'call' || n.type === 'call_expression') return callSources(n, ctx, depth);
  // `items[0]`, `resources?.[0]`: an element of what was read.
  if ((n.type === 'subscript' || n.type === 'subscript_expression') && isIndex(n.childForFieldName(n.type === 'subscript' ? 'subscript' : 'index'))) {
    const of = n.childForFieldName(n.type === 'subscript' ? 'value' : 'object');
    return of ? readingCalls(of, ctx, depth + 1) : [];
  }
  // `resources[0] || null`, `rows[0] or None`: the first operand, when there is one.
  if ((n.type === 'binary_expression' || n.type === 'boolean_operator') && LOGICAL.has(n.childForFieldName('operator')?.text ?? '')) {
    const left = n.childForFieldName('left');
    return left ? readingCalls(left, ctx, depth + 1) : [];
  }
  // `(await container.items.query(q).fetchAll()).resources`, a Firestore query's `snapshot.docs`: the items of the result.
  if (n.type === 'member_expression' && ITEMS.has(n.childForFieldName('property')?.text ?? '')) {
    const of = n.childForFieldName('object');
    return of ? readingCalls(of, ctx, depth + 1) : [];
  }
  if (n.type !== 'identifier') return [];
  const iterated = loopOver(n, ctx);
  if (iterated) return readingCalls(iterated, ctx, depth + 1);
  const b = ctx.scopes.lookup(n.text, n);
  // `const { resources } = await …fetchAll()`, `const { resource: item } = await c.item(id).read()`: part of the result.
  return b ? readingCalls(b.value, ctx, depth + 1) : [];
}

function callSources(call: Node, ctx: CodeContext, depth: number): Node[] {
  const callee = call.childForFieldName('function');
  const inner = callee && awaited(unwrap(callee));
  if (!inner) return [];
  if (inner.type === 'identifier' && ELEMENT_OF.has(inner.text) && ctx.family === 'python') {
    const first = argumentsOf(call)?.positional[0];
    return first ? readingCalls(first, ctx, depth + 1) : [];
  }
  if (inner.type === 'member_expression' && RESULTS_OF.has(inner.childForFieldName('property')?.text ?? '')) {
    const of = inner.childForFieldName('object');
    return of ? readingCalls(of, ctx, depth + 1) : [];
  }
  // A function written where it is called: what it returns.
  if (inner.type === 'arrow_function' || inner.type === 'function_expression' || inner.type === 'function') {
    return returnedValues(inner, ctx).flatMap((v) => readingCalls(v, ctx, depth + 1));
  }
  return [call];
}

/**
 * The grammar reads `await (async () => { … })()` as a call of a function named `await` given the arrow function, then
 * called: the function awaited is that argument.
 */
function awaited(callee: Node): Node {
  const fn = callee.type === 'call_expression' ? callee.childForFieldName('function') : undefined;
  const given = fn?.type === 'identifier' && fn.text === 'await' ? callee.childForFieldName('arguments')?.namedChildren : undefined;
  return given?.length === 1 ? unwrap(given[0]) : callee;
}

/** A literal index (`[0]`, `[-1]`): one element, not a member named by a key. */
function isIndex(index: Node | null | undefined): boolean {
  const n = index && unwrap(index);
  return !!n && (n.type === 'integer' || n.type === 'number' || (n.type === 'unary_operator' && n.lastNamedChild?.type === 'integer'));
}

/**
 * What the loop around `name` takes it from, when `name` is the loop's variable: `for item in q:`, `async for …`,
 * `for (const item of q)`, `for await (const e of table.listEntities())`.
 */
function loopOver(name: Node, ctx: CodeContext): Node | undefined {
  const fn = ctx.scopes.functionOf(name);
  for (let at = name.parent; at && at.id !== fn.id; at = at.parent) {
    if (at.type !== 'for_statement' && at.type !== 'for_in_statement') continue;
    const target = at.childForFieldName('left');
    const over = at.childForFieldName('right');
    const body = at.childForFieldName('body');
    if (target && over && body && unwrap(target).type === 'identifier' && unwrap(target).text === name.text && name.startIndex >= body.startIndex) return over;
  }
  return undefined;
}
