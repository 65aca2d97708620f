/**
 * A whole-file evidence index's route entries found by the URL's route key (route.ts `routeKeyOf`): every request that
 * sends a precondition asks for its route's entry, and a file's many URLs (`…/items/1` … `…/items/4000`) name few
 * routes. A key's URLs all have one place's origin and route, so the key is split and routed once (`placeOf`) and
 * its URLs take its entry. Only for an index that never drops an entry (`SameFileEvidence.of`).
 */
import type { RouteEntry } from './route-pieces';
import { placeOf, routeKeyOf, type RoutePlace } from './route';

export class EntriesByRouteKey {
  /** By route key: the entry of its URLs' place, null when they have none. */
  private readonly byKey = new Map<string, RouteEntry | null>();

  constructor(private readonly entryAt: (place: RoutePlace) => RouteEntry) {}

  /** The entry of `url`'s place (`entryAt(placeOf(url))`), undefined when it has no place. */
  of(url: string): RouteEntry | undefined {
    return this.at(routeKeyOf(url));
  }

  /** As `of`, given a URL's route key. */
  at(key: string): RouteEntry | undefined {
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      // The key is a URL of its place (route.ts `routePlaceOf`): an editor's index asks the same memo.
      const place = placeOf(key);
      this.byKey.set(key, entry = place && this.entryAt(place));
    }
    return entry ?? undefined;
  }
}
