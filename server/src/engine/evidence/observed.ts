/**
 * What the runner has seen, as evidence: a response from the target's origin and route that carried an ETag
 * or Last-Modified, or that answered 412 / 428. The runner (and the probe) append observations to a per-
 * workspace store; hosts hand them here. Routes, not URLs: `GET /items/7` returning an ETag counts for
 * `PUT /items/{{id}}`.
 */
import { isPreconditionStatus } from '../semantics/status';
import { routeOf, routesMatch, splitUrl, unknownOrigin } from './route';
import type { Evidence, EvidenceSource, ReadDeclaration, WriteTarget } from './types';

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

/** True when an observation tells anything about versioning. */
function isVersioning(o: Pick<Observation, 'status' | 'etag' | 'lastModified'>): boolean {
  return isPreconditionStatus(o.status) || (o.status < 300 && (!!o.etag || !!o.lastModified));
}

/** A GET the server refused as a method (405): a fix must not insert that read before a write of the route. */
function refusesRead(o: Pick<Observation, 'method' | 'status'>): boolean {
  return o.method === 'GET' && o.status === 405;
}

/** True when an observation tells anything about versioning, or that the route serves no GET (the runner stores only these). */
export function isTelling(o: Pick<Observation, 'method' | 'status' | 'etag' | 'lastModified'>): boolean {
  return isVersioning(o) || refusesRead(o);
}

/** The sentence an observation gives: "GET /items/7 returned ETag at 10:02". */
export function describeObservation(o: Observation): string {
  const parts = splitUrl(o.url);
  const what = o.status === 412 || o.status === 428 || o.status === 405
    ? `answered ${o.status}`
    : `returned ${[o.etag ? 'ETag' : '', o.lastModified ? 'Last-Modified' : ''].filter(Boolean).join(' and ')}`;
  return `${o.method} ${parts ? parts.path : o.url} ${what} at ${timeOf(o.at)}`;
}

export function observedSource(observations: readonly Observation[]): EvidenceSource {
  const byOrigin = new Map<string, { route: string; o: Observation }[]>();
  for (const o of observations) {
    const parts = splitUrl(o.url);
    // A GET that was served is kept too: it says a read may be inserted (readOf), though nothing about versions.
    if (!parts || !(isTelling(o) || (o.method === 'GET' && o.status < 300))) continue;
    const list = byOrigin.get(parts.origin) ?? [];
    list.push({ route: routeOf(parts.path), o });
    byOrigin.set(parts.origin, list);
  }
  return {
    name: 'observed',
    lookup(target: WriteTarget): Evidence[] {
      const found: Evidence[] = [];
      for (const o of seenAt(target)) {
        if (!isVersioning(o)) continue;
        found.push({ kind: 'observed', verdict: 'versioned', sentence: describeObservation(o), at: o.at });
      }
      // The latest observation first, and one is enough to say why.
      return found.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '')).slice(0, 1);
    },
    readOf(target: WriteTarget): ReadDeclaration | undefined {
      // The latest GET of the route decides: refused (405), or served.
      const gets = seenAt(target).filter((o) => o.method === 'GET').sort((a, b) => b.at.localeCompare(a.at));
      if (gets.length === 0) return undefined;
      return refusesRead(gets[0]) ? { get: false, sentence: describeObservation(gets[0]) } : { get: true };
    },
  };

  /** The observations of the target's route (a write to `{{baseUrl}}/items/1` may go to any origin the runner has seen). */
  function seenAt(target: WriteTarget): Observation[] {
    const lists = unknownOrigin(target.origin) ? [...byOrigin.values()] : [byOrigin.get(target.origin) ?? []];
    return lists.flat().filter(({ route }) => routesMatch(route, target.route)).map(({ o }) => o);
  }
}

/** `HH:MM` of an ISO time (UTC as stored), or the text as given when it is no time. */
function timeOf(iso: string): string {
  const m = /T(\d\d:\d\d)/.exec(iso);
  return m ? m[1] : iso;
}
