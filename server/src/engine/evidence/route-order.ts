/**
 * The order of a route's evidence pieces in an editor's index (same-file.ts), kept after each update: what was
 * withdrawn dropped, what was appended placed.
 */
import type { Piece } from './route-pieces';

/**
 * Drops withdrawn pieces (`gone`) from a route's pieces, of which the first `length` were in file order before an
 * editor's update, and puts those appended after them in file order too, each after the pieces of its order already
 * there (as a stable sort would). A keystroke appends a few pieces to a route that may hold thousands: they are
 * sorted among themselves and each is placed by a binary search, where sorting the whole route called its
 * comparator once per piece on every keystroke.
 */
export function settlePieces(pieces: Piece[], length: number, withdrawn: boolean, unsorted: boolean): void {
  let inOrder = length;
  if (withdrawn) {
    let kept = 0;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      if (i === length) inOrder = kept;
      if (!p.gone) pieces[kept++] = p;
    }
    if (pieces.length === length) inOrder = kept;
    pieces.length = kept;
  }
  if (!unsorted) return;
  if (pieces.length - inOrder > PLACED_ONE_BY_ONE) pieces.sort((a, b) => a.order - b.order);
  else placeAppended(pieces, inOrder);
}

/** Up to this many appended pieces are placed one by one; more (a first build) sort the whole route. */
const PLACED_ONE_BY_ONE = 16;

/** Moves `pieces[inOrder…]` (appended, in the order they came) into the sorted `pieces[0, inOrder)`. */
function placeAppended(pieces: Piece[], inOrder: number): void {
  const appended = pieces.splice(inOrder).sort((a, b) => a.order - b.order);
  let from = 0;
  for (const p of appended) {
    // After every piece of the same order: the first position whose piece comes later in the file.
    let lo = from;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid].order <= p.order) lo = mid + 1;
      else hi = mid;
    }
    pieces.splice(lo, 0, p);
    from = lo + 1;
  }
}
