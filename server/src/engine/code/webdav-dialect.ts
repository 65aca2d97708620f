/**
 * WebDAV spoken in client code: a module that sends WebDAV's own methods (PROPFIND, MKCOL, PROPPATCH, LOCK, COPY,
 * MOVE …) to a base URL shows the server there is a WebDAV server, whatever its host (Nextcloud, a NAS, any
 * user-configured `{{config.url}}`). A WebDAV server keeps an entity tag for every resource and honours If-Match on
 * PUT (RFC 4918 §8.6, RFC 9110): a PUT or PATCH under that base without one can replace a file another client
 * changed since (the sync tool's lost update). That is same-file evidence for those writes (a DELETE alone does not
 * produce it: removing a file is rarely a merge of what was read); like all same-file evidence it is about the
 * route, so other writes to the same route share it.
 * A class named for WebDAV (`class WebDavProvider`, `WebDAVSync`, `CalDavClient`) says the same of the writes in
 * it, even where it sends no WebDAV method of its own (sync providers that only GET and PUT one file).
 */
import type { DocumentEvidence, RequestModel } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import type { Node } from './syntax';

const WEBDAV_METHODS = new Set(['PROPFIND', 'PROPPATCH', 'MKCOL', 'LOCK', 'UNLOCK', 'COPY', 'MOVE', 'SEARCH', 'REPORT']);
const CONTENT_WRITES = new Set(['PUT', 'PATCH']);

/**
 * A name made fresh for this write (`${Date.now()}.json`, a UUID, a timestamp): the PUT creates a file nobody else
 * has, such as a history snapshot or an uploaded receipt, so there is no concurrent update to lose.
 */
const FRESH_NAME = /\{\{[^}]*(Date\.now|uuid|randomUUID|nanoid|time\.time|datetime\.now|timestamp)[^}]*\}\}/i;

/** A class name that says WebDAV, CalDAV or CardDAV. */
const DAV_NAME = /(web|cal|card)_?dav/i;

/**
 * Evidence for each PUT / PATCH whose URL lies under a base the module sends a WebDAV method to, or that a class
 * named for WebDAV sends, unless it names a fresh file.
 */
export function webdavDialectEvidence(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): DocumentEvidence[] {
  // The method as written, even where unseen headers keep the request itself from being judged.
  const bases: { base: string; method: string; line: number }[] = [];
  requests.forEach((req, i) => {
    const method = (req.method ?? calls[i]?.method)?.toUpperCase();
    if (req.url === undefined || method === undefined || !WEBDAV_METHODS.has(method)) return;
    const base = req.url.replace(/\/+$/, '');
    if (base !== '') bases.push({ base, method, line: req.anchor.start.line });
  });
  const named = /dav/i.test(ctx.text);
  if (bases.length === 0 && !named) return [];
  const out: DocumentEvidence[] = [];
  requests.forEach((req, i) => {
    if (req.url === undefined || req.method === undefined || !CONTENT_WRITES.has(req.method) || FRESH_NAME.test(req.url)) return;
    const url = req.url;
    const dav = bases.find((b) => url.startsWith(b.base) && under(url, b.base));
    const cls = !dav && named && calls[i] ? classOf(calls[i].call, ctx) : undefined;
    if (!dav && !cls) return;
    const why = dav ? `the file sends ${dav.method} to ${dav.base} on line ${dav.line + 1}` : `the class ${cls} is named for WebDAV`;
    out.push({
      request: req.index, kind: 'same-file', verdict: 'versioned', line: req.anchor.start.line,
      sentence: `${why}, so that is a WebDAV server, which keeps an ETag for every resource and honours If-Match`,
    });
  });
  return out;
}

/** The name of the innermost class around `call`, when it says WebDAV. */
function classOf(call: Node, ctx: CodeContext): string | undefined {
  const ancestors = ctx.ancestry.of(call);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (!['class_declaration', 'abstract_class_declaration', 'class', 'class_definition'].includes(a.type)) continue;
    const name = a.childForFieldName('name')?.text;
    return name && DAV_NAME.test(name) ? name : undefined;
  }
  return undefined;
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
