/**
 * Generic write helpers: `async function putData(path, data) { await fetch(BASE + path + '.json', { method: 'PUT',
 * body: JSON.stringify(data) }) }`. The URL varies with a parameter and the body is a parameter's data, so the helper
 * writes whatever its callers hand it, wherever they say: whether a write loses an update depends on those callers
 * (do they write back data they read?), which the analysis sees only when they are in the file. When nothing in the
 * file calls the helper with data of its own — no caller, or callers that only pass their own parameters along (a
 * helper around the helper) — the write is generic. Real code: Firebase `putData(path, data)` modules of team apps,
 * `uploadArticleContent(id, html)` beside its download twin. A file that calls `putData('/tasks', tasks)` shows the
 * data: the write is judged as usual.
 */
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { functionName, localFunction, parameterNames } from './local-functions';
import { followValue, isName } from './options';
import { sentBody } from './sent-body';
import { calleeText, stringLiteral, unwrap, type Node } from './syntax';

/** The helper's name when the write `call` (to `url`) sits in a generic helper. */
export function genericHelper(call: HttpCall, ctx: CodeContext): string | undefined {
  const fn = ctx.scopes.functionOf(call.call);
  if (fn.id === ctx.index.root.id || !call.url) return undefined;
  const params = parameterNames(fn);
  const name = functionName(fn, ctx);
  const body = sentBody(call);
  if (!name || !body) return undefined;
  const urls = call.via ? call.via.urlArgs : [call.url];
  const where = new Set(urls.flatMap((u) => [...mentioned(u, params, ctx)]));
  const data = mentioned(body, params, ctx);
  // `update(event)` writing `event` to its own `event.id` writes back the object it is given: not generic.
  const dataAt = params.flatMap((p, i) => p !== undefined && data.has(i) && !where.has(i) ? [i] : []);
  if (where.size === 0 || dataAt.length === 0) return undefined;
  // Every parameter the data comes from (a token passed along is one; the snapshot a caller read is another).
  return dataAt.every((at) => callersPassOnly(fn, name, at, ctx)) ? name : undefined;
}

/**
 * The positions of the parameters an expression mentions, looking through the local names it is built from
 * (`uploadUrl` → `` `${BASE}${filePath}:/content` `` → `filePath` → `` `/content/${filename}` ``).
 */
function mentioned(node: Node, params: readonly (string | undefined)[], ctx: CodeContext, depth = 0): Set<number> {
  const out = new Set<number>();
  const n = unwrap(node);
  if (choiceOfLiterals(n, ctx)) return out;
  for (const id of isName(n) ? [n] : n.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
    const at = params.indexOf(id.text);
    if (at >= 0) {
      out.add(at);
      continue;
    }
    const value = followValue(id, ctx);
    if (depth < 3 && value.id !== id.id) for (const i of mentioned(value, params, ctx, depth + 1)) out.add(i);
  }
  return out;
}

/**
 * `type === 'a' ? FILE_A : FILE_B` (Python `A if c else B`): one of fixed names, whatever the parameter in the
 * condition. A helper that picks one of two files by a flag writes those files, not wherever its callers say (real
 * code: `saveIdentityDoc(type, data)` replacing one of two JSON documents its module also loads).
 */
function choiceOfLiterals(n: Node, ctx: CodeContext): boolean {
  const arms = n.type === 'ternary_expression' ? [n.childForFieldName('consequence'), n.childForFieldName('alternative')]
    : n.type === 'conditional_expression' ? [n.namedChildren[0], n.namedChildren[2]] : [];
  return arms.length === 2 && arms.every((a) => !!a && stringLiteral(followValue(a, ctx)) !== undefined);
}

/**
 * True when no call in the file gives the helper data of its own: every call to it passes, as the data argument, a
 * parameter of the function it is made in.
 */
function callersPassOnly(fn: Node, name: string, dataAt: number, ctx: CodeContext): boolean {
  for (const c of ctx.index.calls) {
    const callee = c.childForFieldName('function');
    if (!callee || calleeText(callee).split('.').pop() !== name || localFunction(callee, ctx)?.id !== fn.id) continue;
    const arg = c.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment')[dataAt];
    const outer = ctx.scopes.functionOf(c);
    const own = outer.id === ctx.index.root.id ? [] : parameterNames(outer);
    if (!arg || unwrap(arg).type !== 'identifier' || !own.includes(unwrap(arg).text)) return false;
  }
  return true;
}
