/**
 * Service-specific preconditions typed into the request: an Elasticsearch `?version=3` or `if_seq_no=12`, a
 * CouchDB `?rev=2-…` or `"_rev": "2-…"` pasted into the body, a GCS `ifGenerationMatch=1718…`. Like a literal
 * If-Match they match only until the resource next changes, then every write fails; the usual "fix" (paste the
 * new value) throws the protection away. `0` is no copied version: it is the create-only form (GCS, Consul).
 */
import { lowerCaseName } from '../model/types';

/** Query parameters that carry a version copied from a response. */
const VERSION_PARAMS = ['version', 'if_seq_no', 'if_primary_term', 'rev', 'cas', 'ifGenerationMatch', 'ifMetagenerationMatch'];
const VERSION_HEADERS = ['x-goog-if-generation-match', 'x-goog-if-metageneration-match', 'if-unmodified-since-version'];

export interface LiteralGuard {
  /** How the guard is spelled: `?if_seq_no=12`, `"_rev": "2-9f…"`. */
  text: string;
}

/** What `literalServiceGuards` reads of a request. */
interface GuardedRequest {
  url: string | undefined;
  body?: string;
  headers: ReadonlyArray<{ name: string; value: string | undefined; source: { kind: string } }>;
}

/**
 * Literal service-specific preconditions of a request (URL, headers with literal values, body). `isServiceTarget` says
 * whether a version parameter means a precondition where `req` goes (given the request: no closure per request).
 */
export function literalServiceGuards<R extends GuardedRequest>(req: R, isServiceTarget: (param: string, req: R) => boolean): readonly LiteralGuard[] {
  // Most writes hold none: the list is made at the first one.
  let out: LiteralGuard[] | undefined;
  // Most writes carry no query, no version header and no `_rev`: each part is looked at only when it may hold one.
  const query = req.url !== undefined && req.url.includes('?') ? req.url.split('#')[0].split('?')[1] : undefined;
  // Elasticsearch `version_type=external(_gte)`: `version` is the caller's own number (its system of record's),
  // compared by order, not a value copied from a response.
  const external = query !== undefined && query.includes('version_type=external');
  const pairs = query === undefined ? NO_PAIRS : query.split('&');
  for (let i = 0; i < pairs.length; i++) {
    const [name, value = ''] = pairs[i].split('=');
    if (!VERSION_PARAMS.includes(name) || !isServiceTarget(name, req) || !copiedVersion(value)) continue;
    if (external && name === 'version') continue;
    (out ??= []).push({ text: `?${name}=${value}` });
  }
  const headers = req.headers;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (h.source.kind !== 'literal' || !mayBeVersionHeader(h.name) || !VERSION_HEADERS.includes(lowerCaseName(h.name)) || !copiedVersion(h.value ?? '')) continue;
    (out ??= []).push({ text: `${h.name}: ${h.value}` });
  }
  const rev = req.body && req.body.includes('_rev') && /["']?_rev["']?\s*[:=]\s*["'](\d+-[0-9a-f]{6,})["']/.exec(req.body);
  if (rev) (out ??= []).push({ text: `"_rev": "${rev[1]}"` });
  return out ?? NO_GUARDS;
}

const NO_PAIRS: readonly string[] = [];
const NO_GUARDS: readonly LiteralGuard[] = [];

/** False when `name` cannot lower-case to a `VERSION_HEADERS` name (`x-…`, `if-…`): told by its first character. */
function mayBeVersionHeader(name: string): boolean {
  const c = name.charCodeAt(0);
  return (c | 32) === 120 || (c | 32) === 105 || c >= 128;
}

/** A value written out that is a version (digits, or a CouchDB `n-hash` revision), not a template or `0`. */
function copiedVersion(value: string): boolean {
  const v = value.trim();
  return v !== '0' && !v.includes('{{') && /^(\d+|\d+-[0-9a-f]{6,})$/i.test(v);
}
