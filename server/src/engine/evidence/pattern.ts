/**
 * Target patterns as teams and catalogues write them: `https://api.example.com` (every route of an origin),
 * `https://api.example.com/items/{id}` (one route), `/items/*` (a route on any origin), `*.blob.core.windows.net`
 * (a host and its subdomains), with a trailing `/**` for "this route and everything below it".
 */
import { hostMatches } from '../config/host-patterns';
import { routeOf, routesMatch, splitUrl, unknownOrigin } from './route';
import type { WriteTarget } from './types';

export interface TargetPattern {
  /** A lower-case origin, a `*.host` pattern, or undefined for any origin. */
  origin?: string;
  host?: string;
  /** A route template, or undefined for every route. */
  route?: string;
  /** True for a trailing `/**`: the route and everything below it. */
  prefix: boolean;
}

export function parsePattern(text: string): TargetPattern {
  const t = text.trim();
  const prefix = t.endsWith('/**');
  const body = prefix ? t.slice(0, -3) : t;
  const toRoute = (path: string) => (path === '' || path === '/' ? undefined : routeOf(path.replace(/\/\*(?=\/|$)/g, '/{}')));
  if (body.startsWith('/')) return { route: toRoute(body), prefix };
  if (!body.includes('://')) {
    const slash = body.indexOf('/');
    return { host: (slash < 0 ? body : body.slice(0, slash)).toLowerCase(), route: slash < 0 ? undefined : toRoute(body.slice(slash)), prefix };
  }
  const parts = splitUrl(body);
  return { origin: parts?.origin, route: parts && toRoute(parts.path), prefix };
}

/** True when a pattern covers a write target. A target with an unknown origin matches on its route alone. */
export function patternMatches(p: TargetPattern, target: WriteTarget): boolean {
  if (!unknownOrigin(target.origin)) {
    if (p.origin && p.origin !== target.origin) return false;
    if (p.host && !hostMatches(hostOfOrigin(target.origin), [p.host])) return false;
  } else if ((p.origin || p.host) && !p.route) return false;
  if (!p.route) return true;
  if (!p.prefix) return routesMatch(p.route, target.route);
  const depth = p.route.split('/').length;
  return routesMatch(p.route, target.route.split('/').slice(0, depth).join('/'));
}

function hostOfOrigin(origin: string): string {
  return origin.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/:\d+$/, '');
}
