/**
 * Firebase's database SDKs read as the requests they send (the rows; sdks.ts registers them and says what each field
 * means). Neither SDK sends an ETag: the Realtime Database's guard is `transaction()` (`runTransaction` in the modular
 * SDK), which re-runs the update when the value changed since it was read; Firestore's is a transaction
 * (`runTransaction`) or, for a counter, `FieldValue.increment`. A write through either is not listed here, so it is
 * never judged; what is listed is the plain read (`once('value')`, `get()`, `getDoc`) and the plain write (`set`,
 * `update`, `setDoc`, `updateDoc`) that lose a concurrent change when the one follows the other. The Admin SDK's
 * Firestore `update(data, { lastUpdateTime })` is the one precondition a call carries.
 *
 * Both the namespaced API (`firebase.database().ref(path).set(v)`, `admin.firestore().collection(c).doc(id).update(d)`)
 * and the modular one (`set(ref(db, path), v)`, `updateDoc(doc(db, c, id), d)`, where the object is the call's first
 * argument: `on: 0`) are rows. The object's URL is made of its path segments under a base no catalogue service claims:
 * the evidence is the code's own read of the same path, never the service's name alone (a `set` of a path nothing in
 * the file reads is a presence flag, a seed, a cleanup: whatever is there is meant to go).
 */
import type { ArgRef, SdkFactory, SdkGuards, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';

/**
 * What each SDK's server computes from the stored value (`increment(1)`, `FieldValue.arrayUnion(x)`; Python's
 * `firestore.Increment(1)`, `ArrayUnion([x])`).
 */
const ATOMIC = new Set(['increment', 'arrayUnion', 'arrayRemove', 'serverTimestamp', 'deleteField', 'delete', 'Increment', 'ArrayUnion', 'ArrayRemove']);

export const FIREBASE_SERVICES: Readonly<Record<string, SdkService>> = {
  'Firebase Realtime Database (SDK)': {
    base: 'firebase-rtdb://database',
    paths: true,
    unnamedIsRoot: true,
    atomic: ATOMIC,
    advice: 'Write it with ref.transaction(current => …) (runTransaction(ref, …) in the modular SDK): the database re-runs your update when the value changed since it was read; a counter can use ServerValue.increment(n) (increment(n)).',
    // firebase_admin.db: `Reference.transaction(update)`, or `set_if_unchanged(etag, value)` with `get(etag=True)`'s ETag.
    pythonAdvice: 'Write it with ref.transaction(update_fn): the database re-runs update_fn with the current value when it changed since it was read; or read with ref.get(etag=True) and write with ref.set_if_unchanged(etag, value).',
  },
  'Cloud Firestore (SDK)': {
    base: 'firestore://documents',
    paths: true,
    atomic: ATOMIC,
    advice: 'Read and write it inside runTransaction (db.runTransaction(…) in the namespaced SDK): Firestore retries the transaction when the document changed since it was read; a counter can use FieldValue.increment(n) (increment(n)).',
    // google-cloud-firestore / firebase_admin.firestore: a function decorated `@firestore.transactional`, given
    // `client.transaction()`, reads with `get(transaction=…)` and writes through the transaction.
    pythonAdvice: 'Read and write it in a function decorated @firestore.transactional, called with client.transaction(): read with doc_ref.get(transaction=transaction), write with transaction.update(doc_ref, …); Firestore retries it when the document changed since it was read. A counter can use firestore.Increment(n).',
  },
};

const first: ArgRef = { arg: 0 };
/** A read's snapshot references the object read: DataSnapshot `ref`, DocumentSnapshot `ref` (Python: `reference`). */
const rtdbSnapshot = { ref: 'ref', of: 'RtdbRef' } as const;
const documentSnapshot = { ref: 'ref', of: 'FsDocument' } as const;
const documentSnapshotPy = { ref: 'reference', of: 'FsDocument' } as const;

// Realtime Database, namespaced: `admin.database()` / `firebase.database()` (also the page's global `firebase`) →
// `ref(path)` → `child(path)`; modular: `getDatabase()` → `ref(db, path)`, and the reads and writes are functions.
const RTDB: SdkRows = {
  modules: ['firebase-admin', 'firebase', 'firebase/app', 'firebase/compat/app'],
  factories: {
    database: { makes: 'RtdbDatabase' },
    'RtdbDatabase.ref': { makes: 'RtdbRef', names: [{ arg: 0, optional: true }] },
    'RtdbRef.child': { makes: 'RtdbRef', names: [first] },
  },
  prefix: 'RtdbRef',
  calls: {
    once: { method: 'GET', names: [], snapshot: rtdbSnapshot },
    // A value listener: the database calls it with the value now and on every change.
    on: { method: 'GET', names: [], when: { arg: 0, equals: 'value' }, listener: true, snapshot: rtdbSnapshot },
    get: { method: 'GET', names: [], snapshot: rtdbSnapshot },
    set: { method: 'PUT', names: [], body: first },
    update: { method: 'PATCH', names: [], body: first },
    remove: { method: 'DELETE', names: [] },
  },
  sdk: 'Firebase Realtime Database (SDK)',
};
const RTDB_MODULAR: SdkRows = {
  modules: ['firebase/database'],
  factories: {
    getDatabase: { makes: 'RtdbDatabase' },
    // `ref(db)` without a path is the database's root (the path is optional): `child(ref(db), path)` names `path`.
    ref: { makes: 'RtdbRef', names: [{ arg: 1, optional: true }] },
    child: { makes: 'RtdbRef', names: [{ arg: 1 }] },
  },
  calls: {
    get: { method: 'GET', names: [], on: 0, snapshot: rtdbSnapshot },
    onValue: { method: 'GET', names: [], on: 0, listener: true, snapshot: rtdbSnapshot },
    set: { method: 'PUT', names: [], body: { arg: 1 }, on: 0 },
    update: { method: 'PATCH', names: [], body: { arg: 1 }, on: 0 },
    remove: { method: 'DELETE', names: [], on: 0 },
  },
  sdk: 'Firebase Realtime Database (SDK)',
};
// The Admin SDK's `firebase-admin/database` entry hands out the namespaced database: `getDatabase().ref(path)`.
const RTDB_ADMIN_DATABASE: SdkRows = {
  modules: ['firebase-admin/database'],
  factories: { getDatabase: { makes: 'RtdbDatabase' }, ...RTDB.factories },
  prefix: 'RtdbRef',
  calls: RTDB.calls,
  sdk: 'Firebase Realtime Database (SDK)',
};

/**
 * A query of a collection (`collection(c).where(…).limit(1)`, Python's `order_by`, `stream()`): its result is the
 * documents it matched, each a snapshot whose `ref` (`reference`) is that document. The query reads no one object:
 * it is read as a read of its collection, whose items a write through a snapshot's ref writes back.
 */
function queries(methods: readonly string[]): Record<string, SdkFactory> {
  const out: Record<string, SdkFactory> = {};
  for (const m of methods) out[`FsCollection.${m}`] = out[`FsQuery.${m}`] = { makes: 'FsQuery' };
  return out;
}
const queryReads = (snapshot: { ref: string; of: string }, methods: readonly string[]) =>
  Object.fromEntries(methods.map((m) => [m, { method: 'GET', names: [], collection: true, snapshot } as const]));
const FIRESTORE_QUERIES: SdkRows = {
  modules: ['firebase-admin', 'firebase', 'firebase/app', 'firebase/compat/app', 'firebase-admin/firestore', '@google-cloud/firestore'],
  calls: queryReads(documentSnapshot, ['get']),
  sdk: 'Cloud Firestore (SDK)',
};
const FIRESTORE_QUERIES_PY: SdkRows = {
  modules: ['google.cloud', 'google.cloud.firestore', 'google.cloud.firestore_v1', 'firebase_admin'],
  calls: queryReads(documentSnapshotPy, ['get', 'stream']),
  sdk: 'Cloud Firestore (SDK)',
};

// Firestore, namespaced: `admin.firestore()`, `firebase.firestore()`, `getFirestore()` (Admin SDK), `new Firestore()`
// (@google-cloud/firestore) → `collection(c)` → `doc(id)` (or `doc('c/id')`), and on down through subcollections.
const lastUpdateTime = (at: number): SdkGuards => ({ values: [{ ref: { arg: at, path: ['lastUpdateTime'] }, header: 'If-Unmodified-Since' }] });
const FIRESTORE: SdkRows = {
  modules: ['firebase-admin', 'firebase', 'firebase/app', 'firebase/compat/app', 'firebase-admin/firestore', '@google-cloud/firestore'],
  factories: {
    firestore: { makes: 'FsDatabase' },
    getFirestore: { makes: 'FsDatabase' },
    Firestore: { makes: 'FsDatabase' },
    'FsDatabase.collection': { makes: 'FsCollection', names: [first] },
    'FsDatabase.doc': { makes: 'FsDocument', names: [first] },
    'FsCollection.doc': { makes: 'FsDocument', names: [first] },
    'FsDocument.collection': { makes: 'FsCollection', names: [first] },
    'FsDatabase.batch': { makes: 'FsBatch' },
    ...queries(['where', 'orderBy', 'limit', 'limitToLast', 'startAt', 'startAfter', 'endAt', 'endBefore']),
  },
  prefix: 'FsDocument',
  calls: {
    get: { method: 'GET', names: [], snapshot: documentSnapshot },
    // A document listener: Firestore calls it with the document's snapshot now and on every change.
    onSnapshot: { method: 'GET', names: [], listener: true, snapshot: documentSnapshot },
    set: { method: 'PUT', names: [], body: first },
    // A partial update (Firestore: the fields it names, the others kept): a field derived from others loses nothing.
    update: { method: 'PATCH', names: [], body: first, guards: lastUpdateTime(1), partial: true },
    delete: { method: 'DELETE', names: [], guards: lastUpdateTime(0) },
  },
  sdk: 'Cloud Firestore (SDK)',
};
// Firestore, modular (web): `doc(db, collection, id)` names the document; `getDoc(ref)`, `setDoc(ref, data)`,
// `updateDoc(ref, data)`, `deleteDoc(ref)` take it first.
const FIRESTORE_MODULAR: SdkRows = {
  modules: ['firebase/firestore', 'firebase/firestore/lite'],
  factories: {
    getFirestore: { makes: 'FsDatabase' },
    doc: { makes: 'FsDocument', names: [{ arg: 1 }, { arg: 2, optional: true }] },
  },
  calls: {
    getDoc: { method: 'GET', names: [], on: 0, snapshot: documentSnapshot },
    getDocFromServer: { method: 'GET', names: [], on: 0, snapshot: documentSnapshot },
    onSnapshot: { method: 'GET', names: [], on: 0, listener: true, snapshot: documentSnapshot },
    setDoc: { method: 'PUT', names: [], body: { arg: 1 }, on: 0 },
    updateDoc: { method: 'PATCH', names: [], body: { arg: 1 }, on: 0, partial: true },
    deleteDoc: { method: 'DELETE', names: [], on: 0 },
  },
  sdk: 'Cloud Firestore (SDK)',
};

// Firestore, Python (`google-cloud-firestore`, and `firebase_admin.firestore`, which hands out the same client):
// `firestore.Client()` / `firestore.client()` → `collection(c)` → `document(id)` (or `document('c/id')`). `update` and
// `delete` take `option=client.write_option(last_update_time=…)`, the precondition Firestore checks; `set` takes none.
const writeOption = (at: number): SdkGuards => ({ values: [{ ref: { arg: at, key: 'option' }, header: 'If-Unmodified-Since' }] });
const FIRESTORE_PY: SdkRows = {
  modules: ['google.cloud', 'google.cloud.firestore', 'google.cloud.firestore_v1', 'firebase_admin'],
  factories: {
    'firestore.Client': { makes: 'FsDatabase' },
    'firestore.client': { makes: 'FsDatabase' },
    'FsDatabase.collection': { makes: 'FsCollection', names: [first] },
    'FsDatabase.document': { makes: 'FsDocument', names: [first] },
    'FsCollection.document': { makes: 'FsDocument', names: [{ arg: 0, optional: true }] },
    'FsDocument.collection': { makes: 'FsCollection', names: [first] },
    'FsDatabase.batch': { makes: 'FsBatch' },
    ...queries(['where', 'order_by', 'limit', 'limit_to_last', 'offset', 'start_at', 'start_after', 'end_at', 'end_before']),
  },
  prefix: 'FsDocument',
  calls: {
    get: { method: 'GET', names: [], snapshot: documentSnapshotPy },
    set: { method: 'PUT', names: [], body: { arg: 0, key: 'document_data' } },
    update: { method: 'PATCH', names: [], body: { arg: 0, key: 'field_updates' }, guards: writeOption(1), partial: true },
    delete: { method: 'DELETE', names: [], guards: writeOption(0) },
  },
  sdk: 'Cloud Firestore (SDK)',
};

// Realtime Database, Python (`firebase_admin.db`): `db.reference(path)` → `child(path)`; `get()` reads, `set` (PUT) and
// `update` (PATCH) write. Its guards are `transaction(fn)` and `set_if_unchanged(etag, value)` with the ETag
// `get(etag=True)` returned: neither is listed, so neither is judged.
const RTDB_PY: SdkRows = {
  modules: ['firebase_admin'],
  factories: {
    'db.reference': { makes: 'RtdbRef', names: [{ arg: 0, key: 'path', optional: true }] },
    'RtdbRef.child': { makes: 'RtdbRef', names: [{ arg: 0, key: 'path' }] },
  },
  prefix: 'RtdbRef',
  calls: {
    get: { method: 'GET', names: [] },
    set: { method: 'PUT', names: [], body: { arg: 0, key: 'value' } },
    update: { method: 'PATCH', names: [], body: { arg: 0, key: 'value' } },
    delete: { method: 'DELETE', names: [] },
  },
  sdk: 'Firebase Realtime Database (SDK)',
};

// `from google.cloud.firestore import Client`: the client class itself (`google.cloud`'s own `Client` is Storage's).
const FIRESTORE_PY_CLIENT: SdkRows = { modules: ['google.cloud.firestore', 'google.cloud.firestore_v1'], factories: { Client: { makes: 'FsDatabase' } }, sdk: 'Cloud Firestore (SDK)' };

// A batched write (`writeBatch(db)`, `db.batch()`, Python `client.batch()`) applies its `set` / `update` / `delete`
// together on `commit()`, with no precondition (only a transaction reads and checks): each names its document as its
// first argument, as the modular SDK's functions do, and `commit()` sends them.
const batchCalls = (body: ArgRef) => ({
  set: { method: 'PUT', names: [], body, on: 0 },
  update: { method: 'PATCH', names: [], body, on: 0 },
  delete: { method: 'DELETE', names: [], on: 0 },
} as const);
const FIRESTORE_BATCH: SdkRows = {
  modules: [...FIRESTORE.modules, ...FIRESTORE_MODULAR.modules, 'google.cloud', 'google.cloud.firestore', 'google.cloud.firestore_v1', 'firebase_admin'],
  factories: { writeBatch: { makes: 'FsBatch' } },
  prefix: 'FsBatch',
  calls: batchCalls({ arg: 1 }),
  sdk: 'Cloud Firestore (SDK)',
};

/**
 * The module a `.collection(c).doc(id)` chain on a root the analysis cannot follow is read under (sdk-shapes.ts):
 * the namespaced rows above list the same factories and calls there.
 */
export const FIRESTORE_SHAPE_MODULE = { js: '@google-cloud/firestore', python: 'google.cloud.firestore' } as const;

// A query and a collection read alike (`collection(c).get()` reads every document): listed under each prefix.
const queriesOn = (rows: SdkRows, prefix: string): SdkRows => ({ ...rows, prefix });

export const FIREBASE_ROWS: readonly SdkRows[] = [
  RTDB, RTDB_MODULAR, RTDB_ADMIN_DATABASE, FIRESTORE, FIRESTORE_MODULAR, FIRESTORE_PY, FIRESTORE_PY_CLIENT, RTDB_PY, FIRESTORE_BATCH,
  queriesOn(FIRESTORE_QUERIES, 'FsQuery'), queriesOn(FIRESTORE_QUERIES, 'FsCollection'),
  queriesOn(FIRESTORE_QUERIES_PY, 'FsQuery'), queriesOn(FIRESTORE_QUERIES_PY, 'FsCollection'),
];
