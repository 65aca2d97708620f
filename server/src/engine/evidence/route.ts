/**
 * Routes: a write's origin and path reduced to a template (`/items/7` → `/items/{}`), so evidence about one
 * item counts for its siblings, and OpenAPI paths, runner observations and configured routes compare with
 * the URLs people write.
 */
import type { WriteTarget } from './types';
import { stringMemo } from '../text/string-memo';

/** A segment that names one item rather than a collection: a template, an `{id}` / `:id`, a number, a uuid, a long hex. */
function isIdSegment(segment: string): boolean {
  return segment.includes('{') || segment.startsWith(':') || allDigits(segment) ||
    (segment.length === 36 && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) ||
    (segment.length >= 16 && /\d/.test(segment) && /^[\w-]+$/.test(segment));
}

/** `/^\d+$/` without a regex: every character an ASCII digit (segments are never empty). */
function allDigits(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return segment.length > 0;
}

/** The route template of a path: id-like segments become `{}`; no trailing slash (one pass, no lists). */
export function routeOf(path: string): string {
  let route = '';
  for (let from = 0; from <= path.length;) {
    let to = path.indexOf('/', from);
    if (to < 0) to = path.length;
    if (to > from) {
      const segment = path.slice(from, to);
      route += isIdSegment(segment) ? '/{}' : '/' + segment;
    }
    from = to + 1;
  }
  return route === '' ? '/' : route;
}

/** Splits a URL (as written or resolved) into origin and path; undefined for what is no URL at all. */
export function splitUrl(url: string): { origin: string; path: string } | undefined {
  let u = url.trim();
  const cut = u.search(/[?#]/);
  if (cut >= 0 && !u.slice(cut).startsWith('#{')) u = u.slice(0, cut);
  const absolute = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(u);
  if (absolute) return { origin: absolute[1].toLowerCase(), path: absolute[2] || '/' };
  // `{{baseUrl}}/items/1`: the base stays a template; the rest is the path.
  const base = /^(\{\{[^}]*\}\})(.*)$/.exec(u);
  if (base) return { origin: base[1], path: base[2] || '/' };
  if (u.startsWith('/')) return { origin: '', path: u };
  // httpYac / JetBrains accept `host/path` without a scheme.
  const bare = /^([a-z0-9.-]+(?::\d+)?)(\/.*)?$/i.exec(u);
  if (bare && (bare[1].includes('.') || bare[1].startsWith('localhost'))) return { origin: 'http://' + bare[1].toLowerCase(), path: bare[2] ?? '/' };
  // `PUT-YOUR-SEARCH-SERVICE-URL-HERE/indexes/x` (a sample's variable left as shipped): a base to fill in, unknown
  // as a template is; the rest is the path.
  const placeholder = /^([A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+)(\/.*)$/.exec(u);
  if (placeholder) return { origin: `{{${placeholder[1]}}}`, path: placeholder[2] };
  return undefined;
}

/** Where a URL points, as its write targets say it (origin, path, route), for every method alike. */
export type Place = Readonly<Omit<WriteTarget, 'method'>>;

/** Where a URL points as far as its route goes (a place without its path): what the URLs of a route key share. */
export type RoutePlace = Readonly<Pick<WriteTarget, 'origin' | 'route'>>;

/** A URL's origin, path and route, worked out once per distinct URL (a file writes each many times); null: no URL. */
export const placeOf = stringMemo((url: string): Place | null => {
  const parts = splitUrl(url);
  return parts ? { origin: parts.origin, path: parts.path, route: routeOf(parts.path) } : null;
});

/**
 * A path segment of digits alone (`/7` before `/`, `?`, `#` or the end), not the host right after `//` or a scheme's
 * `:`. Linear: one `/` starts a try, and the digits it takes are followed by one look at the next character.
 */
const DIGIT_SEGMENT = /(?<![/:])\/\d+(?=[/?#]|$)/g;

/**
 * A key that URLs of one origin and route share when they differ only in segments of digits (`…/items/7` and
 * `…/items/8` → `…/items/{}`), made by the regex engine in one pass. Two URLs with the same key have the same
 * `placeOf` origin and route (every other character equal, and `routeOf` makes any segment of digits `{}`), so a
 * whole file's many URLs find their route's entry without each being split (`splitUrl`) and routed (`routeOf`).
 * URLs of one route may still have different keys (an id that is not digits): that costs a look-up, never a wrong one.
 */
export function routeKeyOf(url: string): string {
  return url.replace(DIGIT_SEGMENT, '/{}');
}

/**
 * `url`'s origin and route (null: no URL), worked out once per route key: the key is itself a URL of that place
 * (its `{}` segments route as the digits they stand for), so `placeOf` the key is memoised for all its URLs.
 */
export function routePlaceOf(url: string): RoutePlace | null {
  return placeOf(routeKeyOf(url));
}

/** The write target of a request, when its method and URL are known (a new object each call). */
export function writeTargetOf(method: string | undefined, url: string | undefined): WriteTarget | undefined {
  if (!method || url === undefined) return undefined;
  const parts = placeOf(url);
  if (!parts) return undefined;
  return { method, origin: parts.origin, path: parts.path, route: parts.route };
}

/** True when an origin is only known at run time (a template) or not written (a relative URL). */
export function unknownOrigin(origin: string): boolean {
  return origin === '' || origin.includes('{{');
}

/**
 * True when two URLs are each one expression known only at run time, and not the same one (`{{buildPath(key)}}`
 * beside `{{buildPath(INDEX)}}`): with no path to compare, only the same expression names the same resource (real
 * code: a WebDAV sync whose index file is read, merged and written back, beside uploads and deletes of each note
 * through the same path builder).
 */
export function distinctRunTimeUrls(a: { origin: string; route: string }, b: { origin: string; route: string }): boolean {
  const runTime = (x: { origin: string; route: string }) => x.route === '/' && x.origin !== '' && unknownOrigin(x.origin);
  return a.origin !== b.origin && runTime(a) && runTime(b);
}

/** True when two origins may be the same server: equal, or either unknown. */
export function originsMayMatch(a: string, b: string): boolean {
  return a === b || unknownOrigin(a) || unknownOrigin(b);
}

/** True when two route templates may name the same resource: same length, each segment equal or a `{}`. */
export function routesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.split('/');
  const y = b.split('/');
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && x[i] !== '{}' && y[i] !== '{}') return false;
  return true;
}

/** True when `collection` is the route one level above `item` (`/items` above `/items/{}`). */
export function isCollectionOf(collection: string, item: string): boolean {
  const cut = item.lastIndexOf('/');
  return cut > 0 && routesMatch(collection, item.slice(0, cut));
}

/**
 * The route a request's response speaks about: a POST's response (its ETag, what its handlers read) describes the
 * item it created (`/items` → `/items/{}`), not the collection it was sent to.
 */
export function aboutRoute(method: string | undefined, route: string): string {
  if (method !== 'POST') return route;
  return route === '/' ? '/{}' : route + '/{}';
}

/** The number of segments of a route (`/items/{}` → 2). */
export function segmentCount(route: string): number {
  let n = 0;
  for (let i = route.indexOf('/'); i >= 0; i = route.indexOf('/', i + 1)) n++;
  return n;
}

/** How a message names a target: `PUT /items/{id}` style, with the origin when it is known. */
export function describeTarget(t: WriteTarget): string {
  return `${t.method} ${unknownOrigin(t.origin) ? '' : t.origin}${t.path}`;
}
