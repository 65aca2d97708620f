/**
 * Recognises the HTTP calls of a document: library calls through their shapes (libraries.ts) and the team's
 * wrappers (config.wrappers). For each: the method, the URL expression and where its headers come from.
 * When the options cannot be read (built elsewhere, spread from an unknown object), the call is marked
 * opaque so the rules stay silent about what it might carry.
 */
import type { WrapperConfig } from '../config/config';
import type { CodeContext } from './context';
import { GLOBAL_FETCH, shapeOf, type CallShape } from './libraries';
import type { Via } from './method-wrappers';
import { argumentsOf, assignedAfter, followValue, readObject, type Arguments, type Options } from './options';
import { resolveCallee } from './resolve';
import { commandSender, sdkRequest, sentCommand, type SdkRequest } from './sdk-calls';
import { sdkByShape } from './sdk-shapes';
import { SDK_METHOD_NAMES, sdkCall } from './sdks';
import { hookSetsHeaders } from './header-hooks';
import { resolveHeaders } from './headers';
import { calleeText, stringLiteral, unwrap, type Node } from './syntax';

/** A header set outside any headers object: `.set(name, value)` on a chain, `req.setHeader(name, value)`. */
export interface HeaderPair {
  name: Node;
  /** The header name when the code spells it as a property (`opts.headers.Authorization = …`). */
  nameText?: string;
  value: Node;
  whole: Node;
}

export interface HttpCall {
  call: Node;
  callee: Node;
  library: string;
  /** Upper-case; undefined when it cannot be told. */
  method: string | undefined;
  url: Node | undefined;
  /** The options' `headers` value (object, dict, name, `new Headers()`), if any. */
  headers: Node | undefined;
  /** Headers set one by one on the chain or on the returned request object. */
  pairs: HeaderPair[];
  /** The options object or keyword arguments, when readable: where a fix adds `headers`. */
  options: Options | undefined;
  /** Header information exists that the analysis cannot see. */
  opaque: boolean;
  shape: CallShape;
  args: Arguments;
  /** For a team wrapper: the precondition argument, when passed. */
  wrapper?: { config: WrapperConfig; etag: Node | undefined };
  /** A call through a local wrapper that takes the method as an argument (method-wrappers.ts). */
  via?: Via;
  /** A storage SDK call (sdk-calls.ts): the object it names, its guards as headers, the SDK's own advice. */
  sdk?: SdkRequest;
  /** The base URL of the client object the call is made on, which a relative URL is joined to. */
  base?: Node;
  /** Opaque only because the options spread something (`**kwargs`): a wrapper's caller may say what that is. */
  spreadOnly?: boolean;
}

/**
 * The HTTP call `call` makes, if it is one. `passedOn` is the shape of a function of the file that passes its
 * arguments on to a library call (pass-through.ts): a call to it is read as that library call.
 */
export function recogniseCall(call: Node, ctx: CodeContext, passedOn?: CallShape): HttpCall | undefined {
  if (call.type === 'new_expression') return undefined;
  const callee = call.childForFieldName('function');
  if (!callee) return undefined;
  const text = calleeText(callee);
  if (!passedOn && !mayBeHttpCall(text, ctx)) return undefined;
  const args = argumentsOf(call);
  if (!args) return undefined;
  const wrapper = passedOn ? undefined : wrapperFor(text, ctx.config.wrappers);
  if (wrapper) return wrapperCall(call, callee, args, wrapper);
  const resolved = passedOn ? undefined : resolveCallee(callee, ctx);
  const shape = passedOn ?? (resolved && shapeOf(resolved.module, resolved.path));
  if (!shape) {
    const sdk = resolved && sdkHttpCall(call, callee, args, resolved, ctx);
    const shaped = sdk || passedOn ? undefined : sdkByShape(callee, args, ctx) ?? commandSender(callee, args, ctx);
    return sdk ?? (shaped && sdkHttpCall(call, callee, args, shaped, ctx));
  }

  let optionsNode = typeof shape.options === 'number' ? args.positional[shape.options] : undefined;
  let urlNode = shape.urlArg !== undefined ? args.positional[shape.urlArg] ?? args.keywords.props.get('url')?.value : undefined;
  // axios(config), http.request(options), got({ url }): the URL position holds the options.
  if (urlNode && shape.urlOption && ['object', 'dictionary'].includes(followValue(urlNode, ctx).type)) {
    optionsNode = urlNode;
    urlNode = undefined;
  }
  const options = shape.options === 'kwargs' ? args.keywords : optionsNode ? readObject(optionsNode, ctx) : undefined;
  const unreadable = (optionsNode !== undefined && !options) || args.splat;
  // `cfg.method = 'PUT'`, `opts.headers['If-Match'] = tag` between the object's creation and the call.
  const later = options && optionsNode ? assignedAfter(optionsNode, ctx) : [];
  const set = (key: string) => later.filter((a) => a.path.length === 1 && a.path[0] === key).pop()?.value;
  if (!urlNode && shape.urlOption) urlNode = set(shape.urlOption) ?? options?.props.get(shape.urlOption)?.value;

  const headers = set('headers') ?? options?.props.get('headers')?.value;
  const pairs = shape.chained ? chainedPairs(call, shape.chained, ctx) : [];
  for (const a of later) {
    if (a.path.length === 2 && a.path[0] === 'headers') pairs.push({ name: a.key, nameText: a.path[1], value: a.value, whole: a.whole });
  }
  const instanceHidden = resolved?.instance !== undefined && instanceSetsHeaders(resolved.instance, ctx);
  const alias = 'alias' in shape.method ? shape.method.alias : undefined;
  const methodSet = set('method') ?? (alias ? set(alias) : undefined);
  return {
    call, callee, library: shape.library, args, shape, options, headers, pairs,
    ...(resolved?.base ? { base: resolved.base } : {}),
    method: methodSet ? methodText(methodSet, ctx) : methodOf(shape, args, options, unreadable, ctx),
    url: urlNode,
    ...hidden(unreadable || instanceHidden || objectSetsDefaults(callee, ctx)
      || (shape.headerHook !== undefined && hookSetsHeaders(options, shape.headerHook, ctx)), !headers && !!options?.spread),
  };
}

/** Opaque, and whether only the options' own spread (`**kwargs`, `...opts`) made it so. */
function hidden(elsewhere: boolean, bySpread: boolean): Pick<HttpCall, 'opaque' | 'spreadOnly'> {
  return { opaque: elsewhere || bySpread, ...(bySpread && !elsewhere ? { spreadOnly: true } : {}) };
}

/** Method names of the recognised APIs: a cheap first test that skips most calls (`map`, `log`, …). */
const HTTP_NAMES = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'request', 'dispatch', 'stream', 'fetch',
  'getFileContents', 'putFileContents', 'deleteFile', 'ajax', 'getJSON']);

function mayBeHttpCall(callee: string, ctx: CodeContext): boolean {
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  return HTTP_NAMES.has(last) || SDK_METHOD_NAMES.has(last) || ctx.modules.has(callee) || GLOBAL_FETCH.has(callee)
    || ctx.config.wrappers.some((w) => w.callee === last || w.callee.endsWith(`.${last}`));
}

/** A storage SDK call (sdks.ts), read as the request it sends. */
function sdkHttpCall(call: Node, callee: Node, args: Arguments, resolved: NonNullable<ReturnType<typeof resolveCallee>>, ctx: CodeContext): HttpCall | undefined {
  const sent = sdkCall(resolved.module, resolved.path);
  const command = sent?.command ? sentCommand(args, ctx) : undefined;
  const spec = command ? command.spec : sent?.command ? undefined : sent;
  const sdk = spec && sdkRequest(callee, command ? command.args : args, spec, resolved, ctx);
  if (!spec || !sdk) return undefined;
  return {
    call, callee, library: spec.sdk, args, shape: { library: spec.sdk, method: { fixed: spec.method } }, options: undefined,
    headers: undefined, pairs: [], method: spec.method, url: sdk.name, opaque: sdk.unreadable, sdk,
  };
}

function methodOf(shape: CallShape, args: Arguments, options: Options | undefined, unreadable: boolean, ctx: CodeContext): string | undefined {
  const m = shape.method;
  if ('fixed' in m) return m.fixed;
  if ('arg' in m) return methodText(args.positional[m.arg] ?? args.keywords.props.get('method')?.value, ctx);
  if (unreadable) return undefined;
  const given = options?.props.get(m.option) ?? (m.alias ? options?.props.get(m.alias) : undefined);
  if (given) return methodText(given.value, ctx);
  return options?.spread ? undefined : m.fallback;
}

/** `'put'`, `"PUT"`, or a name holding one in scope. */
export function methodText(node: Node | undefined, ctx: CodeContext): string | undefined {
  const literal = node && stringLiteral(followValue(node, ctx));
  return literal && /^[A-Za-z]+$/.test(literal.value) ? literal.value.toUpperCase() : undefined;
}

function wrapperFor(callee: string, wrappers: readonly WrapperConfig[]): WrapperConfig | undefined {
  return wrappers.find((w) => callee === w.callee || callee.endsWith(`.${w.callee}`));
}

function wrapperCall(call: Node, callee: Node, args: Arguments, config: WrapperConfig): HttpCall | undefined {
  // After a spread the positions are unknown: stay silent.
  if (args.splat) return undefined;
  const etag = args.positional[config.etagArg];
  const absent = !etag || ['undefined', 'null', 'None'].includes(etag.text);
  return {
    call, callee, library: 'wrapper', args, options: undefined, headers: undefined, pairs: [], opaque: false,
    shape: { library: 'wrapper', method: { fixed: config.method } },
    method: config.method,
    url: config.urlArg !== undefined ? args.positional[config.urlArg] : undefined,
    wrapper: { config, etag: absent ? undefined : etag },
  };
}

/** `.set('If-Match', tag)` further down a superagent chain; `req.setHeader(…)` on the request a variable holds. */
function chainedPairs(call: Node, kind: 'set' | 'setHeader', ctx: CodeContext): HeaderPair[] {
  const out: HeaderPair[] = [];
  const add = (c: Node) => {
    const a = argumentsOf(c);
    // `.set(name, value)`, or superagent's `.set({ … })` (name and value are then the object).
    if (a && a.positional.length >= 1) out.push({ name: a.positional[0], value: a.positional[1] ?? a.positional[0], whole: c });
  };
  const ancestors = ctx.ancestry.of(call);
  if (kind === 'set') {
    // `call` is the object of a member expression (`.set`) that is the callee of the next call up, and so on.
    for (let i = ancestors.length - 1; ancestors[i]?.type === 'member_expression' && ancestors[i - 1]?.type === 'call_expression'; i -= 2) {
      if (ancestors[i].childForFieldName('property')?.text === 'set') add(ancestors[i - 1]);
    }
    return out;
  }
  const parent = ancestors[ancestors.length - 1];
  const holder = parent?.type === 'variable_declarator' ? parent.childForFieldName('name') : undefined;
  if (holder?.type !== 'identifier') return out;
  for (const c of ctx.index.calls) {
    const f = c.childForFieldName('function');
    if (f && c.startIndex > call.startIndex && calleeText(f) === `${holder.text}.setHeader`) add(c);
  }
  return out;
}

const DEFAULT_HEADER_KEYS = ['headers', 'hooks', 'event_hooks'];

/**
 * A client made with default headers or hooks can add a precondition to every call. Default headers written out
 * with none among them (`headers={"Authorization": …}`, the usual case) add none.
 */
function instanceSetsHeaders(factory: Node, ctx: CodeContext): boolean {
  const args = argumentsOf(factory);
  if (!args) return false;
  if (args.keywords.spread || setsHeaders(args.keywords, ctx)) return true;
  return args.positional.some((a) => {
    const o = readObject(a, ctx);
    // A name that holds no literal may be an options object with headers.
    return o ? o.spread || setsHeaders(o, ctx) : followValue(a, ctx).type === 'identifier';
  });
}

const CONDITIONAL = /^if-/i;

function setsHeaders(options: Options, ctx: CodeContext): boolean {
  return DEFAULT_HEADER_KEYS.some((k) => {
    const given = options.props.get(k);
    if (!given) return false;
    if (k !== 'headers') return true;
    const set = resolveHeaders(given.value, ctx);
    return !set.complete || set.entries.some((e) => CONDITIONAL.test(e.name));
  });
}

/** `api.interceptors…`, `axios.defaults…`, `session.headers…` anywhere in the file: headers added out of sight. */
function objectSetsDefaults(callee: Node, ctx: CodeContext): boolean {
  const object = unwrap(callee).childForFieldName('object');
  if (!object) return false;
  const text = calleeText(object);
  let answer = ctx.memo.get(text);
  if (answer === undefined) {
    const name = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    answer = new RegExp(`(^|[^\\w.])${name}\\s*\\.\\s*(interceptors|defaults|headers|hooks)\\b`).test(ctx.text);
    ctx.memo.set(text, answer);
  }
  return answer;
}
