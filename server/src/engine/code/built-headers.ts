/**
 * Headers built by a call: a function or method of the file that returns an object or dict literal
 * (`private h(extra) { return { Authorization: …, ...extra } }` called as `this.h({ 'Content-Type': … })`,
 * Python `def _headers(self): return {…}`) sends what that literal holds, with the caller's arguments in place of
 * the parameters it spreads; so does a getter of the class (`get authHeaders() { … return { Authorization: … } }`,
 * spread into a wrapper's headers). A function of another module named for authentication headers (`buildAuthHeaders(…)`,
 * `get_auth_headers()`) returns credentials, not a precondition: nothing it adds could guard the write.
 * Anything else stays unknown (undefined), and the write is not judged.
 */
import type { CodeContext } from './context';
import { resolveHeaders, type HeaderSet } from './headers';
import { localFunction, parameterNames, returnedValues } from './local-functions';
import { argumentsOf, readObject } from './options';
import { getterOf } from './getters';
import { unwrap, type Node } from './syntax';

/** Parameter name → the call's argument for it (null: the call passes none). */
export type Substitutions = ReadonlyMap<string, Node | null>;

/** `buildAuthHeaders`, `getAuthHeaders`, `authHeaders`, `auth_headers`, `get_authorization_headers`, … */
const AUTH_HEADERS = /^_?(get|build|make|create)?_?auth(orization|entication)?_?headers?$/i;

export function builtHeaders(call: Node, ctx: CodeContext, depth: number): HeaderSet | undefined {
  const n = unwrap(call);
  const getter = getterOf(n, ctx);
  if (getter) return returnedHeaders(getter, new Map(), n, ctx, depth);
  if (n.type !== 'call_expression' && n.type !== 'call') return undefined;
  const callee = n.childForFieldName('function');
  const args = argumentsOf(n);
  if (!callee || !args || args.splat) return undefined;
  const fn = localFunction(callee, ctx);
  if (!fn) {
    const name = unwrap(callee).text.split('.').pop() ?? '';
    return AUTH_HEADERS.test(name) ? { entries: [], complete: true } : undefined;
  }
  const params = new Map<string, Node | null>();
  parameterNames(fn).forEach((p, i) => {
    if (p !== undefined) params.set(p, args.positional[i] ?? args.keywords.props.get(p)?.value ?? null);
  });
  return returnedHeaders(fn, params, n, ctx, depth);
}

/**
 * What a function or getter of the file returns as headers (`get authHeaders() { …; return { Authorization: … } }`),
 * when every value it returns is an object or dict literal.
 */
function returnedHeaders(fn: Node, params: Substitutions, n: Node, ctx: CodeContext, depth: number): HeaderSet | undefined {
  const returned = returnedValues(fn, ctx);
  if (returned.length === 0 || !returned.every((r) => readObject(r, ctx))) return undefined;
  const out: HeaderSet = { entries: [], complete: true };
  for (const r of returned) {
    const set = resolveHeaders(r, ctx, depth + 1, params);
    out.entries.push(...set.entries);
    out.complete &&= set.complete;
    // The caller's argument, when the function spreads it in (see headers.ts); never the function's own literal.
    if (set.literal && set.literal.startIndex >= n.startIndex && set.literal.endIndex <= n.endIndex) out.literal = set.literal;
  }
  return out;
}
