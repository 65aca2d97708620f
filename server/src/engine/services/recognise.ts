/**
 * Which known service a request goes to (catalogue.ts), and whether it carries that service's own form of
 * precondition: a header, a query parameter (or a pair), or the version in the body.
 */
import { hostMatches } from '../config/host-patterns';
import { writtenHost } from '../model/target';
import { SERVICES, type KnownService } from './catalogue';
import { sameHeaderName } from '../text/header-names';

/** What recognition reads of a request: the URL as written, its host, its query names and its body. */
export interface ServiceRequest {
  url: string | undefined;
  host: string | undefined;
  queryParams: ReadonlySet<string>;
  headers: ReadonlyArray<{ name: string }>;
  body?: string;
}

/** The catalogued service a request goes to, if any (the first entry that matches wins). */
export function serviceOf(req: Pick<ServiceRequest, 'url' | 'host'>, services: readonly KnownService[] = SERVICES): KnownService | undefined {
  if (req.url === undefined) return undefined;
  if (services !== SERVICES || req.url.length > MEMO_URL_CHARS) return recognise(req.url, req.host, services);
  // Several rules and the evidence index ask about every write: the catalogue's answer is worked out once per URL
  // (filed by host, then URL: no key string built per question).
  const hostKey = req.host ?? '';
  let byUrl = recognised.get(hostKey);
  const known = byUrl?.get(req.url);
  if (known !== undefined) return known ?? undefined;
  const found = recognise(req.url, req.host, services);
  if (recognisedCount >= RECOGNISED_LIMIT) {
    recognised.clear();
    recognisedCount = 0;
    byUrl = undefined;
  }
  if (!byUrl) recognised.set(hostKey, byUrl = new Map());
  byUrl.set(req.url, found ?? null);
  recognisedCount++;
  return found;
}

/** The catalogue's answers by host and URL (bounded: an odd file cannot grow it without limit). */
const recognised = new Map<string, Map<string, KnownService | null>>();
let recognisedCount = 0;
const RECOGNISED_LIMIT = 16384;
/** Longer URLs (a pasted data URI, a huge expansion) are recognised each time rather than kept as keys. */
const MEMO_URL_CHARS = 2048;

function recognise(url: string, knownHost: string | undefined, services: readonly KnownService[]): KnownService | undefined {
  const { port, path } = portAndPath(url);
  const host = knownHost ?? templatedSubdomainHost(url);
  const candidates = services === SERVICES ? servedAt(host, port) : services.filter((s) => mayServe(s, host, port));
  return candidates.find((s) => !s.recognise.path || s.recognise.path.test(path));
}

/** Whether `service` may be the one at this host and port, whatever the path. */
function mayServe(service: KnownService, host: string | undefined, port: number | undefined): boolean {
  const r = service.recognise;
  return (!r.hosts && !r.host && r.port === undefined) || namedByOrigin(service, host, port) || (!!r.pathIdentifies && !host);
}

/**
 * The catalogue's services that may be at a host and port, in catalogue order, worked out once per origin: a file's
 * many URLs name few origins, and matching hosts against every service's patterns costs more than a path's regex.
 */
function servedAt(host: string | undefined, port: number | undefined): readonly KnownService[] {
  let byPort = servedAtOrigin.get(host);
  let served = byPort?.get(port);
  if (served) return served;
  if (servedAtOrigin.size >= ORIGINS_LIMIT) {
    servedAtOrigin.clear();
    byPort = undefined;
  }
  if (!byPort) servedAtOrigin.set(host, byPort = new Map());
  byPort.set(port, served = SERVICES.filter((s) => mayServe(s, host, port)));
  return served;
}

const servedAtOrigin = new Map<string | undefined, Map<number | undefined, readonly KnownService[]>>();
/** Bounded: an odd file cannot grow it without limit. */
const ORIGINS_LIMIT = 1024;

/**
 * True when only the path named the service: no host or port of its own matched (a FHIR resource path, an
 * Elasticsearch `_doc` path under `{{ES}}`). That is a guess about the server, not knowledge of it.
 */
export function recognisedByPathAlone(service: KnownService, url: string, host: string | undefined): boolean {
  return !namedByOrigin(service, host ?? templatedSubdomainHost(url), portAndPath(url).port);
}

/**
 * A host templated only before its known domain (`{{account}}.blob.core.windows.net`,
 * `${project}-default-rtdb.firebaseio.com` in code), read with a placeholder for the unknown part: a service's own
 * domain still names it, as `*.blob.core.windows.net` does for any account. Two known labels must follow the last
 * template; anything else (`{{host}}`, `api.{{domain}}`, `{{name}}.com`) stays unknown.
 */
function templatedSubdomainHost(url: string): string | undefined {
  const host = writtenHost(url);
  const end = host?.lastIndexOf('}}') ?? -1;
  if (!host || end < 0) return undefined;
  const tail = host.slice(end + 2);
  return /^[a-z0-9-]*(\.[a-z0-9-]+){2,}$/i.test(tail) ? `tenant${tail.toLowerCase()}` : undefined;
}

/** True when the request's host or port is one of the service's own. */
function namedByOrigin(service: KnownService, host: string | undefined, port: number | undefined): boolean {
  const r = service.recognise;
  return (!!host && (!!r.hosts && hostMatches(host, r.hosts) || !!r.host && r.host.test(host)))
    || (r.port !== undefined && port === r.port);
}

/** True when the request carries the service's own precondition. */
export function carriesServiceGuard(req: ServiceRequest, service: KnownService): boolean {
  const g = service.guards;
  if (!g) return false;
  if (g.headers?.some((name) => req.headers.some((h) => sameHeaderName(h.name, name)))) return true;
  if (g.queryParams?.some((p) => req.queryParams.has(p))) return true;
  if (g.pairedQueryParams?.some(([a, b]) => req.queryParams.has(a) && req.queryParams.has(b))) return true;
  if (g.createOnly && req.url !== undefined && createsOnly(req.url, g.createOnly)) return true;
  return !!g.body && req.body !== undefined && g.body.test(req.body);
}

/** True when the URL takes the service's create-only form (its path, or its query string). */
function createsOnly(url: string, form: { path?: RegExp; query?: RegExp }): boolean {
  if (form.path?.test(portAndPath(url).path)) return true;
  const q = url.indexOf('?');
  return !!form.query && q >= 0 && form.query.test(url.slice(q + 1).split('#')[0]);
}

/** The port written in a URL (none for the scheme's default) and its path, query dropped. */
function portAndPath(url: string): { port: number | undefined; path: string } {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(url.trim());
  if (!m) return { port: undefined, path: url.split(/[?#]/)[0] };
  const port = /:(\d+)$/.exec(m[1]);
  return { port: port ? Number(port[1]) : undefined, path: m[2] || '/' };
}

/** Headers an inserted read must send for the service to return the version a fix needs (none for most). */
export function readHeadersOf(req: Pick<ServiceRequest, 'url' | 'host'>): readonly (readonly [string, string])[] {
  return serviceOf(req)?.fix?.readHeaders ?? [];
}
