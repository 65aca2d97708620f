/**
 * What a value holds part of: the result of an SDK read reached through a member (`resp['Item']`, `data.Item`, a Python
 * dict's `resp.get('Item')`), the AWS SDK for JavaScript v2's request as a promise (`.promise()`), and a Node-style
 * callback's result parameter (`(err, data) => …` given to the read). Each is of the object the read named.
 */
import type { CodeContext } from './context';
import { parameterNames } from './local-functions';
import { argumentsOf } from './options';
import { stringLiteral, type Node } from './syntax';

const ACCESSES = new Set(['subscript', 'attribute', 'member_expression', 'subscript_expression']);

/**
 * The call whose result a Node-style callback's second parameter is given (`docs.get(params, (err, data) => …)`, the
 * AWS SDK for JavaScript v2's form): `data` there is what the call read.
 */
export function callbackRead(name: Node, ctx: CodeContext): Node | undefined {
  if (name.type !== 'identifier') return undefined;
  const fn = ctx.scopes.functionOf(name);
  const params = fn.id === ctx.index.root.id ? [] : parameterNames(fn);
  if (params.length < 2 || params[1] !== name.text || !/^(err|error|e)$/i.test(params[0] ?? '')) return undefined;
  const list = fn.parent;
  const call = list?.type === 'arguments' ? list.parent : undefined;
  return call?.type === 'call_expression' && list!.namedChildren[list!.namedChildren.length - 1]?.id === fn.id ? call : undefined;
}

/**
 * The value `n` is a part of: `x['Item']`, `x.Item`, `x.get('Item')` (a Python dict's), `x.promise()` (the AWS SDK
 * for JavaScript v2's request as a promise).
 */
export function partOf(n: Node): Node | undefined {
  if (ACCESSES.has(n.type)) return n.namedChildren[0] ?? undefined;
  const callee = n.type === 'call' || n.type === 'call_expression' ? n.childForFieldName('function') : undefined;
  const method = callee && (callee.type === 'attribute' || callee.type === 'member_expression')
    ? callee.childForFieldName(callee.type === 'attribute' ? 'attribute' : 'property')?.text : undefined;
  const args = method ? argumentsOf(n) : undefined;
  if (method === 'promise' && args?.positional.length === 0) return callee!.childForFieldName('object') ?? undefined;
  if (method === 'get' && n.type === 'call' && args && args.positional.length <= 2 && stringLiteral(args.positional[0])) return callee!.childForFieldName('object') ?? undefined;
  return undefined;
}
