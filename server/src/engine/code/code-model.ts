/**
 * Lowers the recognised calls of a JS/TS/Python document into the language-neutral DocumentModel the rules
 * read: one RequestModel per call, in source order, with its headers and where each value comes from.
 */
import { overriddenMethod } from '../model/method-override';
import { hostOf, queryParamNames, resourceKey } from '../model/target';
import type { DocumentModel, HeaderModel, RequestModel } from '../model/types';
import { hasWritePrecondition } from '../rules/vocabulary';
import { BranchPaths } from './branches';
import { recogniseCall, type HttpCall } from './calls';
import { passedOnShape, passThroughWrappers } from './pass-through';
import { methodWrappers, throughWrapper } from './method-wrappers';
import { genericHelper } from './generic-helpers';
import { inTimerTrigger } from './timer-triggers';
import { CodeRequestEditor, type FixSupport } from './code-editor';
import { conditionalPreconditions, tagFromCaller } from './conditional-guards';
import { readModifyWriteEvidence } from './read-modify-write';
import { webdavDialectEvidence } from './webdav-dialect';
import { sdkHelperPairEvidence } from './sdk-helper-pairs';
import { SDK_SERVICES } from './sdks';
import { getterReturn } from './getters';
import { localFunction, parameterNames, returnedValues } from './local-functions';
import { configBaseEvidence } from './config-bases';
import { joinedToBase } from './base-url';
import { confirmedGuessEvidence } from './confirmed-guess';
import { etagReadEvidence } from './etag-reads';
import { markFetchedGuards } from './fetched-guard';
import { markLocalFileUploads } from './local-file-uploads';
import type { CodeContext } from './context';
import { valueInfo, type RequestIndexOf } from './etag-flow';
import { resolveHeaders, type HeaderEntry, type HeaderSet } from './headers';
import { argumentsOf, assignedAfter, followValue, readObject } from './options';
import { rangeOf, stringLiteral, unwrap, urlExpressionText, type Node } from './syntax';
import { spanOf } from '../text/span';

export function buildCodeModel(ctx: CodeContext, fixes: FixSupport): DocumentModel {
  let calls: HttpCall[] = [];
  for (const node of ctx.index.calls) {
    const call = recogniseCall(node, ctx);
    if (call) calls.push(call);
  }
  calls = withPassedOn(calls, ctx);
  const indexById = new Map(calls.map((c, i) => [c.call.id, i]));
  const requestOf: RequestIndexOf = (n) => indexById.get(n.id);
  const requests: RequestModel[] = [];
  const branches = new BranchPaths(ctx.ancestry);
  calls.forEach((call, index) => requests.push(lowerCall(call, index, ctx, requestOf, calls, fixes, branches.of(call.call))));
  markFetchedGuards(requests, calls, ctx, requestOf);
  markLocalFileUploads(requests, calls, ctx);
  const etagReads = etagReadEvidence(requests, requestOf, ctx);
  const taggedReads = new Set(etagReads.map((e) => e.request));
  return {
    requests, unresolved: [], evidence: [...readModifyWriteEvidence(requests, calls, ctx, taggedReads), ...webdavDialectEvidence(requests, calls, ctx),
    ...configBaseEvidence(requests), ...confirmedGuessEvidence(requests, calls, ctx), ...etagReads, ...sdkHelperPairEvidence(requests, calls, ctx)],
  };
}

/**
 * The calls to the file's pass-through wrappers (pass-through.ts) and method wrappers (method-wrappers.ts), read as
 * the library calls they make, in source order.
 */
function withPassedOn(calls: HttpCall[], ctx: CodeContext): HttpCall[] {
  const wrappers = passThroughWrappers(calls, ctx);
  const byMethod = methodWrappers(calls, ctx);
  if (wrappers.size === 0 && byMethod.size === 0) return calls;
  const seen = new Set(calls.map((c) => c.call.id));
  const more: HttpCall[] = [];
  for (const node of ctx.index.calls) {
    if (seen.has(node.id)) continue;
    const shape = passedOnShape(node, wrappers, ctx);
    const call = shape ? recogniseCall(node, ctx, shape) : throughWrapper(node, byMethod, ctx);
    if (call) more.push(call);
  }
  return more.length === 0 ? calls : [...calls, ...more].sort((a, b) => a.call.startIndex - b.call.startIndex);
}

function lowerCall(
  call: HttpCall, index: number, ctx: CodeContext, requestOf: RequestIndexOf, calls: readonly HttpCall[], fixes: FixSupport, branch: string[],
): RequestModel {
  const set = headerSetOf(call, ctx);
  const conditional = conditionalPreconditions(set.entries, call.call, ctx);
  const headers: HeaderModel[] = [];
  for (const e of set.entries) {
    const info = valueInfo(e.value, ctx, requestOf);
    if (info === 'absent') continue;
    if (info.literal) fixes.literals.push(info.literal);
    const name = stringLiteral(e.nameNode);
    if (name) fixes.literals.push(name);
    headers.push({
      name: e.name,
      value: info.literal?.value,
      nameRange: spanOf(name?.contentRange ?? rangeOf(e.nameNode)),
      valueRange: spanOf(info.range),
      range: spanOf(rangeOf(e.whole)),
      source: info.source,
      ...(conditional.has(e) ? { conditional: true, ...(tagFromCaller(e, call.call, ctx) ? { tagFromCaller: true } : {}) } : {}),
    });
  }
  // A storage SDK's create-only form (Dropbox mode add, Azure without overwrite=True) is `If-None-Match: *`.
  for (const g of call.sdk?.guards ?? []) if (!g.value) headers.push(createOnlyHeader(g.header, g.at));
  const createOnly = createOnlyOption(call, ctx);
  if (createOnly === 'create') headers.push(createOnlyHeader('If-None-Match', call.options!.props.get(call.shape.createOnlyUnless!)!.value));
  const written = call.sdk ? call.sdk.url : call.url && urlText(call.url, ctx, call.via?.urlGiven ? undefined : call.via?.bindings);
  const base = call.base ? urlText(call.base, ctx) : call.shape.origin;
  const url = written !== undefined && base !== undefined ? joinedToBase(written, base) : written;
  const request: RequestModel = {
    index,
    method: overriddenMethod(headers) ?? call.method,
    url,
    target: url === undefined ? undefined : resourceKey(url),
    queryParams: new Set([...(url ? queryParamNames(url) : []), ...paramNames(call, ctx)]),
    body: bodyText(call, ctx),
    host: url && hostOf(url),
    headers,
    anchor: spanOf(rangeOf(call.callee)),
    range: spanOf(rangeOf(call.call)),
    branch,
    editor: call.sdk ? NO_EDITS : new CodeRequestEditor(ctx, call, set, calls, fixes),
  };
  if (call.sdk) {
    const { sdk: name, advice, callerNamed, noLostUpdate, inLoop, readFirst } = call.sdk;
    request.sdk = {
      name, advice, ...(callerNamed ? { callerNamed: true } : {}), ...(noLostUpdate ? { noLostUpdate } : {}), ...(inLoop ? { inLoop: true } : {}),
      ...(readFirst ? { readFirst: true } : {}),
      ...(SDK_SERVICES[name]?.paths || SDK_SERVICES[name]?.ownReadOnly ? { pathNamed: true } : {}),
    };
  }
  const helper = call.method === 'PUT' || call.method === 'PATCH' ? genericHelper(call, ctx) : undefined;
  if (helper) request.genericHelper = helper;
  if (inTimerTrigger(call.call, ctx)) request.timerTriggered = true;
  // Headers we cannot see may hold the precondition (so may an If-None-Match whose value may be `*`): judge
  // the call only when what we see already has one.
  const unknownInm = headers.some((h) => h.name.toLowerCase() === 'if-none-match' && h.source.kind === 'unknown');
  if ((!set.complete || call.opaque || unknownInm || createOnly === 'unknown') && !hasWritePrecondition(request, ctx.config)) request.method = undefined;
  return request;
}

/**
 * What a library's create-only option says (`putFileContents(path, data, { overwrite: false })`): `create` when it is
 * `false`, `unknown` when it is given a value the analysis cannot read (`overwrite: isOverwrite`).
 */
function createOnlyOption(call: HttpCall, ctx: CodeContext): 'create' | 'unknown' | undefined {
  const given = call.shape.createOnlyUnless ? call.options?.props.get(call.shape.createOnlyUnless)?.value : undefined;
  if (!given) return undefined;
  const flag = unwrap(followValue(given, ctx)).text;
  return flag === 'false' ? 'create' : flag === 'true' ? undefined : 'unknown';
}

/** An SDK call takes no headers: its guards are its own parameters, which a header fix cannot add. */
const NO_EDITS: RequestModel['editor'] = { addHeader: () => [] };

function createOnlyHeader(name: string, at: Node): HeaderModel {
  const range = spanOf(rangeOf(at));
  return { name, value: '*', nameRange: range, valueRange: range, range, source: { kind: 'literal' } };
}

function headerSetOf(call: HttpCall, ctx: CodeContext): HeaderSet {
  if (call.sdk) {
    return { entries: call.sdk.guards.flatMap((g) => g.value ? [{ name: g.header, nameNode: g.at, value: g.value, whole: g.at }] : []), complete: true };
  }
  if (call.wrapper) {
    const etag = call.wrapper.etag;
    return { entries: etag ? [{ name: 'If-Match', nameNode: etag, value: etag, whole: etag }] : [], complete: true };
  }
  const set: HeaderSet = call.headers ? wrappedHeaders(call.headers, call, ctx) : { entries: [], complete: true };
  const pairs: HeaderEntry[] = [];
  for (const p of call.pairs) {
    const name = p.nameText ?? stringLiteral(followValue(p.name, ctx))?.value;
    if (name) pairs.push({ name, nameNode: p.name, value: p.value, whole: p.whole });
    // `.set({ … })` on a superagent chain: an object of headers.
    else if (p.name.type === 'object') {
      const inner = resolveHeaders(p.name, ctx);
      pairs.push(...inner.entries);
    } else set.complete = false;
  }
  return { ...set, entries: [...set.entries, ...pairs] };
}

/**
 * The headers of a call, read with a method wrapper's bindings: the caller's argument in place of a parameter the
 * wrapper spreads or sends as its headers (none given: nothing).
 */
function wrappedHeaders(headers: Node, call: HttpCall, ctx: CodeContext): HeaderSet {
  const bindings = call.via?.bindings;
  const n = unwrap(headers);
  if (bindings && n.type === 'identifier' && bindings.has(n.text)) {
    const given = bindings.get(n.text);
    return given ? resolveHeaders(given, ctx) : { entries: [], complete: true };
  }
  return resolveHeaders(headers, ctx, 0, bindings);
}

/** Where each library takes the body: options `body` / `data` / `json`, axios's data argument, Python `json=` / `data=`. */
const BODY_KEYS = ['body', 'data', 'json'];

/**
 * The body's source text (looked through a name and `JSON.stringify(…)` / `json.dumps(…)`), for body guards; with the
 * members set on the named object before the call (`if (sha) body.sha = sha`, `payload["sha"] = sha`), which it sends.
 */
function bodyText(call: HttpCall, ctx: CodeContext): string | undefined {
  if (call.via) return call.via.body && textWithAssigned(call.via.body, ctx);
  // An upload of a local file sends the file, not its path: the path's text is no body (a literal path is no fixed value).
  // What a body object is given after it is made (`updates[key] = n + 1` before `updateDoc(ref, updates)`) is sent too.
  if (call.sdk) return call.sdk.localFile === undefined && call.sdk.body ? textWithAssigned(call.sdk.body, ctx) : undefined;
  let node = BODY_KEYS.map((k) => call.options?.props.get(k)?.value).find((v) => v !== undefined);
  if (!node && call.library === 'axios' && call.shape.options === 2) node = call.args.positional[1];
  for (let depth = 0; node && depth < 3; depth++) {
    const n: Node = followValue(node, ctx);
    const f = n.type === 'call_expression' || n.type === 'call' ? n.childForFieldName('function')?.text : undefined;
    if (f !== 'JSON.stringify' && f !== 'json.dumps') return textWithAssigned(node, ctx);
    node = argumentsOf(n)?.positional[0];
  }
  return undefined;
}

function textWithAssigned(node: Node, ctx: CodeContext): string {
  const later = assignedAfter(node, ctx).filter((a) => a.path.length === 1);
  const text = followValue(node, ctx).text;
  return later.length === 0 ? text : `${text} ${later.map((a) => a.whole.text).join('; ')}`;
}

/**
 * The URL as comparable text; a name that holds something else stands for itself (`{{url}}`). `bindings` are a method
 * wrapper's parameters bound to the caller's arguments (`URI_PREFIX + path` with the caller's path).
 */
function urlText(given: Node, ctx: CodeContext, bindings?: ReadonlyMap<string, Node | null>): string | undefined {
  const base = (name: Node) => baseUrlConstant(name, ctx);
  const node = urlObjectSource(given, ctx) ?? given;
  const followed = followValue(node, ctx);
  const getter = getterReturn(followed, ctx);
  const bound = bindings && bindings.size > 0 ? { value: unwrap(node), params: boundArguments(bindings) } : undefined;
  const built = bound ?? (getter ? { value: getter, params: NO_PARAMS } : builtBy(followed, ctx));
  // In what a helper returns, its parameters stand for the call's arguments (`this.histUrl(`${Date.now()}.json`)`).
  const inHelper = (name: Node) => {
    const arg = built?.params.get(name.text);
    return arg ? urlExpressionText(arg, base) ?? `{{${arg.text}}}` : base(name);
  };
  const text = (built && urlExpressionText(built.value, inHelper)) ?? urlExpressionText(followed, base) ?? urlExpressionText(node, base);
  return text && joined(text).replace(HOST_THEN_NAME, '$1/{{');
}

/**
 * A URL object read back as text (`url.toString()`, `url.href`, `String(url)`, or the object itself) where
 * `const url = new URL(`https://graph.microsoft.com/v1.0/me/events/${id}`)`: the text it was made from, so the
 * request compares with the file's other calls (its query, set through `url.searchParams`, is left out). The
 * two-argument form (a path resolved against a base) is left alone.
 */
function urlObjectSource(node: Node, ctx: CodeContext): Node | undefined {
  let n = unwrap(node);
  const callee = n.type === 'call_expression' ? n.childForFieldName('function') : undefined;
  const args = callee ? argumentsOf(n) : undefined;
  if (callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'toString' && args?.positional.length === 0) {
    n = unwrap(callee.childForFieldName('object') ?? n);
  } else if (callee?.text === 'String' && args?.positional.length === 1) {
    n = unwrap(args.positional[0]);
  } else if (n.type === 'member_expression' && n.childForFieldName('property')?.text === 'href') {
    n = unwrap(n.childForFieldName('object') ?? n);
  }
  const made = followValue(n, ctx);
  if (made.type !== 'new_expression' || made.childForFieldName('constructor')?.text !== 'URL') return undefined;
  const from = argumentsOf(made)?.positional;
  return from?.length === 1 ? from[0] : undefined;
}

/**
 * A base constant keeps its trailing slash (`${BASE}tasks/${id}` with `BASE = 'https://x.app/'` is `https://x.app/tasks/…`,
 * not `…apptasks`); where the next part brings its own (`BASE + '/tasks'`), the two make one.
 */
function joined(text: string): string {
  return text.replace(/([^:/])\/{2,}/g, '$1/');
}

const NO_PARAMS: ReadonlyMap<string, Node> = new Map();

/** The bindings the caller gives an argument for. */
function boundArguments(bindings: ReadonlyMap<string, Node | null>): ReadonlyMap<string, Node> {
  return new Map([...bindings].filter((b): b is [string, Node] => b[1] !== null));
}

/**
 * A URL a function of the file builds (`self.url()` where `def url(self): return '{server}/api/v1/…'.format(…)`,
 * `this.histUrl(name)`): the expression it returns, when it returns one, and its parameters' arguments.
 */
function builtBy(node: Node, ctx: CodeContext): { value: Node; params: ReadonlyMap<string, Node> } | undefined {
  if (node.type !== 'call_expression' && node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function');
  const fn = callee && localFunction(callee, ctx);
  const returned = fn ? returnedValues(fn, ctx) : [];
  const args = argumentsOf(node);
  if (!fn || returned.length !== 1 || !args) return undefined;
  const params = new Map<string, Node>();
  parameterNames(fn).forEach((p, i) => {
    const arg = p === undefined ? undefined : args.positional[i] ?? args.keywords.props.get(p)?.value;
    if (p !== undefined && arg) params.set(p, arg);
  });
  return { value: returned[0], params };
}

/**
 * `BASE + path` with `BASE = "https://x.firebasedatabase.app"` (no trailing slash: the path brings its own) reads
 * `https://x.firebasedatabase.app{{path}}`: what follows a whole host name is its path, so a `/` goes between
 * them, and the host stays a host. Only a dotted name with a top-level domain counts (not `localhost{{port}}`).
 */
const HOST_THEN_NAME = /^(https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\{\{/i;

/**
 * A name holding a base URL written as a literal (`BASE = "https://graph.microsoft.com/v1.0"`) reads as that URL,
 * so the host and path say which API a call goes to; so does a name holding a URL built from another name
 * (`BASE = firebaseConfig.databaseURL + "/join/"` reads `{{firebaseConfig.databaseURL}}/join/`, as written), so the base it
 * starts from stays visible; a name holding a call reads as that call (`endpoint = normalize(cfg.url)` reads
 * `{{normalize(cfg.url)}}`, so a write under it compares with a PROPFIND sent to `normalize(cfg.url) + '/'`).
 * Other names stay `{{name}}`.
 */
function baseUrlConstant(name: Node, ctx: CodeContext, depth = 0): string | undefined {
  if (name.type !== 'identifier') return undefined;
  const value = followValue(name, ctx);
  const literal = stringLiteral(value);
  if (literal) return /^(https?:\/\/[^\s{}]+|\/[\w./-]*)$/i.test(literal.value) ? literal.value : undefined;
  if (depth >= 3 || !BUILT_URL.has(value.type) || value === unwrap(name)) return undefined;
  const built = urlExpressionText(value, (n) => baseUrlConstant(n, ctx, depth + 1));
  return built && /^(https?:\/\/|\{\{)/i.test(built) ? built : undefined;
}

/** Expressions that build a URL from parts: `a + '/x'`, template strings, f-strings, `normalize(base)`. */
const BUILT_URL = new Set(['binary_expression', 'binary_operator', 'template_string', 'string', 'call_expression', 'call']);

/** Query parameters given as options: axios `params`, got/ky `searchParams`, requests/httpx `params=`. */
function paramNames(call: HttpCall, ctx: CodeContext): string[] {
  const given = call.options?.props.get('params') ?? call.options?.props.get('searchParams');
  const object = given && readObject(given.value, ctx);
  return object ? [...object.props.keys()] : [];
}
