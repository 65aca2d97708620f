/**
 * What the runner has seen, as evidence: a response from the target's origin and route that carried an ETag
 * or Last-Modified, or that answered 412 / 428. The runner (and the probe) append observations to a per-
 * workspace store; hosts hand them here. Routes, not URLs: `GET /items/7` returning an ETag counts for
 * `PUT /items/{{id}}`.
 */
import { isPreconditionStatus } from '../semantics/status';
import { routeOf, routesMatch, splitUrl, unknownOrigin } from './route';
import type { Evidence, EvidenceSource, WriteTarget } from './types';

/** One response the runner received, reduced to what matters here. The store's JSON holds these. */
export interface Observation {
  method: string;
  /** The URL requested (query and credentials are not kept). */
  url: string;
  status: number;
  /** The response carried an ETag / Last-Modified header. */
  etag?: boolean;
  lastModified?: boolean;
  /** ISO 8601 time of the response. */
  at: string;
  /** Who recorded it: 'runner' (Send request, `etag-guard run`) or 'probe'. */
  by?: string;
}

/** True when an observation tells anything about versioning (the runner stores only these). */
export function isTelling(o: Pick<Observation, 'status' | 'etag' | 'lastModified'>): boolean {
  return isPreconditionStatus(o.status) || (o.status < 300 && (!!o.etag || !!o.lastModified));
}

/** The sentence an observation gives: "GET /items/7 returned ETag at 10:02". */
export function describeObservation(o: Observation): string {
  const parts = splitUrl(o.url);
  const what = o.status === 412 || o.status === 428
    ? `answered ${o.status}`
    : `returned ${[o.etag ? 'ETag' : '', o.lastModified ? 'Last-Modified' : ''].filter(Boolean).join(' and ')}`;
  return `${o.method} ${parts ? parts.path : o.url} ${what} at ${timeOf(o.at)}`;
}

export function observedSource(observations: readonly Observation[]): EvidenceSource {
  const byOrigin = new Map<string, { route: string; o: Observation }[]>();
  for (const o of observations) {
    const parts = splitUrl(o.url);
    if (!parts || !isTelling(o)) continue;
    const list = byOrigin.get(parts.origin) ?? [];
    list.push({ route: routeOf(parts.path), o });
    byOrigin.set(parts.origin, list);
  }
  return {
    name: 'observed',
    lookup(target: WriteTarget): Evidence[] {
      const found: Evidence[] = [];
      // A write to `{{baseUrl}}/items/1` may go to any origin the runner has seen: the route must still match.
      const lists = unknownOrigin(target.origin) ? [...byOrigin.values()] : [byOrigin.get(target.origin) ?? []];
      for (const { route, o } of lists.flat()) {
        if (!routesMatch(route, target.route)) continue;
        found.push({ kind: 'observed', verdict: 'versioned', sentence: describeObservation(o), at: o.at });
      }
      // The latest observation first, and one is enough to say why.
      return found.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '')).slice(0, 1);
    },
  };
}

/** `HH:MM` of an ISO time (UTC as stored), or the text as given when it is no time. */
function timeOf(iso: string): string {
  const m = /T(\d\d:\d\d)/.exec(iso);
  return m ? m[1] : iso;
}
