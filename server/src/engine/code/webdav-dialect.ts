/**
 * WebDAV spoken in client code: a module that sends WebDAV's own methods (PROPFIND, MKCOL, PROPPATCH, LOCK, COPY,
 * MOVE …) to a base URL shows the server there is a WebDAV server, whatever its host (Nextcloud, a NAS, any
 * user-configured `{{config.url}}`). A WebDAV server keeps an entity tag for every resource and honours If-Match on
 * PUT (RFC 4918 §8.6, RFC 9110): a PUT or PATCH under that base without one can replace a file another client
 * changed since (the sync tool's lost update). That is same-file evidence for those writes (a DELETE alone does not
 * produce it: removing a file is rarely a merge of what was read); like all same-file evidence it is about the
 * route, so other writes to the same route share it.
 */
import type { DocumentEvidence, RequestModel } from '../model/types';
import type { HttpCall } from './calls';

const WEBDAV_METHODS = new Set(['PROPFIND', 'PROPPATCH', 'MKCOL', 'LOCK', 'UNLOCK', 'COPY', 'MOVE', 'SEARCH', 'REPORT']);
const CONTENT_WRITES = new Set(['PUT', 'PATCH']);

/**
 * A name made fresh for this write (`${Date.now()}.json`, a UUID, a timestamp): the PUT creates a file nobody else
 * has, such as a history snapshot or an uploaded receipt, so there is no concurrent update to lose.
 */
const FRESH_NAME = /\{\{[^}]*(Date\.now|uuid|randomUUID|nanoid|time\.time|datetime\.now|timestamp)[^}]*\}\}/i;

/** Evidence for each PUT / PATCH whose URL lies under a base the module sends a WebDAV method to, unless it names a fresh file. */
export function webdavDialectEvidence(requests: readonly RequestModel[], calls: readonly HttpCall[]): DocumentEvidence[] {
  // The method as written, even where unseen headers keep the request itself from being judged.
  const bases: { base: string; method: string; line: number }[] = [];
  requests.forEach((req, i) => {
    const method = (req.method ?? calls[i]?.method)?.toUpperCase();
    if (req.url === undefined || method === undefined || !WEBDAV_METHODS.has(method)) return;
    const base = req.url.replace(/\/+$/, '');
    if (base !== '') bases.push({ base, method, line: req.anchor.start.line });
  });
  if (bases.length === 0) return [];
  const out: DocumentEvidence[] = [];
  for (const req of requests) {
    if (req.url === undefined || req.method === undefined || !CONTENT_WRITES.has(req.method) || FRESH_NAME.test(req.url)) continue;
    const url = req.url;
    const dav = bases.find((b) => url.startsWith(b.base) && under(url, b.base));
    if (!dav) continue;
    out.push({
      request: req.index, kind: 'same-file', verdict: 'versioned', line: req.anchor.start.line,
      sentence: `the file sends ${dav.method} to ${dav.base} on line ${dav.line + 1}, so that is a WebDAV server, which keeps ` +
        'an ETag for every resource and honours If-Match',
    });
  }
  return out;
}

/**
 * True when `url` is below `base`: the base is a whole origin-and-path prefix, not the start of a longer host
 * (`https://dav.acme.test` is not a base of `https://dav.acme.test.evil`).
 */
function under(url: string, base: string): boolean {
  const rest = url.slice(base.length);
  if (rest === '' || rest.startsWith('/') || rest.startsWith('?')) return true;
  // `{{config.url}}` + `Saladict/notebook.json`: a configured base that ends in '/' by contract.
  return base.endsWith('}}');
}
