/**
 * Client code where only the catalogue says the service versions what a write touches (nothing in the file reads
 * the resource, captures its ETag or guards it elsewhere): some writes there mean "whatever is there" by
 * construction, and a warning would not help their maintainers. They are hints, with the reason in the message.
 * `.http` files keep the warning: a request file is where such a write is tried by hand.
 *
 * - a DELETE: no ETag is at hand and the intent does not depend on the content (lesson from real code: best-effort
 *   removal of an app's mirrored calendar events);
 * - a PUT of a whole Elasticsearch document nothing in the file reads: indexing, a mirror of data kept elsewhere,
 *   rewritten whenever its source changes; likewise a Google Calendar event an app writes through googleapis;
 * - a PUT to a key-value store (Consul KV, Vault KV v2) of a key nothing in the file reads: a blind set, as a seeding
 *   script makes (real code: configuration defaults put into a dev container's Consul);
 * - a PUT of a file's content to a file or object store (OneDrive/SharePoint `…/content`, Cloud Storage, S3, Azure
 *   Blob, Drive) that nothing in the file reads: an export or upload of new content replaces it by design (real
 *   code: a generated spreadsheet exported to OneDrive). A download and re-upload in the same file still warns;
 * - a PATCH of a resource nothing in the file reads: a partial update sets the members it names to what the code
 *   decided, whatever they were, and leaves the others alone (real code: a rule engine renaming and moving the
 *   calendar events it created). A PUT replaces the whole resource, so it still warns.
 * - a PUT or PATCH of fixed values only (`{ status: 'completed' }`, `{ value: 0 }`) whose evidence is the catalogue's
 *   or other requests' of the file (another write's read-modify-write of the route), read or not: it writes back
 *   nothing anyone read (real code: marking a To Do task done through a Graph helper; a counter's reset route).
 * - a PUT or PATCH in a generic helper (`putData(path, data)`, code/generic-helpers.ts) that nothing in the file
 *   gives data of its own, whether or not the file reads: its callers decide what is written, and where.
 * - a storage SDK write whose object is named only by a parameter (`put_object(Bucket=B, Key=key)` in
 *   `upload(data, key)`): a read twin `get_object(Bucket=B, Key=key)` names whatever its own callers pass (real code:
 *   a batch job that reads trips.json and writes trip_lookup.json through one pair of helpers).
 * - an SDK delete, and an SDK write whose same-file evidence is about an object named otherwise (aboutAnotherObject);
 * - an SDK write after a read of its object that writes back nothing of it: a create where the read found nothing, a
 *   partial update (Elasticsearch `update`) of fields the code decided (code/sdk-read-results.ts); a plain HTTP write
 *   where a read of its resource found nothing (code/created-after-miss.ts).
 * - a write in an Azure Functions timer trigger when every write of its object in the file is in one (code/timer-
 *   triggers.ts): the runs of a timer never overlap, so the object has a single writer.
 * Where the service refuses a write without its precondition (Planner), every one of these still warns.
 */
import type { Judgement } from '../evidence/index';
import { mayBeSameResource } from '../model/target';
import { exclusive, type RequestModel } from '../model/types';
import { serviceOf } from '../services/recognise';
import { rangeOf, startLineOf } from '../text/span';
import { describeRequest } from './vocabulary';

/** Catalogue services that store files or objects: a PUT there uploads content. */
const FILE_STORES = new Set(['gcs', 's3', 'azure-blob', 'google-drive-v2', 'dropbox']);
/** Catalogue services whose keys each hold one value set whole: a PUT there sets a key. */
const KEY_VALUE_STORES = new Set(['consul-kv', 'vault-kv2']);

export function codeCatalogueOnly(req: RequestModel, j: Judgement, language: 'http' | 'code', requests: readonly RequestModel[]): Judgement {
  if (language !== 'code' || j.decision !== 'warn') return j;
  // What the service does, told by the catalogue or by how the code names it (client-code evidence about writes:
  // a configured base, a guess confirmed by reads, a WebDAV dialect or class name): the DELETE case holds for all.
  // An SDK delete reads nothing of the object back (and nothing in its own function read it first: a DELETE is never
  // a read-modify-write); evidence from another function that writes an object named the same way does not change
  // what a delete means: whatever is there (real code: a Calendar module's deleteEvent(id) beside its get-and-update).
  if (req.sdk && req.method === 'DELETE') {
    return { ...j, decision: 'hint', hintOnly: 'an SDK delete removes whatever is there: nothing it sends could carry a stale copy' };
  }
  // A write in an Azure Functions timer trigger, whose runs never overlap, to an object no other kind of function of the
  // file writes: a single writer (code/timer-triggers.ts).
  const single = soleTimerWriter(req, requests);
  if (single) return { ...j, decision: 'hint', hintOnly: single };
  // A write after a read of its object that writes back nothing of it (code/sdk-read-results.ts): a create in the arm
  // where the read found nothing, a partial update of fields the code decided.
  if (req.sdk?.noLostUpdate) return { ...j, decision: 'hint', hintOnly: req.sdk.noLostUpdate };
  // The same for a plain HTTP write in the arm where a read of its resource found nothing (code/created-after-miss.ts).
  if (req.createdAfterMiss !== undefined) {
    return { ...j, decision: 'hint', hintOnly: `it runs where ${describeRequest(requests[req.createdAfterMiss])} found nothing: it creates what is not there` };
  }
  // A plain HTTP write after a read of its resource that sends nothing the read returned (code/read-flow.ts).
  if (req.sendsNothingReadOf !== undefined) {
    return {
      ...j, decision: 'hint',
      hintOnly: `it sends nothing ${describeRequest(requests[req.sendsNothingReadOf])} returned: what it writes came from elsewhere, so no copy read there can be stale`,
    };
  }
  const lent = lentByAnotherWrite(req, j);
  if (lent) return { ...j, decision: 'hint', hintOnly: lent };
  const borrowed = borrowedEvidence(req, j, requests);
  if (borrowed) return { ...j, decision: 'hint', hintOnly: borrowed };
  const known = serviceOf(req);
  if (known?.requiredOn && req.target !== undefined && known.requiredOn.test(req.target)) return j;
  const fixed = fixedValuesOnly(req, j);
  if (fixed) return { ...j, decision: 'hint', hintOnly: fixed };
  const serviceOnly = j.evidence.every((e) => e.kind === 'catalogue' || e.kind === 'client-code' || aboutAnotherObject(req, e, requests));
  if (!serviceOnly) return j;
  if (req.method === 'DELETE') {
    return { ...j, decision: 'hint', hintOnly: 'nothing in the file reads the resource it deletes: no ETag is at hand, and a delete means whatever is there' };
  }
  if (!j.evidence.every((e) => e.kind === 'catalogue' || aboutAnotherObject(req, e, requests))) return j;
  if (req.sdk?.callerNamed) {
    return { ...j, decision: 'hint', hintOnly: 'it writes whichever object its caller names: whether the callers read that object first is not in this function' };
  }
  const hint = readInFile(req, requests) ? undefined : unreadHint(req, known?.id);
  if (hint) return { ...j, decision: 'hint', hintOnly: hint };
  if (req.genericHelper && (req.method === 'PUT' || req.method === 'PATCH')) {
    return {
      ...j, decision: 'hint',
      hintOnly: `it is in ${req.genericHelper}(…), a generic helper that nothing in the file gives data of its own: ` +
        'whether it loses an update depends on its callers',
    };
  }
  return j;
}

/**
 * Why a write in a timer trigger loses no update, if it does not: Azure runs one instance of a timer-triggered function
 * at a time across a scaled-out app, so when every write of the object in the file is in such a trigger, no two of them
 * overlap (real code: a counter blob read, incremented and written back every ten minutes). A write of the same object
 * elsewhere in the file (an HTTP function) keeps the warning: that one runs whenever it is called.
 */
function soleTimerWriter(req: RequestModel, requests: readonly RequestModel[]): string | undefined {
  if (!req.timerTriggered || req.target === undefined) return undefined;
  const writes = requests.filter((r) => r.target === req.target && r.method !== undefined && r.method !== 'GET' && r.method !== 'HEAD');
  if (!writes.every((w) => w.timerTriggered)) return undefined;
  return 'it runs in an Azure Functions timer trigger, which runs one instance at a time across a scaled-out app, and ' +
    'nothing else in the file writes the object: a single writer';
}

/** A literal value: a string, a number, a boolean or null (JS and Python spellings). */
const LITERAL = String.raw`(?:"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?|true|false|null|True|False|None)`;
/** Python's `dict(password='s3cret', ttl=30)`: a dict of literal keyword values. */
const PYTHON_DICT_CALL = String.raw`dict\(\s*(?:\w+\s*=\s*${LITERAL}\s*(?:,\s*|(?=\))))*\)`;
/**
 * `{ status: 'completed', done: true }`, `{ count: 0 }`, `0`, `[]`: literal values only, nothing a read could have
 * produced.
 */
const FIXED_VALUES = new RegExp(String.raw`^(?:${LITERAL}|\[\s*\]|\{\s*(?:(?:[\w$]+|"[^"]*"|'[^']*')\s*:\s*${LITERAL}\s*(?:,\s*|(?=\})))*\}|${PYTHON_DICT_CALL})$`);

/**
 * Why a PUT or PATCH of fixed values only (a seed, a reset, a status flag) is a hint when its evidence is what the
 * service does in general or what other requests of the file do (another write's read-modify-write of the route, an
 * If-Match sent elsewhere): it writes back nothing anyone read, so it cannot carry a stale copy, and what it leaves
 * does not depend on what was there. Real code: a counter's reset route PUTting `{ value: 0 }` beside the route that
 * reads, adds one and writes back; a Consul or Firebase seeding script. Evidence about the resource from outside the
 * file (an OpenAPI document, a response seen) still warns.
 */
function fixedValuesOnly(req: RequestModel, j: Judgement): string | undefined {
  if ((req.method !== 'PUT' && req.method !== 'PATCH') || req.body === undefined || !FIXED_VALUES.test(req.body.trim())) return undefined;
  if (!j.evidence.every((e) => e.kind === 'catalogue' || e.kind === 'client-code' || e.kind === 'same-file')) return undefined;
  return req.method === 'PATCH'
    ? 'it patches fixed values only: nothing read is written back, and the members it does not name stay as they are'
    : 'it puts fixed values only (a seed or a reset): nothing read is written back, and what it leaves does not depend on what was there';
}

/** Why a write nothing in the file reads is only a hint, if it is. */
function unreadHint(req: RequestModel, service: string | undefined): string | undefined {
  if (req.method === 'PATCH') return 'nothing in the file reads what it patches: a partial update sets the members it names, whatever they were';
  if (req.method !== 'PUT') return undefined;
  if (service === 'elasticsearch') return 'nothing in the file reads the document it indexes: a mirror of data kept elsewhere is rewritten whole';
  if (service !== undefined && (FILE_STORES.has(service) || service === 'ms-graph' && /\/content$/.test(req.target ?? ''))) {
    return 'nothing in the file reads the file it uploads: new content replaces it by design';
  }
  // Apps write calendar events through googleapis from their own records (bookings, shifts, meetings): a copy kept in
  // step, as an Elasticsearch document is. An event the file gets and updates still warns (a read-modify-write); a
  // hand-built request keeps its warning (measured: a wanted Calendar PUT by fetch in the first client set).
  if (req.sdk && service === 'google-calendar') return 'nothing in the file reads the event it replaces: an event kept in step with the app\'s own records is rewritten whole';
  // A key-value store's key holds one value: a set that reads nothing first means that value, whatever was there (real
  // code: scripts seeding a dev container's Consul KV with configuration defaults). A read-then-set still warns.
  if (service !== undefined && KEY_VALUE_STORES.has(service)) return 'nothing in the file reads the key it sets: a blind set (a configuration seed) means that value, whatever was there';
  return undefined;
}

/**
 * Same-file evidence that an SDK write only borrows: it was found on another request of the file whose object is named
 * otherwise (`events.update({ eventId: row.eventId })` beside a get-and-update of `eventId: shiftId`). An SDK names
 * its object by its arguments (code/sdks.ts), so that evidence speaks for the object named that way, not for every
 * object a placeholder could stand for. Nor for an object named the same way in another function when either names it
 * by a parameter of its own function and the write reads nothing of it first: `Object(self.bucket, filename)` in
 * `write_model(data, filename)` is whatever write_model's callers pass, not what `write_json(data, filename)` read and
 * wrote back (real code: an S3 writer class whose blind model upload was warned with the read-modify-write of its JSON
 * method). A call between the two would link them; a save helper's callers are code/sdk-helper-pairs.ts's.
 */
function aboutAnotherObject(req: RequestModel, e: Judgement['evidence'][number], requests: readonly RequestModel[]): boolean {
  if (!req.sdk || e.kind !== 'same-file' || e.line === undefined) return false;
  // The evidence's line may be the guard's, inside a call written over several lines (`cas=` under the callee).
  const source = requests.find((r) => r !== req && startLineOf(r.anchor) === e.line)
    ?? requests.find((r) => r !== req && r.sdk !== undefined && spans(r.range, e.line!));
  if (source === undefined) return false;
  if (source.target !== req.target) return true;
  // A write that reads its object first in its own function is a read-modify-write of its own: evidence of the service's
  // versions found elsewhere still speaks for it (a get-and-update beside a guarded one).
  if (req.sdk.readFirst || functionOf(source) === functionOf(req)) return false;
  return !!req.sdk.callerNamed || !!source.sdk?.callerNamed;
}

/** The innermost function a client-code request is in (its last `fn:` choice step); '' at the top level. */
function functionOf(r: RequestModel): string {
  return [...(r.branch ?? [])].reverse().find((step) => step.startsWith('fn:')) ?? '';
}

/**
 * A Firebase write (its objects are database paths no catalogue service speaks for) whose only evidence is other
 * writes' read-modify-writes of the same path pattern: nothing read before it in its own function flows into it (real
 * code: an inventory module whose `add_item` creates an item beside the `adjust_item` that reads one and writes it
 * back). For such a database the code's own read is the only evidence there is, and it belongs to the write it feeds.
 */
function lentByAnotherWrite(req: RequestModel, j: Judgement): string | undefined {
  if (!req.sdk?.pathNamed || req.sdk.readFirst || j.evidence.length === 0) return undefined;
  const own = startLineOf(req.anchor);
  if (!j.evidence.every((e) => e.kind === 'same-file' && e.line !== undefined && e.line !== own)) return undefined;
  return 'its evidence is another write\'s read-modify-write of the same path: nothing read before this write in its function is written back';
}

/**
 * Same-file evidence found on writes to a file the code names (`…/contents/recetas.json`), lent to a write whose path
 * ends in a placeholder (`…/contents/{{path}}`): the placeholder may name that file, but as often names another (real
 * code: an image upload beside the read-modify-write of a recipes file). The evidence speaks for the named file;
 * the write is a hint that says why. A placeholder written the same way on both (`/items/{{id}}`) still shares, and
 * so does evidence that is not a read-modify-write of the named file (a WebDAV dialect speaks for the whole base).
 */
function borrowedEvidence(req: RequestModel, j: Judgement, requests: readonly RequestModel[]): string | undefined {
  const last = lastSegment(req.target);
  if (!last || !/^\{\{[^}]+\}\}$/.test(last) || j.evidence.length === 0) return undefined;
  const sources = j.evidence.map((e) => e.kind === 'same-file' && e.line !== undefined
    ? requests.find((r) => r !== req && startLineOf(r.anchor) === e.line) : undefined);
  // Only evidence of writes back to a file the code reads (a read-modify-write): a module's dialect (it sends
  // PROPFIND to the base) speaks for every path under the base.
  const readBack = (w: RequestModel) => requests.some((r) => (r.method === 'GET' || r.method === 'HEAD') && r.target === w.target);
  if (sources.some((r) => !r || r.target === req.target || (lastSegment(r.target) ?? '{{').includes('{{') || !readBack(r))) return undefined;
  const named = lastSegment(sources[0]!.target);
  return `that evidence is about ${named}, a file the code names, and this write's path ends in ${last}, which may name any other`;
}

function lastSegment(target: string | undefined): string | undefined {
  return target?.split(/[?#]/)[0].split('/').filter((s) => s !== '').pop();
}

/**
 * True when a GET or HEAD of the file may read what `req` writes (in any function). A storage SDK names an object
 * by its arguments (code/sdks.ts), so only a read that names it the same way reads it: `s3.get_object(Bucket=b,
 * Key=filename)` does not read what `put_object(Bucket=b, Key=f"deltas/{filename}")` writes; and a read in the other
 * arm of a choice (an HTTP handler's GET arm beside its POST arm) serves the object rather than reading it first.
 */
function readInFile(req: RequestModel, requests: readonly RequestModel[]): boolean {
  const target = req.target;
  if (target === undefined) return false;
  // An SDK read in the other arm of the same choice (`if (req.method === 'GET') … else if (… 'POST')`) serves the
  // object; it never runs before this write.
  const same = req.sdk ? (r: RequestModel) => r.target === target && !otherArm(r, req) : (r: RequestModel) => mayBeSameResource(r.target!, target);
  return requests.some((r) => (r.method === 'GET' || r.method === 'HEAD') && r.target !== undefined && same(r) && !readsBackLater(r, req));
}

/**
 * True when the read comes after the write in the same function: it reads back what was just written (a demo that
 * sets a secret and prints it, a test that uploads a backup and checks it), so the write sent nothing it read.
 */
function readsBackLater(read: RequestModel, write: RequestModel): boolean {
  // In a loop, the read of one turn comes before the write of the next (an SDK call knows it is in one).
  if (write.sdk?.inLoop) return false;
  return read.index > write.index && functionOf(read) === functionOf(write);
}

/** True when the two requests part at an if/else, switch or try/catch in one function (not at two functions). */
function otherArm(a: RequestModel, b: RequestModel): boolean {
  const x = a.branch ?? [];
  const y = b.branch ?? [];
  const at = x.findIndex((step, i) => step !== y[i]);
  return at >= 0 && at < y.length && !x[at].startsWith('fn:') && !y[at].startsWith('fn:') && exclusive(a, b);
}

/** True when the request's range covers 0-based line `line`. */
function spans(range: RequestModel['range'], line: number): boolean {
  const r = rangeOf(range);
  return r.start.line <= line && line <= r.end.line;
}
