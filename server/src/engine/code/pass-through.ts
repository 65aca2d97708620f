/**
 * Local pass-through wrappers: a function of the file that hands its URL parameter and its options parameter on to
 * a library call, adding nothing that decides the request (`fetchWithTimeout(url, init)` whose body is
 * `fetch(url, { ...init, signal })`). A call to it is the library call with its own arguments: the method and
 * headers the caller writes are the ones sent (real code: sync providers that put a timeout around every fetch).
 * A wrapper that sets the method or headers itself, or builds the URL, is not one: its calls stay unrecognised.
 */
import type { HttpCall } from './calls';
import type { CallShape } from './libraries';
import type { CodeContext } from './context';
import { calledWrapper, functionName, parameterNames } from './local-functions';
import { assignedParts, followValue, readObject } from './options';
import { unwrap, type Node } from './syntax';

/** Options the wrapper may add without deciding anything about preconditions. */
const DECIDING = new Set(['method', 'headers', 'url', 'path']);

interface PassThrough {
  fn: Node;
  shape: CallShape;
}

/**
 * The wrappers among the functions of the file, keyed by name, found from the library calls already recognised:
 * the call's URL is the function's parameter, and its options are another parameter (or an object that spreads it).
 */
export function passThroughWrappers(calls: readonly HttpCall[], ctx: CodeContext): Map<string, PassThrough> {
  const out = new Map<string, PassThrough>();
  for (const c of calls) {
    if (c.wrapper || typeof c.shape.options !== 'number' || c.shape.urlArg === undefined || c.args.splat) continue;
    const fn = ctx.scopes.functionOf(c.call);
    if (fn.id === ctx.index.root.id) continue;
    const name = functionName(fn, ctx);
    const params = parameterNames(fn);
    const url = c.args.positional[c.shape.urlArg];
    const urlAt = url && unwrap(url).type === 'identifier' ? params.indexOf(unwrap(url).text) : -1;
    const options = c.args.positional[c.shape.options];
    const optionsAt = options ? passedOptions(options, params, ctx) : -1;
    if (!name || urlAt < 0 || optionsAt < 0) continue;
    out.set(name, { fn, shape: { library: c.library, method: c.shape.method, urlArg: urlAt, options: optionsAt } });
  }
  return out;
}

/** The callee's shape when it names one of the wrappers (and that very function). */
export function passedOnShape(call: Node, wrappers: ReadonlyMap<string, PassThrough>, ctx: CodeContext): CallShape | undefined {
  return calledWrapper(call, wrappers, ctx)?.shape;
}

/** The index of the parameter the options come from: `init`, or `{ ...init, signal }` adding nothing deciding. */
function passedOptions(options: Node, params: readonly (string | undefined)[], ctx: CodeContext): number {
  const n = unwrap(options);
  if (n.type === 'identifier') return params.indexOf(n.text);
  const object = readObject(n, ctx);
  if (!object || [...object.props.keys()].some((k) => DECIDING.has(k))) return -1;
  return spreadParameter(n, params, ctx);
}

/**
 * The index of the one parameter an options object literal spreads (`{ headers, ...init }` → `init`, and the same
 * written `Object.assign({}, init, { headers })`), else -1.
 */
export function spreadParameter(options: Node, params: readonly (string | undefined)[], ctx: CodeContext): number {
  const n = followValue(options, ctx);
  const parts = assignedParts(n);
  if (n.type !== 'object' && !parts) return -1;
  const spread = parts ? parts.filter((p) => unwrap(followValue(p, ctx)).type !== 'object')
    : n.namedChildren.filter((c) => c.type === 'spread_element').flatMap((c) => c.firstNamedChild ?? []);
  const spreads = spread.map((s) => unwrap(followValue(s, ctx)));
  if (spreads.length !== 1 || spreads[0]?.type !== 'identifier') return -1;
  return params.indexOf(spreads[0].text);
}
