/**
 * Evidence a document gives about its own targets, in a per-file index by route:
 * - a write that uses what a read of its resource (or its collection) returned: read-modify-write, the
 *   lost-update pattern itself (even when only `body.id` was used); every write to that route counts it;
 * - an ETag / Last-Modified captured from a response of the route (or of its collection);
 * - If-Match / If-Unmodified-Since sent to the route anywhere in the file;
 * - handlers or client code checking for 412/428 or reading the ETag (`DocumentEvidence` of the model).
 * Each request contributes its pieces (those of its headers, of the responses it uses, of its scripts); an
 * editor's analysis moves only the pieces of the requests an edit changed (`update`), and learns which routes'
 * evidence changed, so only the writes judged on those are judged again. A whole-file lint adds every request
 * at once (`of`): the same code, so both give the same evidence in the same order.
 */
import type { RequestEvidence } from '../model/http-evidence';
import type { DocumentModel, RequestModel, ResponseUse } from '../model/types';
import { firstHeader } from '../model/types';
import { describeTarget, isCollectionOf, originsMayMatch, routesMatch, writeTargetOf } from './route';
import type { Evidence, WriteTarget } from './types';
import { partitionPoint } from '../text/partition-point';

/** Where a piece stands in the file's order: headers first, then response uses, then scripts; by request. */
type Order = readonly [phase: number, request: number, seq: number];

/**
 * One piece of a route's evidence. Its sentence is written when first read: only the first few pieces of a route
 * are ever read (`topOf`), and a large file gives thousands per route. What it says is taken when it is made.
 */
class Piece {
  private described: Evidence | undefined;

  constructor(readonly order: Order, readonly entry: RouteEntry, private readonly describe: () => Evidence) {}

  get evidence(): Evidence {
    return (this.described ??= this.describe());
  }
}

/** A route's evidence: its pieces in file order, and the few that say why (first unique sentences). */
export interface RouteEntry {
  origin: string;
  route: string;
  /** True when the evidence holds for the items of the route too (a collection's validator). */
  coversItems: boolean;
  pieces: Piece[];
  top: Evidence[];
}

interface Contributor {
  evidence: RequestEvidence;
  pieces: Piece[];
  /** The requests whose responses it uses (its pieces read their targets and lines). */
  sources: number[];
}

/** The preconditions whose sending is evidence, in the order their pieces take. */
const SENT_PRECONDITIONS = ['If-Match', 'If-Unmodified-Since'];

/** A few pieces per route say why; more would only lengthen messages (and make big files quadratic). */
const PIECES_PER_ROUTE = 3;

const targets = new WeakMap<RequestModel, WriteTarget | null>();

/** `writeTargetOf` a request's method and URL, once per request model. */
export function targetOf(r: RequestModel): WriteTarget | undefined {
  let t = targets.get(r);
  if (t === undefined) targets.set(r, t = writeTargetOf(r.method, r.url) ?? null);
  return t ?? undefined;
}

/**
 * Same-file evidence by route. Routes match only routes of as many segments (or one fewer, for a
 * collection), so entries are filed by segment count and a lookup reads only those.
 */
export class SameFileEvidence {
  private readonly byKey = new Map<string, RouteEntry>();
  private readonly bySegments = new Map<number, Set<RouteEntry>>();
  private readonly contributors = new Map<RequestModel, Contributor>();
  /** Per request index: the requests of the current version that use its responses. */
  private readonly usersOf = new Map<number, Set<RequestModel>>();
  private requests: readonly RequestModel[] = [];

  /** The evidence of a whole model. */
  static of(model: DocumentModel): SameFileEvidence {
    const byRequest = new Map<number, RequestEvidence>();
    const of = (i: number): RequestEvidence => {
      let e = byRequest.get(i);
      if (!e) byRequest.set(i, e = { uses: [], evidence: [] });
      return e;
    };
    for (const u of model.responseUses ?? []) of(u.user).uses.push(u);
    for (const e of model.evidence ?? []) of(e.request).evidence.push(e);
    const index = new SameFileEvidence();
    index.update(model.requests, [], model.requests, model.requests.map((r) => byRequest.get(r.index) ?? { uses: [], evidence: [] }));
    return index;
  }

  /**
   * Takes the pieces of `removed` out and puts those of `added` (with what each says, `addedEvidence`) in;
   * `requests` is the new version's. Returns the entries whose evidence or order changed, appeared or went.
   */
  update(requests: readonly RequestModel[], removed: readonly RequestModel[], added: readonly RequestModel[], addedEvidence: readonly RequestEvidence[]): RouteEntry[] {
    this.requests = requests;
    const dirty = new Map<RouteEntry, { top: Evidence[]; first: Order | undefined }>();
    for (const r of removed) this.withdraw(r, dirty);
    const redo = new Map<RequestModel, RequestEvidence>();
    added.forEach((r, i) => redo.set(r, addedEvidence[i]));
    // A kept request's pieces read the targets and lines of the requests whose responses it uses.
    for (const r of added) {
      for (const user of this.usersOf.get(r.index) ?? []) {
        if (redo.has(user)) continue;
        redo.set(user, this.contributors.get(user)!.evidence);
        this.withdraw(user, dirty);
      }
    }
    for (const [r, evidence] of redo) this.contribute(r, evidence, dirty);
    const touched: RouteEntry[] = [];
    for (const [entry, before] of dirty) {
      if (entry.pieces.length === 0) {
        this.byKey.delete(key(entry.origin, entry.route, entry.coversItems));
        this.bySegments.get(segmentCount(entry.route))?.delete(entry);
        touched.push(entry);
        continue;
      }
      entry.top = topOf(entry.pieces);
      if (!sameOrder(before.first, entry.pieces[0].order) || !sameEvidence(before.top, entry.top)) touched.push(entry);
    }
    return touched;
  }

  /** The evidence for `target`, over every route the file gave evidence for (a file has few). */
  lookup(target: WriteTarget): Evidence[] {
    const found: Evidence[] = [];
    const segments = segmentCount(target.route);
    for (const n of [segments, segments - 1]) {
      const matching = [...this.bySegments.get(n) ?? []].filter((e) => entryMatches(e, target));
      matching.sort((a, b) => compare(a.pieces[0].order, b.pieces[0].order));
      for (const e of matching) found.push(...e.top);
    }
    return found;
  }

  private withdraw(r: RequestModel, dirty: Map<RouteEntry, { top: Evidence[]; first: Order | undefined }>): void {
    const c = this.contributors.get(r);
    if (!c) return;
    this.contributors.delete(r);
    for (const s of c.sources) this.usersOf.get(s)?.delete(r);
    for (const p of c.pieces) {
      const entry = p.entry;
      if (!dirty.has(entry)) dirty.set(entry, { top: entry.top, first: entry.pieces[0]?.order });
      entry.pieces.splice(entry.pieces.indexOf(p), 1);
    }
  }

  private contribute(r: RequestModel, evidence: RequestEvidence, dirty: Map<RouteEntry, { top: Evidence[]; first: Order | undefined }>): void {
    const c: Contributor = { evidence, pieces: [], sources: [] };
    this.contributors.set(r, c);
    const add = (order: Order, origin: string, route: string, describe: () => Evidence, coversItems = false): void => {
      const k = key(origin, route, coversItems);
      let entry = this.byKey.get(k);
      if (!entry) {
        this.byKey.set(k, entry = { origin, route, coversItems, pieces: [], top: [] });
        const n = segmentCount(route);
        const list = this.bySegments.get(n);
        if (list) list.add(entry);
        else this.bySegments.set(n, new Set([entry]));
      }
      if (!dirty.has(entry)) dirty.set(entry, { top: entry.top, first: entry.pieces[0]?.order });
      const piece = new Piece(order, entry, describe);
      entry.pieces.splice(insertionPoint(entry.pieces, order), 0, piece);
      c.pieces.push(piece);
    };
    const target = targetOf(r);
    if (target) {
      for (let seq = 0; seq < SENT_PRECONDITIONS.length; seq++) {
        const name = SENT_PRECONDITIONS[seq];
        const h = firstHeader(r, name);
        if (!h) continue;
        const line = h.range.start.line;
        add([0, r.index, seq], target.origin, target.route, () => ({
          kind: 'same-file', verdict: 'versioned', line, sentence: `${name} is sent to ${describeTarget(target)} on line ${line + 1}`,
        }));
      }
    }
    for (let seq = 0; seq < evidence.uses.length; seq++) {
      const use = evidence.uses[seq];
      let users = this.usersOf.get(use.source);
      if (!users) this.usersOf.set(use.source, users = new Set());
      users.add(r);
      c.sources.push(use.source);
      this.fromUse(use, r, target, (describe, origin, route, coversItems, second = 0) => add([1, r.index, 2 * seq + second], origin, route, describe, coversItems));
    }
    if (target) {
      for (let seq = 0; seq < evidence.evidence.length; seq++) {
        const e = evidence.evidence[seq];
        add([2, r.index, seq], target.origin, target.route, () => ({ kind: e.kind, verdict: e.verdict, sentence: e.sentence, line: e.line }));
      }
    }
  }

  /** The pieces one response use gives: to the read's route (and the write's), or a read-modify-write. */
  private fromUse(use: ResponseUse, user: RequestModel, write: WriteTarget | undefined,
    add: (describe: () => Evidence, origin: string, route: string, coversItems: boolean, second?: number) => void): void {
    const source = this.requests[use.source];
    const read = source && targetOf(source);
    if (!source || !read) return;
    const sourceLine = source.anchor.start.line;
    if (use.part === 'headers' && /^(etag|last-modified)$/i.test(use.path)) {
      const { line, path } = use;
      let sentence: string | undefined;
      const describe = (): Evidence => ({
        kind: 'same-file', verdict: 'versioned', line,
        sentence: sentence ??= `line ${line + 1} uses the ${path} of ${describeTarget(read)} (line ${sourceLine + 1})`,
      });
      add(describe, read.origin, read.route, true);
      // A collection's validator is evidence for its items; and the request that sends it is on the same API.
      if (write && write.route !== read.route) add(describe, write.origin, write.route, false, 1);
      return;
    }
    if (!write || !isRead(source) || !isWriteMethod(user.method)) return;
    if (!originsMayMatch(read.origin, write.origin)) return;
    if (!routesMatch(read.route, write.route) && !isCollectionOf(read.route, write.route)) return;
    const { method } = user;
    const line = user.anchor.start.line;
    add(() => ({
      kind: 'same-file', verdict: 'versioned', line,
      sentence: `the ${method} on line ${line + 1} writes back what ${describeTarget(read)} (line ${sourceLine + 1}) returned: a read-modify-write`,
    }), write.origin, write.route, false);
  }
}

/** True when `entry`'s evidence is about `target` (the test `lookup` applies). */
export function entryMatches(entry: RouteEntry, target: WriteTarget): boolean {
  if (!originsMayMatch(entry.origin, target.origin)) return false;
  return routesMatch(entry.route, target.route) || (entry.coversItems && isCollectionOf(entry.route, target.route));
}

function key(origin: string, route: string, coversItems: boolean): string {
  return `${coversItems}|${origin}|${route}`;
}

/** The first pieces of distinct sentences, in file order. */
function topOf(pieces: readonly Piece[]): Evidence[] {
  const top: Evidence[] = [];
  for (const p of pieces) {
    if (top.length === PIECES_PER_ROUTE) break;
    if (!top.some((e) => e.sentence === p.evidence.sentence)) top.push(p.evidence);
  }
  return top;
}

function sameEvidence(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i] || (e.sentence === b[i].sentence && e.kind === b[i].kind && e.verdict === b[i].verdict && e.line === b[i].line));
}

function sameOrder(a: Order | undefined, b: Order): boolean {
  return a !== undefined && compare(a, b) === 0;
}

function compare(a: Order, b: Order): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function insertionPoint(pieces: readonly Piece[], order: Order): number {
  return partitionPoint(pieces, (p) => compare(p.order, order) <= 0);
}

function segmentCount(route: string): number {
  let n = 0;
  for (let i = route.indexOf('/'); i >= 0; i = route.indexOf('/', i + 1)) n++;
  return n;
}

function isRead(r: RequestModel): boolean {
  return r.method === 'GET' || r.method === 'HEAD';
}

function isWriteMethod(method: string | undefined): boolean {
  return method === 'PUT' || method === 'PATCH' || method === 'DELETE' || method === 'POST';
}
