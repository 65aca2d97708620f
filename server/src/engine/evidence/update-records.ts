/**
 * What an editor's same-file evidence (same-file.ts `update`) records: per request, the pieces it put in and the
 * responses it uses; per entry an update touches, what it was before, so that only the entries that changed are
 * settled and reported.
 */
import type { RequestEvidence } from '../model/http-evidence';
import { compactList } from '../text/compact-list';
import { settlePieces } from './route-order';
import type { Order, Piece, RouteEntry } from './route-pieces';
import type { Evidence } from './types';

/** What an entry was before an update touched it, and what the update did to its pieces. */
export interface Touch {
  top: Evidence[];
  first: Order | undefined;
  /** Pieces were appended out of order, or withdrawn: settle before reading. */
  unsorted: boolean;
  withdrawn: boolean;
  /** How many pieces it had: those are in file order, the ones after them were appended by the update. */
  length: number;
}

/** An editor's record of what one request put in (kept only when it put something; its lists made at their first item). */
export interface Contributor {
  evidence: RequestEvidence;
  pieces?: Piece[];
  /** The requests whose responses it uses (its pieces read their targets and lines). */
  sources?: number[];
}

/** The record of `entry` in this update, made at its first touch (before any change to it). */
export function touch(entry: RouteEntry, dirty: Map<RouteEntry, Touch>): Touch {
  let t = dirty.get(entry);
  if (!t) dirty.set(entry, t = { top: entry.top, first: entry.pieces[0]?.order, unsorted: false, withdrawn: false, length: entry.pieces.length });
  return t;
}

/** Drops the entry's withdrawn pieces and puts the appended ones in file order (route-order.ts). */
export function settle(entry: RouteEntry, t: Touch): void {
  settlePieces(entry.pieces, t.length, t.withdrawn, t.unsorted);
}

/** A contributor as an editor keeps it: its lists (a piece or two, mostly) copied to their size. */
export function keep(c: Contributor): Contributor {
  if (c.pieces) c.pieces = compactList(c.pieces);
  if (c.sources) c.sources = compactList(c.sources);
  return c;
}
