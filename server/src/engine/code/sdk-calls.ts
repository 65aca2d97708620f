/**
 * Storage SDK calls (sdks.ts) read as the requests they send: `dbx.files_upload(data, path, mode=…)` is a PUT of the
 * Dropbox file `path`, `s3.get_object(Bucket=b, Key=k)` a GET of the object `b/k`, `blob.upload_blob(data,
 * overwrite=True)` a PUT of the blob its client was made for (`get_blob_client(container, name)`). The URL is the
 * SDK's service base with the object's names, so two calls on one object compare equal and the catalogue names the
 * service; the SDK's own guard parameters become the headers they stand for, so the rules judge the call as they
 * judge a `fetch` of the same object.
 */
import { joinPath } from './base-url';
import type { CodeContext } from './context';
import type { Resolved } from './resolve';
import { resolveCallee } from './resolve';
import { parameterNames } from './local-functions';
import { argumentsOf, followValue, readObject, type Arguments, type Options } from './options';
import { SDK_SERVICES, sdkFactory, type ArgRef, type SdkCall, type SdkGuards } from './sdks';
import { stringLiteral, unwrap, urlExpressionText, type Node } from './syntax';

/** A guard the call carries: the header it stands for, and its value (none for the create-only form `*`). */
export interface SdkGuard {
  header: string;
  /** The version the write expects; undefined for the create-only form (`If-None-Match: *`). */
  value?: Node;
  /** Where the guard is written (the argument), or the callee when it is the SDK's default. */
  at: Node;
}

export interface SdkRequest {
  sdk: string;
  url: string;
  /** The node that names the object last (the path, the key, the blob name), for the generic-helper test. */
  name: Node | undefined;
  guards: SdkGuard[];
  body: Node | undefined;
  advice: string;
  /** A guard parameter the analysis cannot read (a mode computed elsewhere): the rules stay silent. */
  unreadable: boolean;
  /**
   * The object's own name is only a parameter of the function around the call (`put_object(Bucket=B, Key=key)` in
   * `upload(data, key)`): the caller names the object, so the same text in a read twin (`read(key)`) names whatever
   * its own callers pass, not this object.
   */
  callerNamed: boolean;
}

/** The request an SDK call sends, with `spec` the call's row in sdks.ts and `resolved` what its callee stands for. */
export function sdkRequest(callee: Node, args: Arguments, spec: SdkCall, resolved: Resolved, ctx: CodeContext): SdkRequest | undefined {
  const service = SDK_SERVICES[spec.sdk];
  if (!service) return undefined;
  const optionsNode = spec.optionsObject ? args.positional[0] : undefined;
  const options = optionsNode ? readObject(optionsNode, ctx) : undefined;
  if (spec.optionsObject && !options) return undefined;
  if (spec.needs?.some((k) => !options?.props.has(k))) return undefined;
  const value = (ref: ArgRef | undefined) => ref && argValue(ref, args, options, ctx);
  const parts = [...instanceNames(resolved.instance, ctx), ...spec.names.map((r) => r.literal ?? value(r))];
  if (parts.length === 0) return undefined;
  const url = parts.reduce<string>((out, n) => joinPath(out, typeof n === 'string' ? n : n ? nameText(n, ctx) : '{{?}}'), service.base);
  const guards = readGuards(spec.guards, value, callee, ctx);
  const names = parts.filter((n): n is Node | undefined => typeof n !== 'string');
  const name = names[names.length - 1];
  return {
    sdk: spec.sdk, url, name, body: value(spec.body), advice: service.advice, callerNamed: !!name && namedByCaller(name, callee, ctx),
    guards: guards ?? [],
    unreadable: guards === undefined || args.splat || !!options?.spread || (!spec.optionsObject && args.keywords.spread),
  };
}

function argValue(ref: ArgRef, args: Arguments, options: Options | undefined, ctx: CodeContext): Node | undefined {
  const positional = ref.arg !== undefined ? args.positional[ref.arg] : undefined;
  let found = positional ?? (ref.key === undefined ? undefined : (options ?? args.keywords).props.get(ref.key)?.value);
  for (const key of ref.path ?? []) found = found && readObject(followValue(found, ctx), ctx)?.props.get(key)?.value;
  return found;
}

/**
 * The names that the factories on the way to the client object give it (`container_client.get_blob_client(name)`
 * after `service.get_container_client("c")` names `c`, then `name`), outermost first.
 */
function instanceNames(instance: Node | undefined, ctx: CodeContext, depth = 0): (Node | undefined)[] {
  if (!instance || depth > 5) return [];
  const callee = instance.childForFieldName(instance.type === 'new_expression' ? 'constructor' : 'function');
  const made = callee ? resolveCallee(callee, ctx) : undefined;
  const factory = made && sdkFactory(made.module, made.path);
  const args = argumentsOf(instance);
  if (!factory || !args) return [];
  const own = (factory.names ?? []).map((ref) => argValue(ref, args, undefined, ctx));
  return [...instanceNames(made.instance, ctx, depth + 1), ...own];
}

/**
 * True when `name` is, as text, one placeholder built from a parameter of a function around `use` (the call may sit
 * in a callback inside the helper: `withRetry(() => s3.send(…))` in `writeJSON(key, data)`).
 */
function namedByCaller(name: Node, use: Node, ctx: CodeContext): boolean {
  if (!/^\{\{[^{}]*\}\}$/.test(nameText(name, ctx))) return false;
  const params = new Set<string>();
  for (let fn = ctx.scopes.functionOf(use); fn.id !== ctx.index.root.id; fn = ctx.scopes.functionOf(fn)) {
    for (const p of parameterNames(fn)) if (p !== undefined) params.add(p);
    // Options destructured in the signature (`writeCache({ bucket, prefix = '', monthKey })`) come from the caller too.
    for (const p of destructuredParameters(fn)) params.add(p);
  }
  const followed = followValue(name, ctx);
  return [followed, ...followed.descendantsOfType('identifier')].some((n) => n.type === 'identifier' && params.has(n.text));
}

/** The names an object or array pattern in `fn`'s parameter list binds (not its default values). */
function destructuredParameters(fn: Node): string[] {
  const list = fn.childForFieldName('parameters');
  const patterns = list?.namedChildren.flatMap((p) => {
    const pattern = p.type === 'assignment_pattern' ? p.childForFieldName('left') : p.childForFieldName('pattern') ?? p;
    return pattern && (pattern.type === 'object_pattern' || pattern.type === 'array_pattern') ? [pattern] : [];
  }) ?? [];
  return patterns.flatMap((pattern) => pattern.descendantsOfType(['shorthand_property_identifier_pattern', 'identifier'])
    .filter((n) => !insideDefault(n, pattern)).map((n) => n.text));
}

/** True when `n` is in the default value of an entry of `pattern` (`{ prefix = base }`: `base` is no parameter). */
function insideDefault(n: Node, pattern: Node): boolean {
  for (let p = n.parent; p && p.id !== pattern.id; p = p.parent) {
    const right = p.type === 'object_assignment_pattern' || p.type === 'assignment_pattern' ? p.childForFieldName('right') : null;
    if (right && n.startIndex >= right.startIndex && n.endIndex <= right.endIndex) return true;
  }
  return false;
}

/** An object's name as comparable text: literals as written, a name holding a literal as that literal, else `{{name}}`. */
function nameText(node: Node, ctx: CodeContext): string {
  const constant = (n: Node) => stringLiteral(followValue(n, ctx))?.value;
  const followed = followValue(node, ctx);
  return stringLiteral(followed)?.value ?? urlExpressionText(followed, constant) ?? urlExpressionText(node, constant) ?? `{{${node.text}}}`;
}

/** The call's guards as headers; undefined when one is written in a form the analysis cannot read. */
function readGuards(spec: SdkGuards | undefined, value: (ref: ArgRef) => Node | undefined, callee: Node, ctx: CodeContext): SdkGuard[] | undefined {
  if (!spec) return [];
  const out: SdkGuard[] = [];
  for (const g of spec.values ?? []) {
    const v = value(g.ref);
    if (v) out.push({ header: g.header, value: v, at: v });
  }
  if (spec.writeMode) {
    const mode = writeMode(value(spec.writeMode), callee, ctx);
    if (mode === undefined) return undefined;
    out.push(...mode);
  }
  // GitHub's contents API refuses to replace a file without its sha: a write that gives none creates only.
  if (spec.absentMeansCreate && out.length === 0) out.push({ header: 'If-None-Match', at: callee });
  if (spec.createOnlyUnless) {
    const given = value(spec.createOnlyUnless);
    const flag = given && unwrap(followValue(given, ctx)).text;
    if (!given || flag === 'False' || flag === 'false') out.push({ header: 'If-None-Match', at: given ?? callee });
    else if (flag !== 'True' && flag !== 'true') return undefined;
  }
  return out;
}

/**
 * Dropbox's WriteMode as a guard: `update(rev)` is If-Match rev, `add` (the default) creates only, `overwrite` has
 * none. Python writes `WriteMode.update(rev)`, `WriteMode.overwrite`, `WriteMode('update', rev)`; JavaScript
 * `{ '.tag': 'update', update: rev }` or `'overwrite'`. Undefined for a form the analysis cannot read.
 */
function writeMode(given: Node | undefined, callee: Node, ctx: CodeContext): SdkGuard[] | undefined {
  if (!given) return [{ header: 'If-None-Match', at: callee }];
  const n = unwrap(followValue(given, ctx));
  const tagged = (tag: string | undefined, rev: Node | undefined): SdkGuard[] | undefined =>
    tag === 'overwrite' ? [] : tag === 'add' ? [{ header: 'If-None-Match', at: given }] : tag === 'update' && rev ? [{ header: 'If-Match', value: rev, at: rev }] : undefined;
  const literal = stringLiteral(n)?.value;
  if (literal !== undefined) return tagged(literal, undefined);
  if (n.type === 'attribute' || n.type === 'member_expression') return tagged(n.text.slice(n.text.lastIndexOf('.') + 1), undefined);
  if (n.type === 'object') {
    const props = readObject(n, ctx)?.props;
    const tag = props && stringLiteral(followValue(props.get('.tag')?.value ?? n, ctx))?.value;
    return tagged(tag, props?.get('update')?.value);
  }
  if (n.type === 'call') {
    const f = n.childForFieldName('function')?.text ?? '';
    const args = argumentsOf(n)?.positional ?? [];
    if (/(^|\.)WriteMode$/.test(f)) return tagged(stringLiteral(args[0])?.value, args[1]);
    if (/(^|\.)WriteMode\.update$/.test(f)) return tagged('update', args[0]);
  }
  return undefined;
}
