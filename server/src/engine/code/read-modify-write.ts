/**
 * Read-modify-write in client code: a write that follows a read (GET / HEAD) of the same URL in the same
 * function is the lost-update pattern itself — whatever the write sends was decided after that read, and a
 * concurrent change between the two is overwritten unseen. That is same-file evidence that the resource is worth
 * guarding, whichever API it is. Only the same function counts, or a callback run when its request completes
 * (`.then`, `.done`, `success:`; completion-callbacks.ts): a read in a page's loader and a write in its submit handler
 * are not one sequence the analysis can see. Never two arms of one choice point.
 * A write that sends nothing it could have read — a DELETE, or a body of literals only (`{ done: true }`) — writes
 * back nothing of the read, so it is no read-modify-write (real code: a Streamlit shopping list that lists its table,
 * then ticks items and empties it).
 * A service that refuses a write not naming the current version (catalogue `enforced`: CouchDB's `_rev`, GitHub's
 * `sha`) cannot lose an update to a read-modify-write: without the version the write fails (409/422), with it the
 * server checks it. The pattern is no evidence there, neither for this write nor for the others of its route (real
 * code: a CouchDB walk-through whose design-document PUT was warned about the `_rev` update above it). A version
 * fetched right before the write is another matter (fetched-guard.ts). A write where the read found nothing creates
 * what is not there (created-after-miss.ts): no read-modify-write either.
 */
import type { DocumentEvidence, RequestModel } from '../model/types';
import { exclusive } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { sequenceOf } from './completion-callbacks';
import { descendantRead } from './descendant-reads';
import { missedRead } from './created-after-miss';
import { isName } from './options';
import { discardsResult } from './discarded-read';
import { sendsWhatWasRead } from './read-flow';
import { sentBody } from './sent-body';
import { serviceOf } from '../services/recognise';
import { sharedStateEvidence } from './shared-state-reads';
import { unwrap, type Node } from './syntax';
import { startLineOf } from '../text/span';

const READS = new Set(['GET', 'HEAD']);
const WRITES = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);
const CREATES = 'POST';

/**
 * Evidence for each write preceded by a read of the same resource in its function. `taggedReads`: the requests whose
 * response's ETag the code reads (etag-reads.ts).
 */
export function readModifyWriteEvidence(
  requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext, taggedReads: ReadonlySet<number> = new Set(),
): DocumentEvidence[] {
  const out: DocumentEvidence[] = [];
  // Reads seen so far, by function and resource: requests are in source order.
  const reads = new Map<string, RequestModel[]>();
  // And by function alone, for a read of a path below the one written (descendant-reads.ts).
  const readsIn = new Map<number, RequestModel[]>();
  const absentNames = new Map<number, Set<string>>();
  requests.forEach((req, i) => {
    const call = calls[i];
    if (!call || req.target === undefined || req.method === undefined) return;
    const sequence = sequenceOf(call.call, ctx).id;
    const key = `${sequence}|${req.target}`;
    if (READS.has(req.method)) {
      // A listener's value comes after the writes that follow it in its function (shared-state-reads.ts reads it).
      if (call.sdk?.listener) return;
      append(reads, key, req);
      append(readsIn, sequence, req);
      return;
    }
    if (!WRITES.has(req.method)) return;
    const earlier = reads.get(key) ?? [];
    // A create where the read found nothing, in the `catch` of a `try` around it too. An SDK write says so itself when
    // the read is the SDK's (sdk-read-results.ts); a read through the file's own function (`exists = self.read_json(
    // name)`, `if exists: … else: <put>`) is a request of the model only, so the arm is asked here for SDK writes too.
    const missed = call.sdk?.noLostUpdate ? undefined : missedRead(call, earlier, calls, ctx, !!call.sdk);
    if (missed) {
      req.absentAfterRead = req.createdAfterMiss = missed.index;
      return;
    }
    const inline = inlineRead(req, call, i, requests, calls);
    const below = earlier.length || inline ? undefined : descendantRead(req, call, readsIn.get(sequence) ?? [], ctx);
    const read = earlier.find((r) => !exclusive(r, req)) ?? inline ?? below;
    if (!read) return;
    const readCall = calls[read.index];
    if (readCall && checksForAbsence(readCall, ctx, absentNames)) req.absentAfterRead = read.index;
    if (sendsNothingRead(req, call)) return;
    // A write that sends nothing of its read is no read-modify-write, unless the code read that response's ETag: then
    // it knows the resource is versioned and holds the tag this write leaves out (the fix threads it). An SDK write
    // tells what it sends of a read a name holds itself (sdk-read-results.ts); a read nothing keeps, of either kind,
    // is told here (discarded-read.ts).
    if (readCall && !taggedReads.has(read.index) && sendsNothingOf(call, readCall, sequenceOf(call.call, ctx), ctx)) {
      req.sendsNothingReadOf = read.index;
      return;
    }
    req.readInScope = read.index;
    if (serviceOf(req)?.versioning === 'enforced') return;
    const line = startLineOf(req.anchor);
    const what = read === below ? `follows a ${read.method} of ${read.target}, below the path it writes,`
      : read === inline ? `sends what a ${read.method} of the same URL inside its own arguments returned,` : `follows a ${read.method} of the same URL`;
    out.push({
      request: req.index, kind: 'same-file', verdict: 'versioned', line,
      sentence: `the ${req.method} on line ${line + 1} ${what} on line ${startLineOf(read.anchor) + 1} in the same function: a read-modify-write`,
    });
  });
  // An edit form: the loader stores what it read on the component, the save handler sends it back.
  return [...out, ...sharedStateEvidence(requests, calls, ctx, new Set(out.map((e) => e.request)))];
}

/** True when `write` sends nothing `read` returned, as far as the analysis can tell. */
function sendsNothingOf(write: HttpCall, read: HttpCall, sequence: Node, ctx: CodeContext): boolean {
  return write.sdk ? discardsResult(read, write.call, sequence, ctx) : sendsWhatWasRead(write, read, sequence, ctx) === false;
}

function append<K>(map: Map<K, RequestModel[]>, key: K, req: RequestModel): void {
  const list = map.get(key);
  if (list) list.push(req);
  else map.set(key, [req]);
}

/**
 * A read of the same URL inside the write's own arguments (`updateDoc(ref, { n: (await getDoc(ref)).data().n + 1 })`):
 * it runs before the write is sent, as a read on the line above would. Requests are in source order, so such a read
 * comes after the write in the list.
 */
function inlineRead(req: RequestModel, call: HttpCall, at: number, requests: readonly RequestModel[], calls: readonly HttpCall[]): RequestModel | undefined {
  for (let j = at + 1; j < requests.length; j++) {
    const inner = calls[j];
    if (!inner) continue;
    if (inner.call.startIndex >= call.call.endIndex) return undefined;
    const r = requests[j];
    if (r.method !== undefined && READS.has(r.method) && r.target === req.target && inner.call.startIndex >= call.callee.endIndex) return r;
  }
  return undefined;
}

/** A DELETE, or a write whose body is made of literals only (no name in it could hold what was read). */
function sendsNothingRead(req: RequestModel, call: HttpCall): boolean {
  if (req.method === 'DELETE') return true;
  // An SDK write that creates where the read found nothing, or a partial update of fields the code decided
  // (sdk-read-results.ts): nothing of the read goes back.
  if (call.sdk?.noLostUpdate) return true;
  // A POST to the very URL just read adds to what was listed (a row, an item): a create, not a write-back.
  if (req.method === CREATES) return true;
  const body = sentBody(call);
  if (!body) return false;
  const n = unwrap(body);
  return !isName(n) && n.descendantsOfType(['identifier', 'shorthand_property_identifier', 'this', 'self']).length === 0
    && ['object', 'dictionary', 'array', 'list'].includes(n.type);
}

/**
 * True when the function around the read compares the status of the read's response with 404
 * (`res.status === 404`, `r.status_code == 404`, `404 === res.statusCode`): the code checked that the resource
 * is absent, so a write after it means to create it. The names compared are collected once per function (a
 * minified bundle has thousands of calls in one function).
 */
function checksForAbsence(read: HttpCall, ctx: CodeContext, absentNames: Map<number, Set<string>>): boolean {
  const name = responseName(read.call, ctx);
  if (!name) return false;
  const fn = ctx.scopes.functionOf(read.call);
  let names = absentNames.get(fn.id);
  if (!names) {
    names = new Set();
    const text = ctx.text.slice(fn.startIndex, fn.endIndex);
    const status = '\\.\\s*(?:status|status_code|statusCode)\\b';
    for (const m of text.matchAll(new RegExp(`([A-Za-z_$][\\w$]*)\\s*${status}\\s*[!=]==?\\s*404\\b`, 'g'))) names.add(m[1]);
    for (const m of text.matchAll(new RegExp(`\\b404\\s*[!=]==?\\s*([A-Za-z_$][\\w$]*)\\s*${status}`, 'g'))) names.add(m[1]);
    absentNames.set(fn.id, names);
  }
  return names.has(name);
}

/** The variable the read's response is assigned to (through `await`), if any. */
function responseName(call: Node, ctx: CodeContext): string | undefined {
  const ancestors = ctx.ancestry.of(call);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (a.type === 'await_expression' || a.type === 'await' || a.type === 'parenthesized_expression') continue;
    const target = a.type === 'variable_declarator' ? a.childForFieldName('name') : a.type === 'assignment' ? a.childForFieldName('left') : undefined;
    return target?.type === 'identifier' ? target.text : undefined;
  }
  return undefined;
}
