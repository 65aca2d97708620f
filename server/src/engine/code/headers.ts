/**
 * The headers a call sends, from wherever they are spelled: an object or dict literal, a variable holding
 * one (plus `h['If-Match'] = …` / `h.set(…)` / `h.update(…)` on it before the call), spreads of those,
 * `new Headers(…)` filled with `.set` / `.append`, and what a function of the file returns (`this.h({ … })`,
 * `self._headers()`, see built-headers.ts). Anything else makes the set incomplete.
 */
import { builtHeaders, type Substitutions } from './built-headers';
import type { CodeContext } from './context';
import { argumentsOf, assignedParts, followValue, isName, keyText, readObject } from './options';
import { calleeText, stringLiteral, unwrap, type Node } from './syntax';

export interface HeaderEntry {
  name: string;
  nameNode: Node;
  value: Node;
  whole: Node;
}

export interface HeaderSet {
  entries: HeaderEntry[];
  /** False when some headers may come from somewhere the analysis cannot see. */
  complete: boolean;
  /** The object or dict literal the headers are written in: where a fix adds one. */
  literal?: Node;
}

const MAX_DEPTH = 5;

/**
 * `params` maps the parameter names of a header-building function to the arguments of the call being read, so
 * that `{ ...extra }` in its returned object reads the caller's `extra` (none given: nothing).
 */
export function resolveHeaders(expr: Node, ctx: CodeContext, depth = 0, params?: Substitutions): HeaderSet {
  const raw = unwrap(expr);
  const n = followValue(raw, ctx);
  if (depth > MAX_DEPTH) return { entries: [], complete: false };
  let set: HeaderSet;
  const parts = assignedParts(n);
  const object = readObject(n, ctx);
  if (parts) {
    // `Object.assign({ Authorization }, init.headers)`: each literal as it is, each other part as a spread of it.
    set = { entries: [], complete: true, literal: unwrap(parts[0]) };
    for (const part of parts) addSpread(unwrap(followValue(part, ctx)).type === 'object' ? undefined : part, part, set, ctx, depth, params);
  } else if (object) {
    set = { entries: [], complete: true, literal: object.node };
    for (const [name, p] of object.props) set.entries.push({ name, nameNode: p.key, value: p.value, whole: p.whole });
    for (const c of n.namedChildren) {
      if (c.type === 'pair' && keyText(c.childForFieldName('key') ?? c) === undefined) set.complete &&= addComputed(c, set, ctx);
      if (c.type !== 'spread_element' && c.type !== 'dictionary_splat') continue;
      addSpread(c.firstNamedChild ?? undefined, undefined, set, ctx, depth, params);
    }
  } else if (n.type === 'new_expression' && n.childForFieldName('constructor')?.text === 'Headers') {
    const init = argumentsOf(n)?.positional[0];
    set = init ? resolveHeaders(init, ctx, depth + 1) : { entries: [], complete: true };
  } else {
    const built = builtHeaders(n, ctx, depth);
    if (!built) return { entries: [], complete: false };
    set = built;
  }
  if (isName(raw)) addMutations(raw, n, set, ctx, depth);
  return set;
}

/**
 * Adds what a spread part brings (`...extra`, a part of `Object.assign`), or the headers of a literal `part`. With
 * `params`, a parameter stands for the call's argument, and `init.headers` for the `headers` of the options the call
 * passes as `init` (a request helper merging the caller's headers into its own).
 */
function addSpread(spreadNode: Node | undefined, part: Node | undefined, set: HeaderSet, ctx: CodeContext, depth: number, params?: Substitutions): void {
  if (part && !spreadNode) {
    const inner = resolveHeaders(part, ctx, depth + 1, params);
    set.entries.push(...inner.entries);
    set.complete &&= inner.complete;
    return;
  }
  const spread = spreadNode && orEmpty(spreadNode);
  const name = spread && unwrap(spread).text;
  const given = !spread ? undefined : params?.has(name as string) ? params.get(name as string) : callerMember(spread, params, ctx);
  // A parameter the call gives no argument for spreads nothing.
  if (given === null) return;
  const source = given ?? spread;
  const inner = source ? resolveHeaders(source, ctx, depth + 1) : { entries: [], complete: false };
  // The caller's own object is where a fix adds a header: the function's object serves every caller.
  if (given) set.literal = inner.literal;
  set.entries.push(...inner.entries);
  set.complete &&= inner.complete;
}

/**
 * `init.headers` (or `init?.headers`, `init['headers']`) where `init` is a parameter bound to the call's options: the
 * headers those options hold; null when the call passes no options or options without headers. Undefined when the
 * expression is not a member of a bound parameter, or the options cannot be read (then the spread stays unknown).
 */
function callerMember(spread: Node, params: Substitutions | undefined, ctx: CodeContext): Node | null | undefined {
  const n = unwrap(spread);
  if (!params || (n.type !== 'member_expression' && n.type !== 'subscript_expression')) return undefined;
  const object = n.childForFieldName('object');
  const key = n.childForFieldName(n.type === 'member_expression' ? 'property' : 'index');
  const name = key && (key.type === 'property_identifier' ? key.text : keyText(key));
  const given = object && unwrap(object).type === 'identifier' ? params.get(unwrap(object).text) : undefined;
  if (given === undefined || name !== 'headers') return undefined;
  if (given === null) return null;
  const options = readObject(given, ctx);
  const value = options?.props.get(name)?.value;
  return value ?? (options && !options.spread ? null : undefined);
}

/** `...(extra ?? {})`, `...(extra || {})`: the spread of `extra`, which adds nothing when it is absent. */
function orEmpty(spread: Node): Node {
  const n = unwrap(spread);
  if (n.type !== 'binary_expression' && n.type !== 'boolean_operator') return spread;
  const op = n.childForFieldName('operator')?.text;
  const left = n.childForFieldName('left');
  const right = n.childForFieldName('right');
  const empty = right && ['object', 'dictionary'].includes(unwrap(right).type) && unwrap(right).namedChildren.length === 0;
  return left && empty && (op === '??' || op === '||' || op === 'or') ? left : spread;
}

/** `[IF_MATCH]: tag` with a constant name in scope. */
function addComputed(pair: Node, set: HeaderSet, ctx: CodeContext): boolean {
  const key = pair.childForFieldName('key');
  const value = pair.childForFieldName('value');
  const inner = key?.type === 'computed_property_name' ? key.firstNamedChild : key;
  const name = inner && stringLiteral(followValue(inner, ctx));
  if (!key || !value || !name) return false;
  set.entries.push({ name: name.value, nameNode: key, value, whole: pair });
  return true;
}

/** Headers added to the named object between its definition and the call. */
function addMutations(name: Node, definition: Node, set: HeaderSet, ctx: CodeContext, depth: number): void {
  const between = ctx.text.slice(definition.endIndex, name.startIndex);
  // Cheap text test first: most header objects are never touched after they are written.
  if (!new RegExp(`(^|[^\\w.])${name.text.replace(/\$/g, "\\$")}\\s*[.[]`).test(between)) return;
  const within = (n: Node) => n.startIndex > definition.endIndex && n.endIndex <= name.startIndex;
  for (const c of ctx.index.calls) {
    if (!within(c)) continue;
    const f = c.childForFieldName('function');
    const method = f && /^(.*)\.(set|append|update)$/.exec(calleeText(f));
    if (!method || method[1] !== name.text) continue;
    const args = argumentsOf(c)?.positional ?? [];
    if (method[2] === 'update') {
      const inner = args[0] ? resolveHeaders(args[0], ctx, depth + 1) : { entries: [], complete: false };
      set.entries.push(...inner.entries);
      set.complete &&= inner.complete;
      continue;
    }
    const key = args[0] && stringLiteral(followValue(args[0], ctx));
    if (key && args[1]) set.entries.push({ name: key.value, nameNode: args[0], value: args[1], whole: c });
    else set.complete = false;
  }
  for (const a of ctx.index.assignments) {
    const left = a.childForFieldName('left');
    const value = a.childForFieldName('right');
    if (!left || !value || !within(a)) continue;
    const object = left.childForFieldName('object') ?? left.childForFieldName('value');
    if (object?.text !== name.text) continue;
    const key = left.childForFieldName('index') ?? left.childForFieldName('subscript') ?? left.childForFieldName('property');
    const text = key && (key.type === 'property_identifier' ? key.text : stringLiteral(followValue(key, ctx))?.value);
    if (key && typeof text === 'string') set.entries.push({ name: text, nameNode: key, value, whole: a });
    else set.complete = false;
  }
}
