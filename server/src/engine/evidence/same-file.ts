/**
 * Evidence a document gives about its own targets, gathered in one pass into a per-file index by route:
 * - a write that uses what a read of its resource (or its collection) returned: read-modify-write, the
 *   lost-update pattern itself (even when only `body.id` was used); every write to that route counts it;
 * - an ETag / Last-Modified captured from a response of the route (or of its collection);
 * - If-Match / If-Unmodified-Since sent to the route anywhere in the file;
 * - handlers or client code checking for 412/428 or reading the ETag (`DocumentEvidence` of the model).
 */
import type { DocumentModel, RequestModel } from '../model/types';
import { findHeaders } from '../model/types';
import { describeTarget, isCollectionOf, originsMayMatch, routesMatch, writeTargetOf } from './route';
import type { Evidence, WriteTarget } from './types';

interface RouteEntry {
  origin: string;
  route: string;
  /** True when the evidence holds for the items of the route too (a collection's validator). */
  coversItems: boolean;
  evidence: Evidence[];
}

/** A few pieces per route say why; more would only lengthen messages (and make big files quadratic). */
const PIECES_PER_ROUTE = 3;

/**
 * Same-file evidence by route. Routes match only routes of as many segments (or one fewer, for a
 * collection), so entries are filed by segment count and a lookup reads only those.
 */
export class SameFileEvidence {
  private readonly byKey = new Map<string, RouteEntry>();
  private readonly bySegments = new Map<number, RouteEntry[]>();

  constructor(model: DocumentModel) {
    const targets = model.requests.map((r) => writeTargetOf(r.method, r.url));
    const at = (i: number): WriteTarget | undefined => targets[i];
    for (const req of model.requests) this.fromHeaders(req, at(req.index));
    for (const use of model.responseUses ?? []) {
      const source = model.requests[use.source];
      const user = model.requests[use.user];
      const read = at(use.source);
      const write = at(use.user);
      if (!source || !user || !read) continue;
      if (use.part === 'headers' && /^(etag|last-modified)$/i.test(use.path)) {
        const sentence = `line ${use.line + 1} uses the ${use.path} of ${describeTarget(read)} (line ${source.anchor.start.line + 1})`;
        this.add(read.origin, read.route, { kind: 'same-file', verdict: 'versioned', sentence, line: use.line }, true);
        // A collection's validator is evidence for its items; and the request that sends it is on the same API.
        if (write && write.route !== read.route) this.add(write.origin, write.route, { kind: 'same-file', verdict: 'versioned', sentence, line: use.line });
        continue;
      }
      if (!write || !isRead(source) || !isWriteMethod(user.method)) continue;
      if (!originsMayMatch(read.origin, write.origin)) continue;
      if (!routesMatch(read.route, write.route) && !isCollectionOf(read.route, write.route)) continue;
      this.add(write.origin, write.route, {
        kind: 'same-file', verdict: 'versioned', line: user.anchor.start.line,
        sentence: `the ${user.method} on line ${user.anchor.start.line + 1} writes back what ${describeTarget(read)} ` +
          `(line ${source.anchor.start.line + 1}) returned: a read-modify-write`,
      });
    }
    for (const e of model.evidence ?? []) {
      const t = at(e.request);
      if (t) this.add(t.origin, t.route, { kind: e.kind, verdict: e.verdict, sentence: e.sentence, line: e.line });
    }
  }

  /** The evidence for `target`, over every route the file gave evidence for (a file has few). */
  lookup(target: WriteTarget): Evidence[] {
    const found: Evidence[] = [];
    const segments = segmentCount(target.route);
    for (const e of [...(this.bySegments.get(segments) ?? []), ...(this.bySegments.get(segments - 1) ?? [])]) {
      if (!originsMayMatch(e.origin, target.origin)) continue;
      if (routesMatch(e.route, target.route) || (e.coversItems && isCollectionOf(e.route, target.route))) found.push(...e.evidence);
    }
    return found;
  }

  private fromHeaders(req: RequestModel, target: WriteTarget | undefined): void {
    if (!target) return;
    for (const name of ['If-Match', 'If-Unmodified-Since']) {
      const h = findHeaders(req, name)[0];
      if (!h) continue;
      this.add(target.origin, target.route, {
        kind: 'same-file', verdict: 'versioned', line: h.range.start.line,
        sentence: `${name} is sent to ${describeTarget(target)} on line ${h.range.start.line + 1}`,
      });
    }
  }

  private add(origin: string, route: string, evidence: Evidence, coversItems = false): void {
    const key = `${coversItems}|${origin}|${route}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      this.byKey.set(key, entry = { origin, route, coversItems, evidence: [] });
      const segments = segmentCount(route);
      const list = this.bySegments.get(segments);
      if (list) list.push(entry);
      else this.bySegments.set(segments, [entry]);
    }
    if (entry.evidence.length < PIECES_PER_ROUTE && !entry.evidence.some((e) => e.sentence === evidence.sentence)) entry.evidence.push(evidence);
  }
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
