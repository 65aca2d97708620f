/**
 * Local request wrappers: a function of the file with one recognised library call whose URL uses a parameter, read
 * at each call with the caller's arguments in place of the wrapper's parameters in its URL, headers and body.
 * - The method as an argument: `function fetchElastic(method, path, body)` whose body is
 *   `fetch(URI_PREFIX + path, { method, headers: {…}, body: JSON.stringify(body) })`, or a class's
 *   `private async request(method, url, body, extra)` around `fetch(url, { method, headers, body })`. Real client
 *   code sends every request of a module through one of these (an Elasticsearch data module, a WebDAV sync backend),
 *   so the writes are the calls to the wrapper: `fetchElastic('PUT', `/groups/_doc/${id}`, group)` is the `fetch` it
 *   makes, with the caller's method. A caller's method the analysis cannot read leaves the call unrecognised.
 * - The caller's options passed on: `call(path, options = {})` around `fetch(GRAPH + path, { headers: {…}, ...options })`,
 *   `driveFetch(url, token, init)` around `fetch(url, { ...init, headers: { ...init.headers, Authorization } })`, the
 *   same with `Object.assign({}, init, …)`, or a URL the helper builds first (`const url = apiBase(cfg) + path`). The
 *   method is the caller's `method` option, else the library's default; the body is the caller's `body`; the headers
 *   are the helper's own with the caller's merged in (`init.headers` read as the caller's `headers`), or the caller's
 *   alone where its options are spread after the helper's `headers`. A header the helper adds that the analysis cannot
 *   read leaves the write unjudged (code-model.ts), so a write is judged only on headers known to be sent. Sync tools
 *   load and save a whole document through such a helper (real code: Drive appDataFolder sync backends, a OneDrive
 *   bundle store, a GitHub-contents admin page).
 * - Reads through a helper: `getJson(path)` around `requests.get(BASE + path)`. A write the helper makes with its own
 *   method is already judged where it is written.
 */
import type { HttpCall } from './calls';
import { methodText } from './calls';
import type { CodeContext } from './context';
import { destructuredFields, type DestructuredField } from './destructured';
import { calledWrapper, functionName, parameterNames } from './local-functions';
import { argumentsOf, assignedParts, followValue, isName, readObject, type Arguments } from './options';
import { spreadParameter } from './pass-through';
import { stringified } from './sent-body';
import { calleeText, encloses, unwrap, type Node } from './syntax';

/** Parameter name → the caller's argument for it (null: the caller passes none). */
export type Bindings = ReadonlyMap<string, Node | null>;

/** What a call through a method wrapper adds to the library call it stands for. */
export interface Via {
  /** The wrapper's name (for messages and the generic-helper test). */
  name: string;
  bindings: Bindings;
  /** The caller's arguments the URL is built from (what the generic-helper test reads). */
  urlArgs: Node[];
  /** The URL is the caller's argument itself (the wrapper sends it as it is): nothing to bind in it. */
  urlGiven: boolean;
  /** The caller's argument the wrapper sends as the body, if the body is a parameter. */
  body?: Node;
}

/** Where a call through the wrapper takes its method from. */
type MethodSource =
  /** The caller's argument at this position. */
  | { at: number }
  /** The wrapper's own call, always this read. */
  | { fixed: string }
  /**
   * The `method` (or `key`) of the options the caller passes at this position (spread into the wrapper's, or
   * destructured in its signature), else the default.
   */
  | { optionsAt: number; fallback: string; key?: string };

interface MethodWrapper {
  fn: Node;
  inner: HttpCall;
  method: MethodSource;
  params: readonly (string | undefined)[];
  /** Names destructured from an options parameter (`{ method = 'GET', headers = {}, body } = {}`). */
  fields: ReadonlyMap<string, DestructuredField>;
}

const READS = new Set(['GET', 'HEAD']);

/** The method wrappers among the file's functions, keyed by name, found from the library calls already recognised. */
export function methodWrappers(calls: readonly HttpCall[], ctx: CodeContext): Map<string, MethodWrapper> {
  const out = new Map<string, MethodWrapper>();
  const ambiguous = new Set<string>();
  const perFunction = new Map<number, number>();
  for (const c of calls) {
    const id = ctx.scopes.functionOf(c.call).id;
    perFunction.set(id, (perFunction.get(id) ?? 0) + 1);
  }
  for (const c of calls) {
    if (c.wrapper || c.via || c.args.splat || !c.url) continue;
    const fn = ctx.scopes.functionOf(c.call);
    if (fn.id === ctx.index.root.id) continue;
    const name = functionName(fn, ctx);
    const params = parameterNames(fn);
    const fields = destructuredFields(fn);
    const method = methodSource(c, params, ctx, fields);
    // A read helper makes that one request: a function that also sends others is more than a way to read.
    if (method && !('at' in method) && perFunction.get(fn.id) !== 1) continue;
    if (!name || !method || usedParams(builtUrl(c.url, fn, ctx), [...params, ...fields.keys()]).length === 0) continue;
    if (out.has(name)) ambiguous.add(name);
    out.set(name, { fn, inner: c, method, params, fields });
  }
  for (const name of ambiguous) out.delete(name);
  return out;
}

/** The call `node` makes through one of the wrappers, read as the library call with the caller's arguments. */
export function throughWrapper(node: Node, wrappers: ReadonlyMap<string, MethodWrapper>, ctx: CodeContext): HttpCall | undefined {
  const w = calledWrapper(node, wrappers, ctx);
  if (!w) return undefined;
  const callee = node.childForFieldName('function') as Node;
  const name = calleeText(callee).split('.').pop() ?? '';
  const args = argumentsOf(node);
  if (!args || args.splat) return undefined;
  const given = (i: number) => argumentAt(args, i, w.params[i]);
  const method = methodAtCall(w.method, given, ctx);
  if (!method) return undefined;
  const bindings = new Map<string, Node | null>();
  w.params.forEach((p, i) => {
    if (p !== undefined) bindings.set(p, given(i));
  });
  const fromFields = bindFields(w.fields, given, bindings, ctx);
  const inner = w.inner;
  const url = builtUrl(inner.url as Node, w.fn, ctx);
  const urlArgs = usedParams(url, w.params).map((p) => bindings.get(p)).filter((a): a is Node => !!a);
  // The URL is the caller's own argument when the wrapper sends it as it is: its getters and helpers stay readable.
  const direct = unwrap(url).type === 'identifier' ? bindings.get(unwrap(url).text) : undefined;
  const passed = 'optionsAt' in w.method ? callerOptions(inner, given(w.method.optionsAt), ctx) : forwardedKeywords(w, args, ctx);
  return {
    ...inner,
    call: node,
    callee,
    args,
    method,
    url: direct ?? url,
    pairs: [...inner.pairs],
    headers: passed?.headers ?? inner.headers,
    opaque: (passed && inner.spreadOnly && !('optionsAt' in w.method) ? false : inner.opaque) || passed?.unknown === true || fromFields.unknown,
    via: { name, bindings, urlArgs, urlGiven: !!direct, body: bodyArgument(inner, bindings, w.fields) ?? passed?.body },
    // The caller's headers (`extra` spread into the wrapper's) are read with the bindings, see code-model.ts.
  };
}

/** What the caller's options decide for a wrapper that spreads them into its own. */
interface PassedOptions {
  /** The caller's `headers`, where its options are spread after the wrapper's `headers` and so replace them. */
  headers?: Node;
  /** The caller's body, looked through `JSON.stringify(…)`. */
  body?: Node;
  /** The caller's options may hold anything (a spread of their own, a name holding no literal). */
  unknown: boolean;
}

function callerOptions(inner: HttpCall, given: Node | null, ctx: CodeContext): PassedOptions {
  const object = given ? readObject(given, ctx) : undefined;
  if (given && !object) return { unknown: true };
  const body = ['body', 'data', 'json'].map((k) => object?.props.get(k)?.value).find((v) => v !== undefined);
  const headers = object?.props.get('headers');
  return { body: body && stringified(body), headers: headers && spreadAfterHeaders(inner) ? headers.value : undefined, unknown: !!object?.spread };
}

/**
 * Python `def _request(self, method, path, **kwargs): return self.session.request(method, self.base + path, **kwargs)`:
 * the caller's keyword arguments the wrapper does not name are the library call's own (`headers=`, `json=`), where
 * the wrapper hands `**kwargs` on untouched. Undefined for any other wrapper (its opacity stands).
 */
function forwardedKeywords(w: MethodWrapper, args: Arguments, ctx: CodeContext): PassedOptions | undefined {
  const inner = w.inner;
  const rest = inner.spreadOnly && inner.shape.options === 'kwargs' ? keywordsParameter(w.fn) : undefined;
  const splats = inner.args.keywords.node.namedChildren.filter((c) => c.type === 'dictionary_splat');
  if (!rest || splats.length !== 1 || splats[0].firstNamedChild?.text !== rest || touched(rest, w.fn, ctx)) return undefined;
  const own = new Set(w.params.filter((p): p is string => p !== undefined));
  const kw = (k: string) => (own.has(k) ? undefined : args.keywords.props.get(k)?.value);
  const body = ['json', 'data', 'content'].map(kw).find((v) => v !== undefined);
  return { headers: inner.headers ? undefined : kw('headers'), body: body && stringified(body), unknown: args.keywords.spread };
}

/**
 * Binds each name the wrapper destructures from an options parameter to the member the caller's object gives (none:
 * null, the default written in the signature then applies, or nothing). A caller's object the analysis cannot read,
 * or one that spreads another, may hold anything: `unknown`.
 */
function bindFields(fields: ReadonlyMap<string, DestructuredField>, given: (i: number) => Node | null, bindings: Map<string, Node | null>,
  ctx: CodeContext): { unknown: boolean } {
  let unknown = false;
  for (const [name, f] of fields) {
    const options = given(f.at);
    const object = options ? readObject(options, ctx) : undefined;
    if (options && (!object || object.spread)) unknown = true;
    bindings.set(name, object?.props.get(f.key)?.value ?? null);
  }
  return { unknown };
}

/** The name of the function's `**kwargs` parameter. */
function keywordsParameter(fn: Node): string | undefined {
  const list = fn.childForFieldName('parameters');
  return list?.namedChildren.find((p) => p.type === 'dictionary_splat_pattern')?.firstNamedChild?.text;
}

/** `kwargs.pop("headers")`, `kwargs["headers"] = …`: the wrapper changes what it hands on. */
function touched(name: string, fn: Node, ctx: CodeContext): boolean {
  const body = fn.childForFieldName('body');
  return !!body && new RegExp(`(^|[^\\w.])${name}\\s*[.[]`).test(ctx.text.slice(body.startIndex, body.endIndex));
}

/** `{ headers: {…}, ...options }`: the caller's options come after the wrapper's headers, so theirs win. */
function spreadAfterHeaders(inner: HttpCall): boolean {
  const own = inner.options?.props.get('headers')?.whole;
  const literal = inner.options?.node;
  if (!own || !literal || assignedParts(literal)) return false;
  return literal.namedChildren.some((c) => c.type === 'spread_element' && c.startIndex > own.startIndex);
}

/** The expression a wrapper builds its URL in, where it names it first (`const url = apiBase(cfg) + path`). */
function builtUrl(url: Node, fn: Node, ctx: CodeContext): Node {
  const n = unwrap(url);
  if (n.type !== 'identifier') return url;
  const value = followValue(n, ctx);
  return value.id !== n.id && encloses(fn, value) ? value : url;
}

/** Where the wrapped call `c` of a function with parameters `params` takes its method from, if it counts. */
function methodSource(c: HttpCall, params: readonly (string | undefined)[], ctx: CodeContext,
  fields: ReadonlyMap<string, DestructuredField>): MethodSource | undefined {
  const method = methodNode(c);
  const at = method && isName(unwrap(method)) ? params.indexOf(unwrap(method).text) : -1;
  if (at >= 0) return { at };
  // `{ method = 'GET', … } = {}` in the signature: the caller's `method`, else the default written there.
  const field = method && isName(unwrap(method)) ? fields.get(unwrap(method).text) : undefined;
  if (field) {
    const m = c.shape.method;
    const fallback = field.fallback ? methodText(field.fallback, ctx) : 'option' in m ? m.fallback : undefined;
    return fallback ? { optionsAt: field.at, fallback, key: field.key } : undefined;
  }
  if (c.method !== undefined) return READS.has(c.method) && !c.options?.spread ? { fixed: c.method } : undefined;
  const m = c.shape.method;
  const optionsNode = typeof c.shape.options === 'number' ? c.args.positional[c.shape.options] : undefined;
  const optionsAt = optionsNode && !method && 'option' in m && m.fallback ? spreadParameter(optionsNode, params, ctx) : -1;
  return optionsAt >= 0 && 'option' in m && m.fallback ? { optionsAt, fallback: m.fallback } : undefined;
}

/** The method a call through the wrapper sends, where the analysis can tell. */
function methodAtCall(source: MethodSource, given: (i: number) => Node | null, ctx: CodeContext): string | undefined {
  if ('at' in source) return methodText(given(source.at) ?? undefined, ctx);
  if ('fixed' in source) return source.fixed;
  const options = given(source.optionsAt);
  const object = options && readObject(options, ctx);
  if (options && !object) return undefined;
  const written = object?.props.get(source.key ?? 'method');
  return written ? methodText(written.value, ctx) : object?.spread ? undefined : source.fallback;
}

/** The node the wrapped call takes its method from: the `method` option, or the method argument. */
function methodNode(c: HttpCall): Node | undefined {
  const m = c.shape.method;
  if ('option' in m) return c.options?.props.get(m.option)?.value;
  if ('arg' in m) return c.args.positional[m.arg] ?? c.args.keywords.props.get('method')?.value;
  return undefined;
}

function argumentAt(args: Arguments, i: number, name: string | undefined): Node | null {
  return args.positional[i] ?? (name ? args.keywords.props.get(name)?.value : undefined) ?? null;
}

/** The parameters an expression names directly (`URI_PREFIX + path` → `path`). */
function usedParams(node: Node, params: readonly (string | undefined)[]): string[] {
  const n = unwrap(node);
  const ids = n.type === 'identifier' || n.type === 'shorthand_property_identifier' ? [n] : n.descendantsOfType(['identifier', 'shorthand_property_identifier']);
  return [...new Set(ids.map((i) => i.text).filter((t) => params.includes(t)))];
}

/**
 * The caller's argument for the parameter the wrapper sends as its body (`body: body ? JSON.stringify(body) : …`); a
 * body the caller's options give (`{ body: JSON.stringify(doc) }` for a destructured `body`) looked through
 * `JSON.stringify(…)`.
 */
function bodyArgument(inner: HttpCall, bindings: Bindings, fields: ReadonlyMap<string, DestructuredField>): Node | undefined {
  const value = ['body', 'data', 'json'].map((k) => inner.options?.props.get(k)?.value).find((v) => v !== undefined);
  if (!value) return undefined;
  const names = usedParams(value, [...bindings.keys()]);
  const bound = names.length === 1 ? bindings.get(names[0]) ?? undefined : undefined;
  return bound && fields.has(names[0]) ? stringified(bound) : bound;
}
