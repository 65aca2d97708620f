/**
 * Callbacks that run when a request completes continue the function that made it: `.then(cb)` / `.done(cb)` chained
 * on a call, jQuery's `success: cb` option and the Realtime Database's `ref.once('value', cb)`.
 * `$.ajax({ url }).done((item) => $.ajax({ type: 'PUT', … }))` reads an item, then writes it back: one sequence,
 * though the write sits in another function. So does a function called where it is written (`const row = await (async
 * () => { try { return await table.getEntity(pk, rk); } catch { return null; } })();`): it runs there and then.
 */
import type { CodeContext } from './context';
import type { Node } from './syntax';

const CHAINED = new Set(['then', 'done']);
/** Calls that take their own completion callback: `ref.once('value', (snapshot) => …)`. */
const GIVEN_CALLBACK = new Set(['once']);
const ON_SUCCESS = 'success';
/** Callbacks nest (`.then(r => r.json()).then(item => …)` is one level each); a bound keeps bundles cheap. */
const MAX_LEVELS = 8;

/** The function whose sequence of requests `node` belongs to. */
export function sequenceOf(node: Node, ctx: CodeContext): Node {
  let fn = ctx.scopes.functionOf(node);
  for (let level = 0; level < MAX_LEVELS && fn.id !== ctx.index.root.id; level++) {
    const call = completedCall(fn, ctx) ?? immediateCall(fn, ctx);
    if (!call) break;
    fn = ctx.scopes.functionOf(call);
  }
  return fn;
}

/** The call that runs `fn` where it is written (`(async () => { … })()`), if one does. */
function immediateCall(fn: Node, ctx: CodeContext): Node | undefined {
  const ancestors = ctx.ancestry.of(fn);
  let i = ancestors.length - 1;
  let callee = fn;
  while (i >= 0 && ancestors[i].type === 'parenthesized_expression') callee = ancestors[i--];
  // The grammar reads `await (async () => { … })()` as a call of `await` given the function, then called.
  if (ancestors[i]?.type === 'arguments' && ancestors[i - 1]?.type === 'call_expression' && ancestors[i - 1].childForFieldName('function')?.text === 'await') {
    callee = ancestors[i - 1];
    i -= 2;
  }
  const call = ancestors[i];
  return call?.type === 'call_expression' && call.childForFieldName('function')?.id === callee.id ? call : undefined;
}

/** The call `fn` is a completion callback of, if it is one. */
function completedCall(fn: Node, ctx: CodeContext): Node | undefined {
  const ancestors = ctx.ancestry.of(fn);
  const parent = ancestors[ancestors.length - 1];
  if (parent?.type === 'arguments') {
    const call = ancestors[ancestors.length - 2];
    const callee = call?.childForFieldName('function');
    const property = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
    return call?.type === 'call_expression' && property && (CHAINED.has(property) || GIVEN_CALLBACK.has(property)) ? call : undefined;
  }
  // `{ success: function (data) { … } }` or `{ success(data) { … } }`, the options of the call (object → arguments → call).
  const named = parent?.type === 'pair' ? parent.childForFieldName('key')?.text : fn.type === 'method_definition' ? fn.childForFieldName('name')?.text : undefined;
  if (named !== ON_SUCCESS) return undefined;
  const up = parent?.type === 'pair' ? 2 : 1;
  const call = ancestors[ancestors.length - up - 2];
  return ancestors[ancestors.length - up - 1]?.type === 'arguments' && call?.type === 'call_expression' ? call : undefined;
}

/**
 * The call whose result `fn` is given when it completes: `x` in `x.then(fn)` / `x.done(fn)`, the call itself in
 * `ref.once('value', fn)`. (jQuery's `success:` callback is given the response of the call whose options hold it.)
 */
export function completedRead(fn: Node, ctx: CodeContext): Node | undefined {
  const call = completedCall(fn, ctx);
  const callee = call?.childForFieldName('function');
  if (!call || callee?.type !== 'member_expression') return call;
  const property = callee.childForFieldName('property')?.text;
  return property && CHAINED.has(property) ? callee.childForFieldName('object') ?? undefined : call;
}
