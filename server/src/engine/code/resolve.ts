/**
 * What a callee stands for: a module export (`axios.put`, `requests.put`, an imported `request`), a method
 * of a client object made by a known factory (`api.put` after `const api = axios.create()`), or the global
 * fetch. Anything else resolves to nothing, and the call is left alone.
 */
import type { CodeContext } from './context';
import { baseOption, factoryPrefix, GLOBAL_FETCH } from './libraries';
import { localFunction, returnedValues } from './local-functions';
import { argumentsOf, followValue, readObject } from './options';
import { firestoreChain } from './sdk-shapes';
import { reexportedModular, snapshotRoot } from './snapshot-roots';
import { SNAPSHOT_REF_NAMES, snapshotRef } from './snapshot-refs';
import { storeRoot } from './store-roots';
import { SDK_INSTANCES, SERVICE_FACTORIES } from './sdks';
import type { Binding } from './scope';
import { calleeText, stringLiteral, unwrap, type Node } from './syntax';
import { typedField, typedParameter } from './typed-clients';

export interface Resolved {
  module: string;
  path: string[];
  /** The factory call that made the client object, for calls on an instance. */
  instance?: Node;
  /** The base URL the factory gave the client (`base_url=`, `baseURL`, `prefixUrl`): relative paths are joined to it. */
  base?: Node;
  /** A snapshot's reference (`snap.ref`): the read call whose object it is (snapshot-refs.ts). */
  readAt?: Node;
}

/** Each name and each factory on the way is a level: a storage SDK's client → bucket → blob chain takes eight. */
const MAX_DEPTH = 12;

export function resolveCallee(node: Node, ctx: CodeContext, depth = 0): Resolved | undefined {
  const n = unwrap(node);
  if (depth > MAX_DEPTH) return undefined;
  const text = calleeText(n);
  if (n.type === 'identifier') {
    if (ctx.family === 'js' && SP_HTTP_CLIENT.test(text)) return spClient();
    // File-wide map checks first: most names are neither imported nor assigned (loop variables, parameters).
    if (!ctx.modules.has(text) && !ctx.scopes.all.has(text)) return globalFetch(text, n, ctx) ?? browserGlobal(text, ctx) ?? typedParameter(n, ctx);
    const binding = ctx.scopes.lookup(text, n);
    const imported = ctx.modules.get(text);
    // A modular Firebase function re-exported by the project's own module is known by its snapshot (snapshot-roots.ts).
    if (imported && (!binding || isRequire(binding) || isNothing(binding))) return reexportedModular(imported, ctx) ?? { module: imported.module, path: [...imported.path] };
    if (binding) return binding.path.length === 0 ? instanceOf(binding.value, ctx, depth) : returnedMember(binding.value, binding.path, ctx, depth);
    return globalFetch(text, n, ctx) ?? typedParameter(n, ctx);
  }
  // A method of the object a call returns: `service.get_blob_client(c, name).upload_blob(…)`.
  if (n.type === 'call' || n.type === 'call_expression') return instanceOf(n, ctx, depth);
  if (n.type !== 'member_expression' && n.type !== 'attribute') return undefined;
  if (GLOBAL_FETCH.has(text)) return globalFetch(text, n, ctx);
  // `snap.ref`, `doc.reference`: the object the read that returned the snapshot read (snapshot-refs.ts).
  const referenced = SNAPSHOT_REF_NAMES.has(text.slice(text.lastIndexOf('.') + 1)) ? snapshotRef(n, ctx, (c) => resolveCallee(c, ctx, depth + 1)) : undefined;
  if (referenced) return referenced;
  const stored = bindingOfMember(text, n, ctx);
  if (stored) return stored.path.length === 0 ? instanceOf(stored.value, ctx, depth) : undefined;
  const declared = typedField(n, ctx);
  if (declared) return declared;
  const object = n.childForFieldName('object');
  const property = n.childForFieldName(n.type === 'attribute' ? 'attribute' : 'property');
  if (!object || !property) return undefined;
  if (ctx.family === 'js' && SP_HTTP_CLIENT.test(property.text)) return spClient();
  const inner = unwrap(object);
  if (inner.type === 'identifier' && GLOBAL_OBJECTS.has(inner.text) && !ctx.scopes.all.has(inner.text)) return browserGlobal(property.text, ctx);
  const base = resolveCallee(object, ctx, depth + 1);
  if (!(base && SDK_INSTANCES.has(base.path[0]))) {
    // `store.collection(c).doc(id)` on a root that is no client the analysis follows: Firestore's chain (sdk-shapes.ts).
    const chain = property.text === 'collection' ? firestoreChain(n, ctx) : undefined;
    // `X.doc(id)` / `X.ref(path)` where the file reads such an object and uses the result as Firebase's snapshot;
    // `X.blob(name)`, `X.getBlockBlobClient(name)`: an object store's object, by its own methods (store-roots.ts).
    const known = chain ?? snapshotRoot(n, ctx) ?? storeRoot(n, ctx);
    if (known) return known;
  }
  return base && { ...base, path: [...base.path, property.text] };
}

/**
 * The built-in fetch, where there is one: JavaScript only (Python has no global `fetch`), and not where the
 * file declares its own `fetch` (a function or a parameter of that name around the call shadows the global).
 */
function globalFetch(text: string, use: Node, ctx: CodeContext): Resolved | undefined {
  if (!GLOBAL_FETCH.has(text) || ctx.family !== 'js') return undefined;
  if (text === 'fetch' && shadowsFetch(use, ctx)) return undefined;
  return { module: 'global', path: ['fetch'] };
}

/**
 * A client library a web page loads with a `<script>` tag: `axios` used and never imported or declared in a
 * browser script is the global the library defines (real code: a FHIR patient form calling `axios.put`); `$` and
 * `jQuery` are jQuery's (SharePoint pages and older front ends: `$.ajax({ type: 'PUT', … })`); `gapi` is Google's
 * API client (`gapi.client.request({ path, method: 'PATCH', body })`: Drive sync pages); `firebase` is the Firebase
 * SDK's namespaced build (`firebase.database().ref(path).set(v)`: like buttons and boards on static pages).
 */
const PAGE_GLOBALS: Readonly<Record<string, string>> = { axios: 'axios', $: 'jquery', jQuery: 'jquery', gapi: 'gapi', firebase: 'firebase' };

/** The page's global object, through which a page global is also reached (`window.gapi`, `(window as any).gapi`). */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);

function browserGlobal(text: string, ctx: CodeContext): Resolved | undefined {
  const module = ctx.family === 'js' ? PAGE_GLOBALS[text] : undefined;
  return module ? { module, path: [] } : undefined;
}

/**
 * The SharePoint Framework's client, by the name SPFx gives it: the web part context's `spHttpClient`, passed on as
 * `props.spHttpClient`, a parameter or a field (`this._spHttpClient`). Its type comes from `@microsoft/sp-http`,
 * but files import it from anywhere (a barrel, a relative path) or not at all (`context: any`).
 */
const SP_HTTP_CLIENT = /^_?spHttpClient$/;
const spClient = (): Resolved => ({ module: '@microsoft/sp-http', path: ['SPHttpClient'] });

/** A `function fetch(…)` in the file, or a parameter named `fetch` of a function around `use`. */
function shadowsFetch(use: Node, ctx: CodeContext): boolean {
  let answer = ctx.memo.get('declares fetch');
  if (answer === undefined) {
    answer = ctx.index.functions.some((f) => f.childForFieldName('name')?.text === 'fetch');
    ctx.memo.set('declares fetch', answer);
  }
  if (answer) return true;
  // Whole-text test, once per lint: a bundle makes thousands of fetch calls.
  let named = ctx.memo.get('fetch as a parameter');
  if (named === undefined) ctx.memo.set('fetch as a parameter', named = /[(,]\s*fetch\s*[,)=:]/.test(ctx.text));
  if (!named) return false;
  for (let f = ctx.scopes.functionOf(use); f.id !== ctx.index.root.id; f = ctx.scopes.functionOf(f)) {
    const params = f.childForFieldName('parameters') ?? f.childForFieldName('parameter');
    if (params && (params.text === 'fetch' || params.descendantsOfType('identifier').some((p) => p.text === 'fetch' && !isDefaultValue(p, params)))) return true;
  }
  return false;
}

/** True when `id` is inside a default value (`fetchFn = fetch`), not a parameter name. */
function isDefaultValue(id: Node, params: Node): boolean {
  for (const p of params.namedChildren) {
    const value = p.childForFieldName('value') ?? p.childForFieldName('right');
    if (value && id.startIndex >= value.startIndex && id.endIndex <= value.endIndex) return true;
  }
  return false;
}

/**
 * A client object made by a known factory (`axios.create(…)`, `requests.Session()`, `new Client(…)`), or a storage
 * SDK's client returned by a function of the file (`getBlobClient()` whose one `return` is
 * `service.getContainerClient(C).getBlockBlobClient(B)`).
 */
export function instanceOf(value: Node, ctx: CodeContext, depth = 0): Resolved | undefined {
  const fallback = injectedOrMade(value);
  if (fallback) return instanceOf(fallback, ctx, depth + 1);
  const call = unwrap(value);
  // `this.client = client` in a constructor given `client: Client`: the declared type says what it holds.
  if (call.type === 'identifier') return typedParameter(call, ctx);
  if (call.type !== 'call_expression' && call.type !== 'new_expression' && call.type !== 'call') return undefined;
  const callee = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function');
  const made = callee && resolveCallee(callee, ctx, depth + 1);
  const prefix = made && factoryPrefix(made.module, made.path, serviceNamed(call, made, ctx));
  if (prefix && made) {
    const base = baseOf(call, made, ctx);
    return { module: made.module, path: [...prefix], instance: call, ...(base ? { base } : {}) };
  }
  return callee && call.type !== 'new_expression' && depth < MAX_DEPTH ? returnedSdkClient(callee, ctx, depth) : undefined;
}

/**
 * The service a factory call names, for factories whose client depends on it: boto3's `client('dynamodb')`,
 * `resource(service_name='dynamodb')`.
 */
function serviceNamed(call: Node, made: Resolved, ctx: CodeContext): string | undefined {
  if (!SERVICE_FACTORIES.has(`${made.module}:${made.path.join('.')}`)) return undefined;
  const args = argumentsOf(call);
  const given = args?.positional[0] ?? args?.keywords.props.get('service_name')?.value;
  return given && stringLiteral(followValue(given, ctx))?.value;
}

/** The base URL a factory call gives its client: `httpx.Client(base_url=B)`, `axios.create({ baseURL: B })`. */
function baseOf(call: Node, made: Resolved, ctx: CodeContext): Node | undefined {
  const option = baseOption(made.module, made.path);
  const args = option ? argumentsOf(call) : undefined;
  if (!option || !args) return undefined;
  return args.keywords.props.get(option)?.value ?? (args.positional[0] && readObject(args.positional[0], ctx)?.props.get(option)?.value);
}

/**
 * `client or httpx.Client(base_url=…)`, `client ?? axios.create({ baseURL })`: a client handed in (a test's mock, a
 * shared one) or else the one made here — the code says the two are the same kind of client, and the one made here
 * says where it points. The made one, when the right side is a call.
 */
function injectedOrMade(value: Node): Node | undefined {
  const n = unwrap(value);
  if (n.type !== 'boolean_operator' && n.type !== 'binary_expression') return undefined;
  const op = n.childForFieldName('operator')?.text;
  const right = n.childForFieldName('right');
  return right && (op === 'or' || op === '||' || op === '??') && ['call', 'call_expression', 'new_expression'].includes(unwrap(right).type) ? right : undefined;
}

/**
 * `const { blob } = blobClient()` where `blobClient()` returns `{ container, blob: container.getBlockBlobClient(B) }`:
 * the storage SDK client the destructured member holds.
 */
function returnedMember(value: Node, path: readonly string[], ctx: CodeContext, depth: number): Resolved | undefined {
  const call = unwrap(value);
  const callee = call.type === 'call_expression' || call.type === 'call' ? call.childForFieldName('function') : undefined;
  const returned = callee && path.length === 1 ? onlyReturned(callee, ctx) : undefined;
  const member = returned && readObject(followValue(returned, ctx), ctx)?.props.get(path[0])?.value;
  const made = member && depth < MAX_DEPTH ? instanceOf(followValue(member, ctx), ctx, depth + 1) : undefined;
  return made && SDK_INSTANCES.has(made.path[0]) ? made : undefined;
}

/**
 * The SDK client a local function returns: its one return, or every return that returns something (`try: return
 * db.create_container_if_not_exists(id=C)` / `except …: return db.get_container_client(C)`, `if not url: return
 * None`) making the same kind of client — alternatives for one object; the first one's names stand for it.
 */
function returnedSdkClient(callee: Node, ctx: CodeContext, depth: number): Resolved | undefined {
  const fn = localFunction(callee, ctx);
  const returned = fn ? returnedValues(fn, ctx).filter((v) => !NOTHING.has(unwrap(v).type)) : [];
  const made = returned.map((r) => instanceOf(followValue(r, ctx), ctx, depth + 1));
  const first = made[0];
  return first && SDK_INSTANCES.has(first.path[0]) && made.every((m) => m?.module === first.module && m.path.join('.') === first.path.join('.')) ? first : undefined;
}

const NOTHING = new Set(['none', 'null', 'undefined']);

/** The one value a local function `callee` names returns (none when it has several returns, or is not local). */
function onlyReturned(callee: Node, ctx: CodeContext): Node | undefined {
  const fn = localFunction(callee, ctx);
  const returned = fn ? returnedValues(fn, ctx) : [];
  return returned.length === 1 ? returned[0] : undefined;
}

/** `this.api` / `self.session`: assigned in another method, so looked up file-wide when there is one binding. */
function bindingOfMember(key: string, use: Node, ctx: CodeContext): Binding | undefined {
  if (!ctx.scopes.all.has(key)) return undefined;
  const local = ctx.scopes.lookup(key, use);
  if (local) return local;
  const all = ctx.scopes.all.get(key);
  return all?.length === 1 ? all[0] : undefined;
}

/**
 * `CosmosClient = None` in `except ImportError:` beside `from azure.cosmos import CosmosClient`: an optional import's
 * fallback. A call through the name calls what was imported (calling None would fail), so the import is what it names.
 */
function isNothing(b: Binding): boolean {
  const v = unwrap(b.value);
  return b.path.length === 0 && (v.type === 'none' || v.type === 'null' || v.type === 'undefined');
}

function isRequire(b: Binding): boolean {
  const value = unwrap(b.value);
  // `require('m').Export` (imports.ts binds the name to that export).
  const v = value.type === 'member_expression' ? unwrap(value.childForFieldName('object') ?? value) : value;
  return v.type === 'call_expression' && v.childForFieldName('function')?.text === 'require';
}
