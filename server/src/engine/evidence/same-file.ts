/**
 * Evidence a document gives about its own targets, in a per-file index by route:
 * - a write that uses what a read of its resource returned (even when only `body.id` was used), or sends back what
 *   a read of its collection returned: read-modify-write, the lost-update pattern itself; every write to that
 *   route counts it;
 * - an ETag / Last-Modified captured from a response of the route (or of its collection; a create's response
 *   speaks for the item it created);
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
import { aboutRoute, isCollectionOf, originsMayMatch, routeKeyOf, routePlaceOf, routesMatch, segmentCount, type RoutePlace } from './route';
import { EntriesByRouteKey } from './entries-by-route-key';
import { isRead, isValidatorName, isWriteMethod } from './use-kinds';
import { keep, settle, touch, type Contributor, type Touch } from './update-records';
import { entryMatches, orderOf, PIECES_PER_ROUTE, ReadModifyWritePiece, SentPiece, StatedPiece, ValidatorUsePiece, sameEvidence, topOf, type Order,
  type Piece, type RouteEntry, type ValidatorUse } from './route-pieces';
import type { Evidence, WriteTarget } from './types';
import { startLineOf } from '../text/span';
import { NONE } from '../text/compact-list';
import { membersOf, withMember, withoutMember, type Few } from '../text/few';

/** What a whole-file index's `add` is given for the update's touches it does not keep. */
const NO_TOUCHES = new Map<RouteEntry, Touch>();

/** The preconditions whose sending is evidence, in the order their pieces take (`orderOf`'s seq 0 and 1). */
const IF_MATCH = 'If-Match';
const IF_UNMODIFIED_SINCE = 'If-Unmodified-Since';

/**
 * Same-file evidence by route. Routes match only routes of as many segments (or one fewer, for a
 * collection), so entries are filed by segment count and a lookup reads only those.
 */
export class SameFileEvidence {
  /** Entries by origin, then route, then `coversItems` (0 / 1): no key string built per piece. */
  private readonly byOrigin = new Map<string, Map<string, [RouteEntry | undefined, RouteEntry | undefined]>>();
  private readonly bySegments = new Map<number, Set<RouteEntry>>();
  private readonly contributors = new Map<RequestModel, Contributor>();
  /** Per request index: the requests of the current version that use its responses. */
  private readonly usersOf = new Map<number, Few<RequestModel>>();
  private requests: readonly RequestModel[] = [];

  /**
   * @param tracking false for a whole-file index that is never updated (`of`): it keeps no record of which
   * request gave which piece.
   */
  constructor(private readonly tracking = true) {}

  /** The evidence of a whole model (never updated: `update` is for an index made with `new`). */
  static of(model: DocumentModel): SameFileEvidence {
    // What each request says, by request index, as the model kept it or grouped here (most say nothing: undefined).
    const byRequest: Array<RequestEvidence | undefined> = model.byRequest ? model.byRequest as RequestEvidence[] : [];
    if (!model.byRequest) for (const u of model.responseUses ?? []) (byRequest[u.user] ??= { uses: [], evidence: [] }).uses.push(u);
    if (!model.byRequest) for (const e of model.evidence ?? []) (byRequest[e.request] ??= { uses: [], evidence: [] }).evidence.push(e);
    const index = new SameFileEvidence(false);
    index.requests = model.requests;
    index.bulk(model.requests, byRequest);
    return index;
  }

  /**
   * A whole file at once: no request was there before, none to withdraw or redo. Phase by phase, each in file order,
   * every entry's pieces arrive in order: its top is kept as they come and a full entry takes no more. The later
   * phases visit only the requests that have something for them.
   */
  private bulk(requests: readonly RequestModel[], byRequest: ReadonlyArray<RequestEvidence | undefined>): void {
    const dirty = new Map<RouteEntry, Touch>();
    const using: RequestModel[] = [];
    const stating: RequestModel[] = [];
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i];
      const e = byRequest[r.index];
      if (e?.uses.length) using.push(r);
      if (e?.evidence.length) stating.push(r);
      this.sentPieces(r, undefined, dirty);
    }
    this.bulkUses(using, byRequest, dirty);
    this.bulkStated(stating, byRequest, dirty);
  }

  // The later phases in functions of their own: V8 compiles the first loop while it runs (10 k turns), and code
  // compiled with no feedback for the loops after it is thrown away at their first turn (an eager deopt).
  private bulkUses(using: readonly RequestModel[], byRequest: ReadonlyArray<RequestEvidence | undefined>, dirty: Map<RouteEntry, Touch>): void {
    for (let i = 0; i < using.length; i++) this.usePieces(using[i], byRequest[using[i].index]!, undefined, dirty);
  }

  private bulkStated(stating: readonly RequestModel[], byRequest: ReadonlyArray<RequestEvidence | undefined>, dirty: Map<RouteEntry, Touch>): void {
    for (let i = 0; i < stating.length; i++) this.stated(stating[i], byRequest[stating[i].index]!, undefined, dirty);
  }

  /**
   * Takes the pieces of `removed` out and puts those of `added` (with what each says, `addedEvidence`) in;
   * `requests` is the new version's. Returns the entries whose evidence or order changed, appeared or went.
   */
  update(requests: readonly RequestModel[], removed: readonly RequestModel[], added: readonly RequestModel[], addedEvidence: readonly RequestEvidence[]): RouteEntry[] {
    if (!this.tracking) throw new Error('SameFileEvidence.of builds a whole-file index: make an updatable one with new SameFileEvidence()');
    return this.apply(requests, removed, added, addedEvidence);
  }

  private apply(requests: readonly RequestModel[], removed: readonly RequestModel[], added: readonly RequestModel[], addedEvidence: readonly RequestEvidence[]): RouteEntry[] {
    this.requests = requests;
    const dirty = new Map<RouteEntry, Touch>();
    for (const r of removed) this.withdraw(r, dirty);
    const redo = new Map<RequestModel, RequestEvidence>();
    added.forEach((r, i) => redo.set(r, addedEvidence[i]));
    // A kept request's pieces read the targets and lines of the requests whose responses it uses.
    for (const r of added) {
      for (const user of membersOf(this.usersOf.get(r.index))) {
        if (redo.has(user)) continue;
        redo.set(user, this.contributors.get(user)!.evidence);
        this.withdraw(user, dirty);
      }
    }
    for (const [r, evidence] of redo) this.contribute(r, evidence, dirty);
    return this.settleAll(dirty);
  }

  /** Settles every entry the update touched; returns those whose evidence or order changed, appeared or went. */
  private settleAll(dirty: Map<RouteEntry, Touch>): RouteEntry[] {
    const touched: RouteEntry[] = [];
    for (const [entry, before] of dirty) {
      settle(entry, before);
      if (entry.pieces.length === 0) {
        this.byOrigin.get(entry.origin)!.get(entry.route)![entry.coversItems ? 1 : 0] = undefined;
        this.bySegments.get(segmentCount(entry.route))?.delete(entry);
        touched.push(entry);
        continue;
      }
      entry.top = topOf(entry.pieces);
      if (before.first !== entry.pieces[0].order || !sameEvidence(before.top, entry.top)) touched.push(entry);
    }
    return touched;
  }

  /** The evidence for `target`, over every route the file gave evidence for (a file has few). */
  lookup(target: WriteTarget): Evidence[] {
    if (this.tracking) return this.find(target);
    // A whole-file index never changes: each origin and route is looked up once (a file writes each many times).
    let byRoute = this.found.get(target.origin);
    if (!byRoute) this.found.set(target.origin, byRoute = new Map());
    let found = byRoute.get(target.route);
    if (!found) byRoute.set(target.route, found = this.find(target));
    return found;
  }

  /** The answers of a whole-file index by origin, then route (callers copy them). */
  private readonly found = new Map<string, Map<string, Evidence[]>>();

  private find(target: WriteTarget): Evidence[] {
    const found: Evidence[] = [];
    const segments = segmentCount(target.route);
    for (const n of [segments, segments - 1]) {
      const matching = [...this.bySegments.get(n) ?? []].filter((e) => entryMatches(e, target));
      matching.sort((a, b) => a.pieces[0].order - b.pieces[0].order);
      // A piece filed under two matching routes (a collection's ETag used by a write to one of its items) says one thing.
      for (const e of matching) for (const t of e.top) if (!found.some((f) => f.sentence === t.sentence)) found.push(t);
    }
    return found;
  }

  private withdraw(r: RequestModel, dirty: Map<RouteEntry, Touch>): void {
    const c = this.contributors.get(r);
    if (!c) return;
    this.contributors.delete(r);
    for (const s of c.sources ?? NONE) {
      const users = withoutMember(this.usersOf.get(s), r);
      if (users === undefined) this.usersOf.delete(s);
      else this.usersOf.set(s, users);
    }
    for (const p of c.pieces ?? NONE) {
      p.gone = true;
      touch(p.entry, dirty).withdrawn = true;
    }
  }

  /** The entry for a route, made (and filed by segment count) when new. */
  private entryFor(origin: string, route: string, coversItems: boolean): RouteEntry {
    let routes = this.byOrigin.get(origin);
    if (!routes) this.byOrigin.set(origin, routes = new Map());
    let pair = routes.get(route);
    if (!pair) routes.set(route, pair = [undefined, undefined]);
    const slot = coversItems ? 1 : 0;
    let entry = pair[slot];
    if (!entry) {
      pair[slot] = entry = { origin, route, coversItems, pieces: [], top: [] };
      const n = segmentCount(route);
      const list = this.bySegments.get(n);
      if (list) list.add(entry);
      else this.bySegments.set(n, new Set([entry]));
    }
    return entry;
  }

  /**
   * A whole-file index's entries by place (`routePlaceOf`: one object per route key), without and with items: a file
   * names a few places many times (one look-up by identity, not two by strings). An editor's index drops entries: `entryFor`.
   */
  private readonly ownEntries = new Map<RoutePlace, RouteEntry>();
  private readonly itemEntries = new Map<RoutePlace, RouteEntry>();

  /** The entry for `place`'s route (as `entryFor`). */
  private ownEntryAt(place: RoutePlace): RouteEntry {
    if (this.tracking) return this.entryFor(place.origin, place.route, false);
    let entry = this.ownEntries.get(place);
    if (!entry) this.ownEntries.set(place, entry = this.entryFor(place.origin, place.route, false));
    return entry;
  }

  /** As `ownEntryAt`, for the route and its items (apart: code compiled in the headers' phase would deopt here). */
  private itemEntryAt(place: RoutePlace): RouteEntry {
    if (this.tracking) return this.entryFor(place.origin, place.route, true);
    let entry = this.itemEntries.get(place);
    if (!entry) this.itemEntries.set(place, entry = this.entryFor(place.origin, place.route, true));
    return entry;
  }

  /** A whole-file index's entries for sent preconditions, and for validators read from a route's items, by route key. */
  private readonly sentEntries = new EntriesByRouteKey((place) => this.ownEntryAt(place));
  private readonly itemEntriesByKey = new EntriesByRouteKey((place) => this.itemEntryAt(place));

  /** The entry of `r`'s own route (`ownEntryAt` its place), undefined when it has no place. */
  private sentEntryOf(r: RequestModel): RouteEntry | undefined {
    if (!this.tracking && r.method && r.url !== undefined) return this.sentEntries.of(r.url);
    const place = placeOfRequest(r);
    return place && this.ownEntryAt(place);
  }

  /**
   * The entry for the route a response of `method` to `place` speaks about (`aboutRoute`): a POST's is the created
   * item's, which holds only for that item; another's is `place`'s own, for its items too when `items`.
   */
  private entryAbout(method: string | undefined, place: RoutePlace, items: boolean): RouteEntry {
    return method === 'POST' ? this.entryFor(place.origin, aboutRoute(method, place.route), false) : items ? this.itemEntryAt(place) : this.ownEntryAt(place);
  }

  /**
   * False when `entry` needs no more pieces: a whole-file index, given pieces in order, keeps only those up to its
   * top's last (the first pieces of distinct sentences, `topOf`); the others would never be read.
   */
  private wants(entry: RouteEntry): boolean {
    return this.tracking || entry.top.length < PIECES_PER_ROUTE;
  }

  /** Appends `piece` to its entry (sorted when the entry settles) and to its request's record. */
  private add(piece: Piece, c: Contributor | undefined, dirty: Map<RouteEntry, Touch>): void {
    const entry = piece.entry;
    if (!this.tracking) {
      entry.pieces.push(piece);
      const sentence = piece.evidence.sentence;
      if (!entry.top.some((e) => e.sentence === sentence)) entry.top.push(piece.evidence);
      return;
    }
    const t = touch(entry, dirty);
    const pieces = entry.pieces;
    if (pieces.length && pieces[pieces.length - 1].order > piece.order) t.unsorted = true;
    pieces.push(piece);
    if (c) (c.pieces ??= []).push(piece);
  }

  /** All the pieces of `r`, for an editor's update, which keeps the record of a request that put something in (few do). */
  private contribute(r: RequestModel, evidence: RequestEvidence, dirty: Map<RouteEntry, Touch>): void {
    const c: Contributor = { evidence, pieces: undefined, sources: undefined };
    this.sentPieces(r, c, dirty);
    this.usePieces(r, evidence, c, dirty);
    this.stated(r, evidence, c, dirty);
    if (c.pieces || c.sources) this.contributors.set(r, keep(c)); else this.contributors.delete(r);
  }

  /** The pieces of the preconditions `r` sends (the first phase of a bulk build). */
  private sentPieces(r: RequestModel, c: Contributor | undefined, dirty: Map<RouteEntry, Touch>): void {
    if (r.headers.length === 0) return;
    // Read where the request writes only for a precondition sent: most requests send none.
    const ifMatch = firstHeader(r, IF_MATCH);
    const ifUnmodified = firstHeader(r, IF_UNMODIFIED_SINCE);
    if (!ifMatch && !ifUnmodified) return;
    const entry = this.sentEntryOf(r);
    if (!entry) return;
    // If-Match first, then If-Unmodified-Since (seq 0 and 1).
    // An entry means a method and a URL (`placeOfRequest`).
    const method = r.method!;
    const url = r.url!;
    if (ifMatch && this.wants(entry)) this.add(new SentPiece(orderOf(0, r.index, 0), entry, IF_MATCH, method, url, startLineOf(ifMatch.range)), c, dirty);
    if (ifUnmodified && this.wants(entry)) {
      this.add(new SentPiece(orderOf(0, r.index, 1), entry, IF_UNMODIFIED_SINCE, method, url, startLineOf(ifUnmodified.range)), c, dirty);
    }
  }

  /** The pieces of the responses `r` uses (the second phase of a bulk build). */
  private usePieces(r: RequestModel, evidence: RequestEvidence, c: Contributor | undefined, dirty: Map<RouteEntry, Touch>): void {
    const uses = evidence.uses;
    if (!uses.length) return;
    // The user's place, worked out at the first use that needs it (null: not yet).
    let place: RoutePlace | undefined | null = null;
    for (let seq = 0; seq < uses.length; seq++) {
      const use = uses[seq];
      if (c) {
        this.usersOf.set(use.source, withMember(this.usersOf.get(use.source), r));
        (c.sources ??= []).push(use.source);
      }
      const order = orderOf(1, r.index, 2 * seq);
      if (!this.tracking && this.sameRouteValidator(use, r, order)) continue;
      if (place === null) place = placeOfRequest(r);
      this.fromUse(use, r, place, order, c, dirty);
    }
  }

  /** The pieces of what the document states about `r`'s API (the third phase of a bulk build). */
  private stated(r: RequestModel, evidence: RequestEvidence, c: Contributor | undefined, dirty: Map<RouteEntry, Touch>): void {
    const place = evidence.evidence.length ? placeOfRequest(r) : undefined;
    if (!place) return;
    const entry = this.entryAbout(r.method, place, false);
    for (let seq = 0; seq < evidence.evidence.length && this.wants(entry); seq++) {
      this.add(new StatedPiece(orderOf(2, r.index, seq), entry, evidence.evidence[seq]), c, dirty);
    }
  }

  /**
   * A whole-file index's validator from a read (no POST) sent to the user's own route key: `fromUse` gives it one piece,
   * to the read's items' entry, and stops at `write.route === read.route`. Done here by route keys, neither URL split
   * and routed (the file's common use: an ETag read, then sent back to the same resource). False for any other use.
   */
  private sameRouteValidator(use: ResponseUse, user: RequestModel, order: Order): boolean {
    const source = this.requests[use.source];
    if (!source || !source.method || source.method === 'POST' || source.url === undefined || !user.method || user.url === undefined) return false;
    if (use.part !== 'headers' || !isValidatorName(use.path)) return false;
    const key = routeKeyOf(source.url);
    if (routeKeyOf(user.url) !== key) return false;
    const entry = this.itemEntriesByKey.at(key);
    if (entry && this.wants(entry)) this.add(new ValidatorUsePiece(order, entry, validatorUse(use, source)), undefined, NO_TOUCHES);
    return true;
  }

  /** The pieces one response use gives (`order`, and `order + 1` for a second): to the read's route (and the write's), or a read-modify-write. */
  private fromUse(use: ResponseUse, user: RequestModel, write: RoutePlace | undefined, order: Order, c: Contributor | undefined,
    dirty: Map<RouteEntry, Touch>): void {
    const source = this.requests[use.source];
    const read = source && placeOfRequest(source);
    if (!source || !read) return;
    if (use.part === 'headers' && isValidatorName(use.path)) {
      // Made when a first entry wants it: a whole-file index's entries are full after a few pieces.
      let v: ValidatorUse | undefined;
      // A create's validator is the created item's; a read's holds for the route's items too.
      const readEntry = this.entryAbout(source.method, read, true);
      if (this.wants(readEntry)) this.add(new ValidatorUsePiece(order, readEntry, v ??= validatorUse(use, source)), c, dirty);
      // A collection's validator is evidence for its items; and the request that sends it is on the same API.
      if (!write || write.route === read.route) return;
      const writeEntry = this.ownEntryAt(write);
      if (this.wants(writeEntry)) this.add(new ValidatorUsePiece(order + 1, writeEntry, v ??= validatorUse(use, source)), c, dirty);
      return;
    }
    const sourceLine = startLineOf(source.anchor);
    if (!write || !isRead(source) || !isWriteMethod(user.method)) return;
    if (!originsMayMatch(read.origin, write.origin)) return;
    if (!routesMatch(read.route, write.route)) {
      // A listing read only to pick which item to address (its id in the URL) sends nothing it read back: only a
      // write that sends back what its collection returned modifies what it read.
      if (!isCollectionOf(read.route, write.route) || use.sent === 'url') return;
    }
    const entry = this.ownEntryAt(write);
    if (this.wants(entry)) {
      this.add(new ReadModifyWritePiece(order, entry, user.method, startLineOf(user.anchor), { method: source.method!, url: source.url! }, sourceLine), c, dirty);
    }
  }
}

/** What the one or two pieces of a validator use share (`ValidatorUse`). */
function validatorUse(use: ResponseUse, source: RequestModel): ValidatorUse {
  return { method: source.method!, url: source.url!, line: use.line, path: use.path, sourceLine: startLineOf(source.anchor) };
}

/**
 * Where `r` writes, as entries are filed: the origin and route of its URL (`targetOf` is defined exactly when this is),
 * worked out once per route key (`routePlaceOf`), not per URL: an editor's first update (`prime`) visits every request
 * that sends a precondition or uses a response, and the whole-file lint before it split none of their URLs.
 */
function placeOfRequest(r: RequestModel): RoutePlace | undefined {
  return r.method && r.url !== undefined ? routePlaceOf(r.url) ?? undefined : undefined;
}
