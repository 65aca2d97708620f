/**
 * WebDAV spoken in client code: a module that sends WebDAV's own methods (PROPFIND, MKCOL, PROPPATCH, LOCK, COPY,
 * MOVE …) to a base URL shows the server there is a WebDAV server, whatever its host (Nextcloud, a NAS, any
 * user-configured `{{config.url}}`). A WebDAV server keeps an entity tag for every resource and honours If-Match on
 * PUT (RFC 4918 §8.6, RFC 9110): a PUT or PATCH under that base without one can replace a file another client
 * changed since (the sync tool's lost update). That is evidence for those writes (a DELETE alone does not produce it:
 * removing a file is rarely a merge of what was read); it is about the route, so other writes to the same route share
 * it. It says what the server is, as a configured base does (client-code evidence): a DELETE sharing it is a hint,
 * as a catalogue-only one is (rules/code-catalogue-only.ts). A one-way upload (a local file or a generated export
 * sent where nothing reads it back, code/one-way-upload.ts) gets none of it.
 * A class named for WebDAV (`class WebDavProvider`, `WebDAVSync`, `CalDavClient`) says the same of the writes in
 * it, even where it sends no WebDAV method of its own (sync providers that only GET and PUT one file). So does a
 * function named for WebDAV (`uploadToWebDAV(data, config)`, a `useWebdavSync()` hook) whose write goes to a file the
 * module also reads (`downloadFromWebDAV(config)` GETs it): a sync module of functions. A function so named that only
 * uploads (a rendered video, a report) is an upload, not a sync: nothing.
 * A generic helper (`upload_to_webdav(filename, content)`, code/generic-helpers.ts) that nothing in the file gives
 * data of its own, and whose caller names the file, gets no evidence from the dialect: its callers decide what is
 * written, and where. One whose URL ends in a file name of its own (`uploadData(config, data)` to
 * `${config.url}/app-sync.json`) writes the one file every device syncs through: it keeps the evidence.
 */
import { mayBeSameResource } from '../model/target';
import type { DocumentEvidence, RequestModel } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { functionName, parameterNames } from './local-functions';
import { oneWayUpload } from './one-way-upload';
import { isFunction, type Node } from './syntax';
import { startLineOf } from '../text/span';

const WEBDAV_METHODS = new Set(['PROPFIND', 'PROPPATCH', 'MKCOL', 'LOCK', 'UNLOCK', 'COPY', 'MOVE', 'SEARCH', 'REPORT']);
const CONTENT_WRITES = new Set(['PUT', 'PATCH']);

/**
 * A name made fresh for this write (`${Date.now()}.json`, a UUID, a timestamp): the PUT creates a file nobody else
 * has, such as a history snapshot or an uploaded receipt, so there is no concurrent update to lose.
 */
const FRESH_NAME = /\{\{[^}]*(Date\.now|uuid|randomUUID|nanoid|time\.time|datetime\.now|timestamp)[^}]*\}\}/i;

/**
 * True when the URL's last segment holds a parameter of the function around the call (`{{filename}}`,
 * `take-{{take}}.webm`): the caller names the file.
 */
function callerNamesFile(url: string, call: Node, ctx: CodeContext): boolean {
  const last = url.replace(/[?#].*$/, '').split('/').pop() ?? '';
  const params = parameterNames(ctx.scopes.functionOf(call));
  return [...last.matchAll(/\{\{([^{}]*)\}\}/g)].some((m) => params.includes(m[1].trim()));
}

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
    if (base !== '') bases.push({ base, method, line: startLineOf(req.anchor) });
  });
  const named = /dav/i.test(ctx.text);
  if (bases.length === 0 && !named) return [];
  const out: DocumentEvidence[] = [];
  requests.forEach((req, i) => {
    if (req.url === undefined || req.method === undefined || !CONTENT_WRITES.has(req.method) || FRESH_NAME.test(req.url)) return;
    const url = req.url;
    if (req.genericHelper && calls[i] && callerNamesFile(url, calls[i].call, ctx)) return;
    // A local file or a generated export sent where nothing reads it back is an upload, not a sync.
    if (calls[i] && oneWayUpload(req, calls[i], requests, ctx)) return;
    const dav = bases.find((b) => url.startsWith(b.base) && under(url, b.base));
    const cls = !dav && named && calls[i] ? classOf(calls[i].call, ctx) : undefined;
    const fn = !dav && !cls && named && calls[i] ? syncFunctionOf(req, calls[i].call, requests, calls, ctx) : undefined;
    if (!dav && !cls && !fn) return;
    const why = dav ? `the file sends ${dav.method} to ${dav.base} on line ${dav.line + 1}`
      : cls ? `the class ${cls} is named for WebDAV`
        : `${fn!.name} is named for WebDAV and the file reads the same file (line ${fn!.line + 1})`;
    out.push({
      // What the server is, told by how the code talks to it or names itself (like a configured base): a DELETE that
      // shares it is a hint (rules/code-catalogue-only.ts), as a catalogue-only delete is.
      request: req.index, kind: 'client-code', verdict: 'versioned', line: startLineOf(req.anchor),
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
 * The function around `call` named for WebDAV (a declaration, a method, or the name a callback is held under:
 * `const putPayload = useCallback(async (…) => …)` inside `function useWebdavSync()`), when the module also GETs
 * what `req` writes.
 */
function syncFunctionOf(req: RequestModel, call: Node, requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): { name: string; line: number } | undefined {
  const target = req.target;
  if (target === undefined || req.url === undefined || callerNamesFile(req.url, call, ctx)) return undefined;
  // The method as written (unseen headers may keep the read itself from being judged).
  const read = requests.find((r, i) => (r.method ?? calls[i]?.method) === 'GET' && r.target !== undefined && mayBeSameResource(r.target, target));
  if (!read) return undefined;
  const ancestors = ctx.ancestry.of(call);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    const name = isFunction(a) ? functionName(a, ctx) : a.type === 'variable_declarator' ? a.childForFieldName('name')?.text : undefined;
    if (name && DAV_NAME.test(name)) return { name, line: startLineOf(read.anchor) };
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
