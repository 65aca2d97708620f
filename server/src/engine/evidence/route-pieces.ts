/**
 * The pieces of a route's same-file evidence (same-file.ts): each says what it is about when it is made and writes
 * its sentence when first read; its place in the file's order is one number. A request's target is named by its
 * method and URL and worked out only for a sentence (`targetNamed`): an editor's index takes every piece of the file
 * and reads a few per route.
 */
import type { DocumentEvidence } from '../model/types';
import { describeTarget, distinctRunTimeUrls, isCollectionOf, originsMayMatch, routesMatch, writeTargetOf } from './route';
import type { Evidence, WriteTarget } from './types';

/** A few pieces per route say why; more would only lengthen messages (and make big files quadratic). */
export const PIECES_PER_ROUTE = 3;

/**
 * Where a piece stands in the file's order (headers first, then response uses, then scripts; by request; by
 * sequence within the request) as one number, so comparing and sorting allocate nothing: phase × 2⁵¹ + request ×
 * 2²⁰ + seq (exact below 2⁵³ for request indexes under 2³¹ and fewer than 2²⁰ pieces per request and phase).
 */
export type Order = number;

export function orderOf(phase: number, request: number, seq: number): Order {
  return (phase * 2 ** 31 + request) * 2 ** 20 + seq;
}

/**
 * One piece of a route's evidence. Its sentence is written when first read: only the first few pieces of a route
 * are ever read (`topOf`), and a large file gives thousands per route. What it says is taken when it is made.
 */
export abstract class Piece {
  private described: Evidence | undefined;
  /** Set when its request is withdrawn: the entry drops it when it settles. */
  gone = false;

  constructor(readonly order: Order, readonly entry: RouteEntry) {}

  get evidence(): Evidence {
    return (this.described ??= this.describe());
  }

  protected abstract describe(): Evidence;
}

/** A request's method and URL, which name its target (`RequestModel` has both): a piece keeps these, not the request. */
export type TargetName = { readonly method: string; readonly url: string };

/** How a sentence names the target of `t` (`describeTarget`); the piece's request had a target when it was made. */
function targetNamed(t: TargetName): string {
  return describeTarget(writeTargetOf(t.method, t.url)!);
}

/** If-Match / If-Unmodified-Since sent to the route (by `method` to `url`). */
export class SentPiece extends Piece implements TargetName {
  constructor(order: Order, entry: RouteEntry, private readonly name: string, readonly method: string, readonly url: string,
    private readonly line: number) {
    super(order, entry);
  }

  protected describe(): Evidence {
    const { name, line } = this;
    return { kind: 'same-file', verdict: 'versioned', line, sentence: `${name} is sent to ${targetNamed(this)} on line ${line + 1}` };
  }
}

/** An ETag / Last-Modified of a response of the route used by a later request (filed under the read's route and the write's). */
export class ValidatorUsePiece extends Piece {
  constructor(order: Order, entry: RouteEntry, private readonly use: ValidatorUse) {
    super(order, entry);
  }

  protected describe(): Evidence {
    const { line, path, sourceLine } = this.use;
    return {
      kind: 'same-file', verdict: 'versioned', line,
      sentence: this.use.sentence ??= `line ${line + 1} uses the ${path} of ${targetNamed(this.use)} (line ${sourceLine + 1})`,
    };
  }
}

/** What the one or two pieces of a validator use share (`method` and `url`: the read's): its sentence is written once for both. */
export type ValidatorUse = TargetName & { line: number; path: string; sourceLine: number; sentence?: string };

/** A write sending back what a read of its resource returned. */
export class ReadModifyWritePiece extends Piece {
  constructor(order: Order, entry: RouteEntry, private readonly method: string | undefined, private readonly line: number,
    private readonly read: TargetName, private readonly sourceLine: number) {
    super(order, entry);
  }

  protected describe(): Evidence {
    const { method, line, read, sourceLine } = this;
    return {
      kind: 'same-file', verdict: 'versioned', line,
      sentence: `the ${method} on line ${line + 1} writes back what ${targetNamed(read)} (line ${sourceLine + 1}) returned: a read-modify-write`,
    };
  }
}

/** What the document states about the request's API (handlers checking 412/428, code reading `etag`). */
export class StatedPiece extends Piece {
  constructor(order: Order, entry: RouteEntry, private readonly stated: DocumentEvidence) {
    super(order, entry);
  }

  protected describe(): Evidence {
    const e = this.stated;
    return { kind: e.kind, verdict: e.verdict, sentence: e.sentence, line: e.line };
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

/** True when `entry`'s evidence is about `target` (the test `lookup` applies). */
export function entryMatches(entry: RouteEntry, target: WriteTarget): boolean {
  if (!originsMayMatch(entry.origin, target.origin) || distinctRunTimeUrls(entry, target)) return false;
  return routesMatch(entry.route, target.route) || (entry.coversItems && isCollectionOf(entry.route, target.route));
}

/** The first pieces of distinct sentences, in file order. */
export function topOf(pieces: readonly Piece[]): Evidence[] {
  const top: Evidence[] = [];
  for (const p of pieces) {
    if (top.length === PIECES_PER_ROUTE) break;
    if (!top.some((e) => e.sentence === p.evidence.sentence)) top.push(p.evidence);
  }
  return top;
}

/** True when two tops say the same: an editor's update reports the entry only when its evidence or order changed. */
export function sameEvidence(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i] || (e.sentence === b[i].sentence && e.kind === b[i].kind && e.verdict === b[i].verdict && e.line === b[i].line));
}
