/**
 * A read whose response nothing keeps: nothing a write after it sends can have come from it. The read only waited
 * for the server, so the write stores what the code decided, whatever is there: a blind write, not a read-modify-write
 * (lesson from real code: a SharePoint list item MERGEd with `IF-MATCH: *` and the current date after a `$.ajax` GET
 * whose response nobody looks at — judged blind, like every write whose value does not depend on a read).
 * Two forms, both plain to see in the syntax:
 * - the read is a statement of its own (`await fetch(url);`, `requests.get(url)`, `$.ajax({ url, type: 'GET' });`),
 *   and no callback among its arguments is given the response (`success: function (data) { … }` is);
 * - the write runs in a completion callback of the read that takes no parameter (`get(u).then(() => put(u, …))`,
 *   jQuery's `success: function () { … }`), through every callback of the chain.
 * A read used in place (`if ((await fetch(u)).ok)`, passed to a function, returned) is not discarded: where it goes
 * is not told here.
 */
import type { HttpCall } from './calls';
import { completedRead } from './completion-callbacks';
import type { CodeContext } from './context';
import { encloses, unwrap, type Node } from './syntax';

/** What a call's result passes through on its way to the statement that drops it. */
const PASSED_THROUGH = new Set(['await_expression', 'await', 'parenthesized_expression']);
const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function', 'lambda', 'method_definition']);

/** True when nothing holds what `read` returned by the time `write` runs (`sequence`: the function they share). */
export function discardsResult(read: HttpCall, write: Node, sequence: Node, ctx: CodeContext): boolean {
  return (statementOfItsOwn(read.call, ctx) && !callbackTakesResponse(read)) || inParameterlessCallback(write, read.call, sequence, ctx);
}

function statementOfItsOwn(call: Node, ctx: CodeContext): boolean {
  const ancestors = ctx.ancestry.of(call);
  let i = ancestors.length - 1;
  while (i >= 0 && PASSED_THROUGH.has(ancestors[i].type)) i--;
  return ancestors[i]?.type === 'expression_statement';
}

/** A function among the call's arguments or options that declares a parameter: the response is handed to it. */
function callbackTakesResponse(read: HttpCall): boolean {
  const given = [...read.args.positional, ...[...(read.options?.props.values() ?? [])].map((p) => p.value)];
  return given.some((g) => {
    const n = unwrap(g);
    return FUNCTIONS.has(n.type) && declaresParameter(n);
  });
}

/** The completion callbacks from the write's function up to the sequence: one of the read's that takes nothing. */
function inParameterlessCallback(write: Node, read: Node, sequence: Node, ctx: CodeContext): boolean {
  for (let fn = ctx.scopes.functionOf(write); fn.id !== sequence.id && fn.id !== ctx.index.root.id; fn = ctx.scopes.functionOf(fn)) {
    const completed = completedRead(fn, ctx);
    if (completed && (completed.id === read.id || encloses(completed, read)) && !declaresParameter(fn)) return true;
  }
  return false;
}

function declaresParameter(fn: Node): boolean {
  const list = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  return !!list && (list.type === 'identifier' || list.namedChildren.some((p) => p.type !== 'comment'));
}
