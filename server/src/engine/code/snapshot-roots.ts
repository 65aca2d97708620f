/**
 * A Firebase object whose root the analysis cannot follow — a collection or a database that the project's own module
 * exports (`import { reactionsCounterRef } from '../database/collections'`, `import { database } from './firebase'`)
 * — known by what the code does with what its read returned. A Firestore DocumentSnapshot is read with `data()` and
 * tested with `exists` (`exists()` in the modular SDK; `to_dict()` and `exists` in Python); a Realtime Database
 * DataSnapshot is read with `val()` and walked with `child()`. So `X.doc(id).get()` whose result is given `data()`
 * says `X` hands out Firestore documents, and `X.ref(path).once('value', …)` whose snapshot is given `val()` says `X`
 * is a Realtime Database: every `X.doc(…)` / `X.ref(…)` of the file is then that SDK's object, read and written as
 * the namespaced SDK's (sdks-firebase.ts). Other libraries' reads give no such accessor (axios's `res.data` is a
 * property, a Map's `get` returns the value itself), so a `get` elsewhere is left alone.
 */
import type { CodeContext } from './context';
import type { Resolved } from './resolve';
import { FIRESTORE_SHAPE_MODULE } from './sdks-firebase';
import type { Node } from './syntax';
import { isFunction, unwrap } from './syntax';
import type { ModuleBinding } from './imports';
import { parameterNames } from './local-functions';

interface SnapshotKind {
  /** The method that names the object on the root (`doc`, `ref`, Python's `document`). */
  method: string;
  /** Methods on the way from that object to a descendant one (`X.doc(a).collection(b).doc(c)`, `X.ref(p).child(c)`). */
  descend: ReadonlySet<string>;
  /** The object's read methods whose result is the snapshot. */
  reads: ReadonlySet<string>;
  /** The snapshot's own accessors, as patterns after `snapshot.` (`data()` is a call: axios's `res.data` is not). */
  accessors: readonly string[];
  /** What `X.method` stands for once `X` is known: the namespaced SDK's factory of that object. */
  resolved: Resolved;
}

const KINDS: Readonly<Record<CodeContext['family'], readonly SnapshotKind[]>> = {
  js: [
    {
      method: 'doc', descend: new Set(['doc', 'collection']), reads: new Set(['get', 'onSnapshot']), accessors: ['data\\s*\\(', 'exists\\b'],
      resolved: { module: FIRESTORE_SHAPE_MODULE.js, path: ['FsCollection', 'doc'] },
    },
    {
      method: 'ref', descend: new Set(['ref', 'child']), reads: new Set(['once', 'on', 'get']), accessors: ['val\\s*\\(', 'child\\s*\\('],
      resolved: { module: 'firebase', path: ['RtdbDatabase', 'ref'] },
    },
  ],
  python: [
    {
      method: 'document', descend: new Set(['document', 'collection']), reads: new Set(['get']), accessors: ['to_dict\\s*\\(', 'exists\\b'],
      resolved: { module: FIRESTORE_SHAPE_MODULE.python, path: ['FsCollection', 'document'] },
    },
  ],
};

const MEMBERS = new Set(['member_expression', 'attribute']);
const CALLS = new Set(['call_expression', 'call']);
const MAX_HOPS = 4;

/**
 * What `member` (`X.doc`, `X.ref`, `X.document`, the callee of a call) stands for when the file reads an object `X`
 * names that way and uses the result as that SDK's snapshot; undefined otherwise.
 */
export function snapshotRoot(member: Node, ctx: CodeContext): Resolved | undefined {
  const property = methodOf(member);
  const kind = KINDS[ctx.family].find((k) => k.method === property);
  const root = member.childForFieldName('object');
  if (!kind || !root) return undefined;
  const key = `snapshot root ${kind.method} ${root.text}`;
  let known = ctx.memo.get(key);
  if (known === undefined) ctx.memo.set(key, known = readAsSnapshot(root.text, kind, ctx));
  return known ? kind.resolved : undefined;
}

/** True when some read in the file of an object `root` names has its result used through the kind's accessors. */
function readAsSnapshot(root: string, kind: SnapshotKind, ctx: CodeContext): boolean {
  for (const call of ctx.index.calls) {
    const callee = call.childForFieldName('function');
    if (!callee || !MEMBERS.has(callee.type) || !kind.reads.has(methodOf(callee) ?? '')) continue;
    const receiver = callee.childForFieldName('object');
    if (!receiver || !namedBy(receiver, root, kind, ctx, 0)) continue;
    if (snapshotUses(call, kind.accessors, ctx)) return true;
  }
  return false;
}

export function methodOf(member: Node): string | undefined {
  return member.childForFieldName(member.type === 'attribute' ? 'attribute' : 'property')?.text;
}

/** True when `value` is `root.method(…)`, a chain down from it, or a name holding one (store-roots.ts asks it too). */
export function namedBy(value: Node, root: string, kind: Pick<SnapshotKind, 'method' | 'descend'>, ctx: CodeContext, hops = 0): boolean {
  const n = unwrap(value);
  if (hops > MAX_HOPS) return false;
  if (n.type === 'identifier') {
    const b = ctx.scopes.lookup(n.text, n);
    return !!b && b.path.length === 0 && namedBy(b.value, root, kind, ctx, hops + 1);
  }
  const callee = CALLS.has(n.type) ? n.childForFieldName('function') : undefined;
  const object = callee && MEMBERS.has(callee.type) ? callee.childForFieldName('object') : undefined;
  const method = callee && methodOf(callee);
  if (!object || !method || !kind.descend.has(method)) return false;
  return (method === kind.method && object.text === root) || namedBy(object, root, kind, ctx, hops + 1);
}

/**
 * True when what `read` returns is used through the kind's accessors: the first parameter of the callback it is given
 * (`once('value', (snap) => …)`) or of a `.then` chained on it, or the name its (awaited) result is assigned to.
 */
function snapshotUses(read: Node, accessors: readonly string[], ctx: CodeContext): boolean {
  const used = (name: string, where: Node) =>
    new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*\\.\\s*(?:${accessors.join('|')})`).test(where.text);
  const given = read.childForFieldName('arguments')?.namedChildren.filter(isFunction) ?? [];
  const ancestors = ctx.ancestry.of(read);
  let at = read;
  let i = ancestors.length - 1;
  while (i >= 0 && ['await_expression', 'parenthesized_expression', 'await'].includes(ancestors[i].type)) at = ancestors[i--];
  const parent = ancestors[i];
  // `read.then((snap) => …)`: the member, then its call.
  if (parent && MEMBERS.has(parent.type) && methodOf(parent) === 'then' && ancestors[i - 1] && CALLS.has(ancestors[i - 1].type)) {
    given.push(...(ancestors[i - 1].childForFieldName('arguments')?.namedChildren.filter(isFunction) ?? []));
  }
  for (const fn of given) {
    const param = parameterNames(fn)[0];
    if (param && used(param, fn)) return true;
  }
  const assigned = parent?.type === 'variable_declarator' || parent?.type === 'assignment' || parent?.type === 'assignment_expression'
    ? parent.childForFieldName(parent.type === 'variable_declarator' ? 'name' : 'left') : undefined;
  return assigned?.type === 'identifier' && assigned.id !== at.id && used(assigned.text, ctx.scopes.functionOf(read));
}

/**
 * The modular SDKs' functions, as a project's own module re-exports them (`export { db, ref, get, set } from …` in
 * `./firebase`, imported as `import { db, ref, get, set } from '../firebase'`): the reads whose result is the snapshot,
 * its accessors, and every function of the rows (sdks-firebase.ts) the same module then stands for.
 */
interface ModularSdk {
  module: string;
  reads: ReadonlySet<string>;
  accessors: readonly string[];
  names: ReadonlySet<string>;
}

const MODULAR: readonly ModularSdk[] = [
  {
    module: 'firebase/database', reads: new Set(['get', 'onValue']), accessors: ['val\\s*\\(', 'child\\s*\\('],
    names: new Set(['getDatabase', 'ref', 'child', 'get', 'onValue', 'set', 'update', 'remove']),
  },
  {
    module: 'firebase/firestore', reads: new Set(['getDoc', 'getDocFromServer', 'onSnapshot']), accessors: ['data\\s*\\(', 'exists\\s*\\('],
    names: new Set(['getFirestore', 'doc', 'getDoc', 'getDocFromServer', 'onSnapshot', 'setDoc', 'updateDoc', 'deleteDoc']),
  },
];

/** A module of the project itself, by its specifier: relative, or through a path alias (`@/lib/firebase`, `~/…`). */
const OWN_MODULE = /^(?:\.|@\/|~\/)/;

/**
 * What a name imported from the project's own module stands for when it is one of a modular Firebase SDK's functions
 * and the file reads through that module's read function with the result used as the SDK's snapshot (`get(r).then(
 * (s) => s.val())`, `(await getDoc(r)).data()`): that SDK's function. Undefined otherwise.
 */
export function reexportedModular(imported: ModuleBinding, ctx: CodeContext): Resolved | undefined {
  const [name] = imported.path;
  if (imported.path.length !== 1 || !OWN_MODULE.test(imported.module)) return undefined;
  for (const sdk of MODULAR) {
    if (!sdk.names.has(name)) continue;
    const key = `re-exported ${sdk.module} ${imported.module}`;
    let known = ctx.memo.get(key);
    if (known === undefined) ctx.memo.set(key, known = readThrough(imported.module, sdk, ctx));
    if (known) return { module: sdk.module, path: [name] };
  }
  return undefined;
}

function readThrough(module: string, sdk: ModularSdk, ctx: CodeContext): boolean {
  return ctx.index.calls.some((call) => {
    const callee = call.childForFieldName('function');
    const binding = callee?.type === 'identifier' && sdk.reads.has(callee.text) ? ctx.modules.get(callee.text) : undefined;
    return binding?.module === module && binding.path[0] === callee!.text && snapshotUses(call, sdk.accessors, ctx);
  });
}
