/**
 * Writes no precondition can help, by construction: echo and mock services (nothing there is anyone's data),
 * presigned one-shot URLs (the signature already pins
 * the request), chunk uploads of an upload session (`Content-Range`: the session orders the chunks), FHIR
 * `$operation` endpoints (RPC-style calls, not updates of a versioned resource), bodies that guard
 * themselves (a JSON Patch whose `test` operation fails the patch when the value changed) and PATCHes of an
 * empty object (`{}`: a "touch" that changes no member, so no one's update can be lost).
 * Default mode says nothing about them; `--strict` still does. Reserved example domains are placeholders:
 * see `placeholderHost`.
 */
import type { RequestModel } from '../model/types';
import { findHeaders, lowerCaseName } from '../model/types';
import { hostMatches } from '../config/host-patterns';
import { serviceOf } from '../services/recognise';

/** Echo, mock and fake-data services: requests there change nobody's data. */
export const ECHO_AND_MOCK_HOSTS = [
  'httpbin.org', '*.httpbin.org', 'httpbingo.org', 'postman-echo.com', '*.postman-echo.com', 'echo.hoppscotch.io',
  'jsonplaceholder.typicode.com', 'my-json-server.typicode.com', 'reqres.in', 'dummyjson.com', 'fakestoreapi.com',
  '*.mockapi.io', 'mockbin.org', '*.mockbin.io', 'webhook.site', '*.requestcatcher.com', '*.beeceptor.com',
  'dummy.restapiexample.com', 'fakerestapi.azurewebsites.net', 'gorest.co.in', 'petstore.swagger.io',
  'petstore3.swagger.io', 'restful-api.dev', 'api.restful-api.dev', 'mocki.io', '*.free.beeceptor.com',
];

/**
 * Reserved for documentation (RFC 2606, RFC 6761): example.com/.net/.org and `.example` / `.invalid`. Not
 * `.test` or `.localhost`: developers run real local sites there (Laravel Valet serves `*.test`).
 */
export const RESERVED_EXAMPLE_HOSTS = ['example.com', '*.example.com', 'example.net', '*.example.net', 'example.org', '*.example.org', '*.example', '*.invalid'];

/** Query parameters that make a URL a presigned, one-shot grant (AWS SigV4/V2, GCS V4, Azure SAS). */
const PRESIGNED_PARAMS = ['x-amz-signature', 'x-goog-signature', 'googleaccessid'];

/**
 * A reserved example domain stands for an API nobody named: the write is judged on the file's own evidence
 * alone (a file that sends If-Match to `api.example.com/items/1` shows that API versions its items), and is
 * otherwise silent rather than a hint.
 */
export function placeholderHost(req: RequestModel): string | undefined {
  return hostMatches(req.host, RESERVED_EXAMPLE_HOSTS) ? `${req.host} is a reserved example domain` : undefined;
}

/** Why a write is out of scope, or undefined when it is in scope. */
export function outOfScope(req: RequestModel): string | undefined {
  if (hostMatches(req.host, ECHO_AND_MOCK_HOSTS)) return `${req.host} is an echo/mock service`;
  if (presigned(req.queryParams)) return 'a presigned URL: its signature already pins this one request';
  if (findHeaders(req, 'Content-Range').length > 0) return 'a chunk of an upload session (Content-Range)';
  if (req.url !== undefined && fhirOperation(req.url)) return 'a FHIR $operation, not an update of a versioned resource';
  const known = serviceOf(req);
  if (known?.versioning === 'none') return `${known.name} ${known.why}`;
  if (guardsItself(req)) return 'a JSON Patch whose test operation fails the patch when the value changed';
  if (emptyPatch(req)) return 'a PATCH with an empty object changes nothing';
  return undefined;
}

function presigned(params: ReadonlySet<string>): boolean {
  if (params.size === 0) return false;
  const lower = new Set([...params].map(lowerCaseName));
  if (PRESIGNED_PARAMS.some((p) => lower.has(p))) return true;
  if (lower.has('signature') && (lower.has('expires') || lower.has('awsaccesskeyid'))) return true;
  // Azure shared access signature: sig with a signed version or expiry.
  return lower.has('sig') && (lower.has('sv') || lower.has('se') || lower.has('sp'));
}

/** `/Patient/123/$everything`, `/$validate`: a path segment that starts with `$` (not a `{{$guid}}` template). */
function fhirOperation(url: string): boolean {
  if (!url.includes('$')) return false; // most URLs: no operation, no cuts or regexes
  const path = url.split(/[?#]/)[0].replace(/\{\{.*?\}\}/g, 'x');
  return /\/\$[A-Za-z]/.test(path);
}

/** RFC 6902: a JSON Patch with a `test` operation is applied only when the tested value still holds. */
function guardsItself(req: RequestModel): boolean {
  if (req.method !== 'PATCH') return false;
  const body = req.body;
  // The regex only where its literal is: most bodies hold no `"op"`.
  return body !== undefined && body.includes('"op"') && /"op"\s*:\s*"test"/.test(body);
}

/** A merge PATCH of `{}` (as written in a request body, or a code string or object literal): it changes nothing. */
function emptyPatch(req: RequestModel): boolean {
  if (req.method !== 'PATCH' || req.body === undefined) return false;
  return /^(['"`]?)\s*\{\s*\}\s*\1$/.test(req.body.trim());
}
