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
import { localFunction, parameterNames, returnedValues } from './local-functions';
import { entriesText, nameText, readKeyCarried } from './sdk-names';
import { callbackRead, partOf } from './sdk-read-parts';
import { readUse, type ReadUse } from './sdk-read-results';
import { readingCalls } from './read-values';
import { sequenceOf } from './completion-callbacks';
import { sdkByShape } from './sdk-shapes';
import { argumentsOf, followValue, isName, readObject, type Arguments, type Options } from './options';
import { SDK_INSTANCES, SDK_SERVICES, sdkCall, sdkCommand, sdkFactory, sdkSender, type ArgRef, type SdkCall } from './sdks';
import { readGuards, type SdkGuard } from './sdk-guards';
import { stringLiteral, unwrap, type Node } from './syntax';

export type { SdkGuard };

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
  /** The local file the call uploads from or downloads into, as written (sdks.ts `localFile`). */
  localFile?: string;
  /**
   * Why the write loses no update although a read of its object came first in its function (sdk-read-results.ts): it
   * runs where that read found nothing, or it is a partial update that sends nothing the read returned.
   */
  noLostUpdate?: string;
  /** The call is in a loop of its function: a read after it in the loop's body may run before its next turn. */
  inLoop?: boolean;
  /** A write whose data came from a read of its object before it, in its function (or the item such a read returned). */
  readFirst?: boolean;
  /** A listener's read (sdk-types.ts `listener`): what its callback keeps is read, later. */
  listener?: boolean;
}

/** The request an SDK call sends, with `spec` the call's row in sdks.ts and `resolved` what its callee stands for. */
export function sdkRequest(callee: Node, args: Arguments, spec: SdkCall, resolved: Resolved, ctx: CodeContext, depth = 0): SdkRequest | undefined {
  const service = SDK_SERVICES[spec.sdk];
  if (!service) return undefined;
  const optionsNode = spec.optionsObject ? args.positional[0] : undefined;
  const options = optionsNode ? readObject(optionsNode, ctx) : undefined;
  if (spec.optionsObject && !options) return undefined;
  if (spec.needs?.some((k) => !(options ?? args.keywords).props.has(k))) return undefined;
  if (spec.when && stringLiteral(args.positional[spec.when.arg])?.value !== spec.when.equals) return undefined;
  const value = (ref: ArgRef | undefined) => ref && argValue(ref, args, options, ctx);
  // An argument that is what a read of the object returned names that object (an upsert of the item read_item gave).
  // A modular SDK's function takes the object as an argument (`updateDoc(ref, data)`): its names are the object's.
  const instance = spec.on === undefined ? resolved.instance : objectGiven(args.positional[spec.on], ctx);
  // A snapshot's reference (`snap.ref.update(…)`, `updateDoc(snap.ref, …)`) is the object its read named (snapshot-refs.ts).
  const snapshotRead = spec.on === undefined ? resolved.readAt : snapshotGiven(args.positional[spec.on], ctx);
  const referenced = snapshotRead && depth === 0 ? readUrlOfCall(snapshotRead, ctx, depth) : undefined;
  if (spec.on !== undefined && !instance && !referenced) return undefined;
  const own = instanceNames(instance, ctx);
  const parts = [...own, ...spec.names.map((r) => r.literal ?? (r.entries ? entriesText(value(r), ctx) : undefined) ?? value(r) ?? r.absent)];
  // Names that are database paths mean the same with or without their outer slashes (`ref('likes/')` is `ref('likes')`).
  const segment = (text: string) => (service.paths ? text.replace(/^\/+|\/+$/g, '') : text);
  const urlOf = (names: readonly (Node | string | undefined)[]) =>
    names.reduce<string>((out, n) => joinPath(out, segment(typeof n === 'string' ? n : n ? nameText(n, ctx) : '{{?}}')), service.base);
  // An argument that is what a read of the object returned names that object (an upsert of the item read_item gave),
  // and so does a body spelling the `id` of an item its sequence read first (Cosmos: `{'id': 'visits', 'count': n}`).
  const given = spec.namedByRead && value(spec.namedByRead.ref);
  const spelled = given && depth === 0 && spec.namedByRead?.idKey ? readObject(given, ctx)?.props.get(spec.namedByRead.idKey)?.value : undefined;
  const read = spec.namedByRead && (readUrlOf(given, ctx, depth) ?? (spelled && readBefore(callee, urlOf([...own, spelled]), ctx)));
  if (spec.namedByRead?.required && !read) return undefined;
  // A name read from inside an argument (the keys of the entity dict a write sends) that is not there: no object.
  if (!read && spec.names.some((r) => r.path && !value(r))) return undefined;
  // A whole item names the object of a read of the same table whose key it carries (DynamoDB's put_item).
  const keyed = !read && spec.namedByKey && depth === 0 ? readKeyCarried(callee, value(spec.namedByKey), urlOf(parts), ctx, (c) => readUrlOfValue(c, ctx, depth)) : undefined;
  if (spec.namedByKey && !read && !keyed) return undefined;
  if (parts.length === 0 && !read && !referenced && !spec.collection && !(service.unnamedIsRoot && instance)) return undefined;
  const url = referenced ?? read ?? keyed ?? urlOf(parts);
  const guards = readGuards(spec.guards, value, callee, ctx);
  const names = parts.filter((n): n is Node | undefined => typeof n !== 'string');
  const name = names[names.length - 1];
  const body = value(spec.body);
  const writes = depth === 0 && spec.method !== 'GET' && spec.method !== 'HEAD' && spec.method !== 'DELETE';
  const use = writes && callee.parent ? readUse(callee.parent, url, body, ctx, (v) => readUrlOf(v, ctx, 1)) : undefined;
  const noLostUpdate = writes ? atomicOnly(body, service.atomic, ctx) ?? afterRead(use, spec) : undefined;
  // What it writes came from a read of its object before it: the item a read returned, or one carrying a read's key.
  const readFirst = writes && (!!read || !!keyed || !!use?.readFirst);
  return {
    sdk: spec.sdk, url, name, body, advice: (ctx.family === 'python' && service.pythonAdvice) || service.advice, callerNamed: !!name && namedByCaller(name, callee, ctx),
    ...(spec.localFile && value(spec.localFile) ? { localFile: value(spec.localFile)!.text.replace(/\s+/g, '') } : {}),
    ...(noLostUpdate ? { noLostUpdate } : {}),
    ...(readFirst ? { readFirst: true } : {}),
    ...(spec.listener ? { listener: true } : {}),
    ...(depth === 0 && callee.parent && inLoop(callee.parent, ctx) ? { inLoop: true } : {}),
    guards: guards ?? [],
    unreadable: guards === undefined || args.splat || !!options?.spread || (!spec.optionsObject && args.keywords.spread),
  };
}

const LOOPS = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);

/** True when `call` sits in a loop inside its own function. */
function inLoop(call: Node, ctx: CodeContext): boolean {
  const fn = ctx.scopes.functionOf(call);
  const ancestors = ctx.ancestry.of(call);
  for (let i = ancestors.length - 1; i >= 0 && ancestors[i].id !== fn.id; i--) if (LOOPS.has(ancestors[i].type)) return true;
  return false;
}

function argValue(ref: ArgRef, args: Arguments, options: Options | undefined, ctx: CodeContext): Node | undefined {
  const positional = ref.arg !== undefined ? args.positional[ref.arg] : undefined;
  let found = positional ?? (ref.key === undefined ? undefined : (options ?? args.keywords).props.get(ref.key)?.value);
  for (const key of ref.path ?? []) found = found && readObject(followValue(found, ctx), ctx)?.props.get(key)?.value;
  return found ?? (ref.or && argValue(ref.or, args, options, ctx));
}

/**
 * Why a write that sends only the SDK's atomic operations (`{ total: increment(1) }`, `ServerValue.increment(1)`)
 * loses no update: the server computes each value from what is stored.
 */
function atomicOnly(body: Node | undefined, atomic: ReadonlySet<string> | undefined, ctx: CodeContext): string | undefined {
  if (!body || !atomic) return undefined;
  const isAtomic = (v: Node) => {
    const n = unwrap(followValue(v, ctx));
    const callee = n.type === 'call_expression' || n.type === 'call' ? n.childForFieldName('function') : undefined;
    return !!callee && atomic.has(callee.text.slice(callee.text.lastIndexOf('.') + 1));
  };
  const given = unwrap(followValue(body, ctx));
  const values = given.type === 'object' || given.type === 'dictionary' ? [...(readObject(given, ctx)?.props.values() ?? [])].map((p) => p.value) : [given];
  return values.length > 0 && values.every(isAtomic)
    ? 'it sends only the database\'s atomic operations (increment, arrayUnion, …): the server applies them to whatever is stored'
    : undefined;
}

/** Why a write after a read of its object in its function loses no update, if it does not (sdk-read-results.ts). */
function afterRead(use: ReadUse | undefined, spec: SdkCall): string | undefined {
  if (use?.createsAfterMiss) return 'it runs where the read of the object before it found nothing: it creates what is not there';
  // Whole or partial, a write none of whose data came from the read writes back nothing it read: the read checked the
  // object (is it there, is it running), the write sets what the code decided.
  if (use?.sendsNothingRead) {
    return spec.partial ? 'a partial update that sends nothing the read before it returned: it sets the fields it names, whatever they were'
      : 'it sends nothing the read before it returned: the read only checked the object, the write sets what the code decided';
  }
  if (use?.writesOnlyDerived && spec.partial && !spec.placeholders) {
    return 'a partial update of fields it derives from other fields the read before it returned: it writes back none of the fields it read, so a concurrent change to them stays';
  }
  return undefined;
}

/**
 * The URL of the object an SDK read named, when `given` is what that read returned (`user = container.read_item(item=
 * user_id, …)`, then `upsert_item(user)`): the object a write of that value writes back.
 */
/** The URL of the object an SDK read named, when `value` is that read or a name holding what it returned. */
export function sdkReadUrl(value: Node, ctx: CodeContext): string | undefined {
  return readUrlOf(value, ctx, 1);
}

function readUrlOf(given: Node | undefined, ctx: CodeContext, depth: number): string | undefined {
  const url = readUrlOfValue(given, ctx, depth);
  // `try: item = container.read_item(…)` / `except …: item = {…}`: the item the try read, whenever it succeeded.
  const name = given && !url ? unwrap(given) : undefined;
  const tried = name && isName(name) ? ctx.scopes.tried(name.text, name) : undefined;
  return url ?? (tried && tried.path.length === 0 ? readUrlOfValue(tried.value, ctx, depth) : undefined);
}

/**
 * `url` when the sequence of `write` reads that object before it (a counter read, then upserted as a fresh dict that
 * spells its `id`): the body names the object read. Otherwise undefined: a body made elsewhere names nothing read.
 */
function readBefore(write: Node, url: string, ctx: CodeContext): string | undefined {
  const sequence = sequenceOf(write, ctx);
  for (const call of ctx.index.calls) {
    if (call.startIndex >= write.startIndex) break;
    if (call.startIndex < sequence.startIndex || sequenceOf(call, ctx).id !== sequence.id) continue;
    if (readUrlOfCall(call, ctx, 1) === url) return url;
  }
  return undefined;
}

function readUrlOfValue(given: Node | undefined, ctx: CodeContext, depth: number, steps = 0): string | undefined {
  const value = given && unwrap(followValue(given, ctx));
  // Part of what a read returned is of the object it read: `response['Item']`, `data.Item`, `response.get('Item')`;
  // so is the promise of the read (`docClient.get(params).promise()`, AWS SDK for JavaScript v2).
  const part = value && steps < 4 ? partOf(value) ?? callbackRead(value, ctx) ?? returnedBy(value, ctx) : undefined;
  if (part) return readUrlOfValue(part, ctx, depth, steps + 1);
  // What a call returned, or one element of it: the first item of a query, each item a loop over it takes (read-values.ts).
  for (const call of value && depth < 2 ? readingCalls(value, ctx) : []) {
    const url = readUrlOfCall(call, ctx, depth);
    if (url) return url;
  }
  return undefined;
}

function readUrlOfCall(call: Node, ctx: CodeContext, depth: number): string | undefined {
  const callee = call.childForFieldName('function');
  const args = callee ? argumentsOf(call) : undefined;
  if (!callee || !args) return undefined;
  // A client the analysis follows, or one named by the call's own option names (sdk-shapes.ts).
  const resolved = resolveCallee(callee, ctx);
  const made = resolved && sdkCall(resolved.module, resolved.path) ? resolved : sdkByShape(callee, args, ctx) ?? commandSender(callee, args, ctx);
  const sent = made && sdkCall(made.module, made.path);
  // `client.send(new GetObjectCommand({ … }))`: the command says what is read.
  const command = sent?.command ? sentCommand(args, ctx) : undefined;
  const spec = command ? command.spec : sent;
  return made && (spec?.method === 'GET' || spec?.method === 'HEAD') ? sdkRequest(callee, command ? command.args : args, spec, made, ctx, depth + 1)?.url : undefined;
}

/**
 * `ddb.send(new PutCommand({ … }))` where the analysis cannot follow `ddb` (made in another module): the command is
 * an SDK's own class, and says what is sent, whatever sends it.
 */
export function commandSender(callee: Node, args: Arguments, ctx: CodeContext): Resolved | undefined {
  const last = unwrap(callee);
  const property = last.type === 'member_expression' ? last.childForFieldName('property')?.text : undefined;
  const command = property === 'send' ? sentCommand(args, ctx) : undefined;
  return command && sdkSender(command.spec.sdk);
}

/** The one value a local function returns, when `call` calls one (`user = get_user(uid)`: what its read returned). */
function returnedBy(call: Node, ctx: CodeContext): Node | undefined {
  const callee = call.type === 'call' || call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const fn = callee && localFunction(callee, ctx);
  const returned = fn ? returnedValues(fn, ctx) : [];
  return returned.length === 1 ? returned[0] : undefined;
}

/** `client.send(new PutObjectCommand({ … }))`, or a name holding the command: the command and its arguments. */
export function sentCommand(args: Arguments, ctx: CodeContext): { spec: SdkCall; args: Arguments } | undefined {
  const made = args.positional[0] && unwrap(followValue(args.positional[0], ctx));
  const ctor = made?.type === 'new_expression' ? made.childForFieldName('constructor') : undefined;
  const resolved = ctor && resolveCallee(ctor, ctx);
  const spec = resolved && sdkCommand(resolved.module, resolved.path);
  const given = spec && made && argumentsOf(made);
  return spec && given ? { spec, args: given } : undefined;
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
  const own = (factory.names ?? []).flatMap((ref) => {
    const given = argValue(ref, args, undefined, ctx);
    return given || !ref.optional ? [given] : [];
  });
  return [...instanceNames(made.instance, ctx, depth + 1), ...own];
}

/**
 * The factory call that made the object `given` stands for (`doc(db, 'users', id)`, a name holding it, a function of
 * the file returning it): a modular SDK function's object argument.
 */
function objectGiven(given: Node | undefined, ctx: CodeContext): Node | undefined {
  const made = given && resolveCallee(given, ctx);
  return made?.instance && SDK_INSTANCES.has(made.path[0]) ? made.instance : undefined;
}

/** The read whose snapshot's reference `given` is (`updateDoc(snap.ref, …)`): snapshot-refs.ts. */
function snapshotGiven(given: Node | undefined, ctx: CodeContext): Node | undefined {
  return given ? resolveCallee(given, ctx)?.readAt : undefined;
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
