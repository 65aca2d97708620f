/**
 * A snapshot's reference as the object a write writes: Firebase's snapshots carry a reference to what was read
 * (Firestore's DocumentSnapshot `ref`, Python's `reference`; the Realtime Database's DataSnapshot `ref`), and code
 * writes through it instead of naming the object again — `getDoc(r).then((s) => updateDoc(s.ref, …))`,
 * `const d = await games.doc(id).get(); await d.ref.update(…)`, a query's `snapshot.docs[0].ref.update(…)`, `for doc
 * in query.stream(): doc.reference.update(…)`, `snapshot.forEach((child) => child.ref.update(…))`. The write goes to
 * the object the read named (each item's, for a query: the read of its collection); whether what it sends came from
 * that read is the read-flow's question, as for any write after a read (sdk-read-results.ts).
 *
 * The SDK rows say which reads return such snapshots and what the reference is (sdk-types.ts `snapshot`).
 */
import type { CodeContext } from './context';
import { completedRead } from './completion-callbacks';
import { parameterNames } from './local-functions';
import { argumentsOf } from './options';
import { readingCalls } from './read-values';
import type { Resolved } from './resolve';
import { sdkCall } from './sdks';
import { unwrap, type Node } from './syntax';

/** Methods of a snapshot list that hand each snapshot to their callback (`snapshot.forEach(cb)`, `docs.map(cb)`). */
const EACH = new Set(['forEach', 'map', 'filter', 'find', 'some', 'every', 'flatMap']);
/** Snapshots a callback may be handed through (a callback of a callback of a read), bounded. */
const MAX_DEPTH = 4;

/** The names a snapshot's reference goes by, in any SDK row (a cheap first test before any lookup). */
export const SNAPSHOT_REF_NAMES: ReadonlySet<string> = new Set(['ref', 'reference']);

/**
 * What `member` (`snap.ref`, `doc.reference`) stands for when its object is a snapshot an SDK read returned: the
 * read's reference object (`of` in the read's row), with the read call it came from (`readAt`).
 */
export function snapshotRef(
  member: Node,
  ctx: CodeContext,
  resolve: (callee: Node, ctx: CodeContext) => Resolved | undefined,
): Resolved | undefined {
  const property = member.childForFieldName(member.type === 'attribute' ? 'attribute' : 'property')?.text;
  const object = member.childForFieldName('object');
  if (!property || !object || !SNAPSHOT_REF_NAMES.has(property)) return undefined;
  for (const call of snapshotReads(object, ctx, 0)) {
    const callee = call.childForFieldName('function');
    const resolved = callee && resolve(callee, ctx);
    const spec = resolved && sdkCall(resolved.module, resolved.path);
    if (resolved && spec?.method === 'GET' && spec.snapshot?.ref === property) return { module: resolved.module, path: [spec.snapshot.of], readAt: call };
  }
  return undefined;
}

/** The calls whose snapshot (or one of whose snapshots) `value` holds. */
function snapshotReads(value: Node, ctx: CodeContext, depth: number): Node[] {
  const n = unwrap(value);
  if (depth > MAX_DEPTH) return [];
  const held = readingCalls(n, ctx);
  if (held.length > 0 || n.type !== 'identifier') return held;
  const fn = ctx.scopes.functionOf(n);
  if (fn.id === ctx.index.root.id || parameterNames(fn)[0] !== n.text) return [];
  // `get().then((snap) => …)`, `ref.once('value', (snap) => …)`: the callback is given the read's result.
  const completed = completedRead(fn, ctx);
  if (completed) return readingCalls(completed, ctx);
  const call = fn.parent?.type === 'arguments' ? fn.parent.parent : undefined;
  const callee = call?.childForFieldName('function');
  if (!call || !callee) return [];
  // `snapshot.forEach((child) => …)`, `snap.docs.map((d) => …)`: each snapshot the list holds.
  if (callee.type === 'member_expression' && EACH.has(callee.childForFieldName('property')?.text ?? '')) {
    const list = callee.childForFieldName('object');
    return list ? snapshotReads(list, ctx, depth + 1) : [];
  }
  // A listener given its callback (`ref.on('value', (snap) => …)`, `onSnapshot(ref, (snap) => …)`): the call reads.
  return argumentsOf(call)?.positional.some((a) => unwrap(a).id === fn.id) ? [call] : [];
}
