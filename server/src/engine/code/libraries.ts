/**
 * The HTTP client APIs recognised, as data: for each function (module plus export path), where the method,
 * the URL and the options (headers) are found. Instances (`axios.create()`, `requests.Session()`, undici
 * `new Client()`…) map to the path their methods are listed under.
 */

import { sdkFactory } from './sdks';

/** Where a call's method comes from. */
export type MethodSpec =
  | { fixed: string }
  /** A positional argument (Python `request("PUT", url)`), or the `method=` keyword. */
  | { arg: number }
  /** A property of the options object (or its `alias`: jQuery's `type`); `fallback` when the options say nothing. */
  | { option: string; alias?: string; fallback?: string };

export interface CallShape {
  library: string;
  method: MethodSpec;
  /** Argument index of the URL; when that argument is an object, it is the options and the URL is its `urlOption`. */
  urlArg?: number;
  urlOption?: string;
  /** Argument index of the options object; 'kwargs' for Python keyword arguments. */
  options?: number | 'kwargs';
  /** Headers also set on the chain (`superagent.put(u).set(k, v)`) or on the returned request (`req.setHeader`). */
  chained?: 'set' | 'setHeader';
  /** An option holding a callback that may set headers out of sight (jQuery's `beforeSend(xhr)`). */
  headerHook?: string;
  /** Where a relative path goes: the API host of a client that has one (`gapi.client.request({ path })`). */
  origin?: string;
  /** An option that, given `false`, makes the write create only (the `webdav` client's `overwrite`: If-None-Match: *). */
  createOnlyUnless?: string;
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
const SHAPES = new Map<string, CallShape>();

function add(keys: string[], shape: CallShape): void {
  for (const k of keys) SHAPES.set(k, shape);
}

function verbs(prefix: string, shapeOf: (verb: string) => Omit<CallShape, 'method'>, names = VERBS): void {
  for (const v of names) SHAPES.set(`${prefix}${v}`, { ...shapeOf(v), method: { fixed: (v === 'del' ? 'DELETE' : v.toUpperCase()) } });
}

// fetch and its ponyfills: fetch(url, { method, headers }).
add(['global:fetch', 'undici:fetch', 'node-fetch:', 'node-fetch:default', 'cross-fetch:', 'cross-fetch:fetch', 'isomorphic-fetch:'],
  { library: 'fetch', method: { option: 'method', fallback: 'GET' }, urlArg: 0, options: 1 });
// undici: request(url, { method, headers }); client.request({ path, method, headers }).
add(['undici:request'], { library: 'undici', method: { option: 'method', fallback: 'GET' }, urlArg: 0, options: 1 });
add(['undici:Client.request', 'undici:Client.dispatch'], { library: 'undici', method: { option: 'method' }, urlOption: 'path', options: 0 });
// axios: axios(config) / axios(url, config) / axios.request(config) / axios.put(url, data, config).
add(['axios:'], { library: 'axios', method: { option: 'method', fallback: 'GET' }, urlArg: 0, urlOption: 'url', options: 1 });
add(['axios:request'], { library: 'axios', method: { option: 'method', fallback: 'GET' }, urlOption: 'url', options: 0 });
verbs('axios:', (v) => ({ library: 'axios', urlArg: 0, options: ['post', 'put', 'patch'].includes(v) ? 2 : 1 }));
// got and ky: got(url, { method, headers }), got.put(url, { headers }).
for (const lib of ['got', 'ky']) {
  add([`${lib}:`], { library: lib, method: { option: 'method', fallback: 'GET' }, urlArg: 0, urlOption: 'url', options: 1 });
  verbs(`${lib}:`, () => ({ library: lib, urlArg: 0, options: 1 }));
}
// superagent: superagent.put(url).set('If-Match', tag); superagent('PUT', url).
verbs('superagent:', () => ({ library: 'superagent', urlArg: 0, chained: 'set' }), [...VERBS, 'del']);
add(['superagent:'], { library: 'superagent', method: { arg: 0 }, urlArg: 1, chained: 'set' });
// Node: http.request(url, { method, headers }) or http.request({ path, method, headers }); req.setHeader(…).
add(['http:request', 'https:request'], { library: 'node-http', method: { option: 'method', fallback: 'GET' }, urlArg: 0, urlOption: 'path', options: 1, chained: 'setHeader' });
// Python: requests / httpx module functions and their Session / Client objects; aiohttp sessions.
for (const prefix of ['requests:', 'httpx:', 'aiohttp:ClientSession.']) {
  const library = prefix.split(':')[0];
  verbs(prefix, () => ({ library, urlArg: 0, options: 'kwargs' }));
  add([`${prefix}request`, ...(library === 'httpx' ? ['httpx:stream'] : [])], { library, method: { arg: 0 }, urlArg: 1, options: 'kwargs' });
}

// The `webdav` package's client (`createClient(base, auth)`): file reads and writes by path under the base, each
// taking `{ headers }` among its options. Only the calls that are plain HTTP reads and writes of one file.
add(['webdav:Client.getFileContents'], { library: 'webdav', method: { fixed: 'GET' }, urlArg: 0, options: 1 });
// `overwrite: false` makes putFileContents send If-None-Match: * (webdav-client source/operations/putFileContents.ts).
add(['webdav:Client.putFileContents'], { library: 'webdav', method: { fixed: 'PUT' }, urlArg: 0, options: 2, createOnlyUnless: 'overwrite' });
add(['webdav:Client.deleteFile'], { library: 'webdav', method: { fixed: 'DELETE' }, urlArg: 0, options: 1 });

// Page scripts (resolve.ts reads `$` / `jQuery` used and never declared as the page's jQuery). jQuery:
// $.ajax(settings) / $.ajax(url, settings) with `type` or `method` (default GET), `headers`, and a `beforeSend(xhr)`
// that may set more; $.get / $.post / $.getJSON(url, data, success) send no headers of their own.
add(['jquery:ajax'], { library: 'jquery', method: { option: 'method', alias: 'type', fallback: 'GET' }, urlArg: 0, urlOption: 'url', options: 1, headerHook: 'beforeSend' });
add(['jquery:getJSON'], { library: 'jquery', method: { fixed: 'GET' }, urlArg: 0, urlOption: 'url' });
verbs('jquery:', () => ({ library: 'jquery', urlArg: 0, urlOption: 'url', headerHook: 'beforeSend' }), ['get', 'post']);
// SharePoint Framework (`@microsoft/sp-http`): spHttpClient.get / .post / .fetch(url, SPHttpClient.configurations.v1,
// { method?, headers, body }); the client is the web part context's `spHttpClient` (resolve.ts).
add(['@microsoft/sp-http:SPHttpClient.fetch'], { library: 'sp-http', method: { option: 'method', fallback: 'GET' }, urlArg: 0, options: 2 });
verbs('@microsoft/sp-http:SPHttpClient.', () => ({ library: 'sp-http', urlArg: 0, options: 2 }), ['get', 'post']);

// Google's browser API client (a page global, resolve.ts): gapi.client.request({ path, method, params, headers, body })
// sends to Google's API host, with the path relative to it (Drive's `/upload/drive/v3/files/ID`, Calendar's events).
add(['gapi:client.request'], { library: 'gapi', method: { option: 'method', fallback: 'GET' }, urlArg: 0, urlOption: 'path', options: 0, origin: 'https://www.googleapis.com' });

/** The shape of a call to `module` export `path`, if it is an HTTP call this analysis knows. */
export function shapeOf(module: string, path: readonly string[]): CallShape | undefined {
  return SHAPES.get(`${module}:${path.join('.')}`);
}

/**
 * Factories whose result is a client object: module → factory export → the path its methods are listed under.
 * `axios.create()` gives an object used like `axios`; undici's `new Client()` has `Client.request`.
 */
const FACTORIES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  axios: { create: [] },
  got: { extend: [] },
  ky: { create: [], extend: [] },
  undici: { Client: ['Client'], Pool: ['Client'], Agent: ['Client'] },
  requests: { Session: [], session: [] },
  httpx: { Client: [], AsyncClient: [] },
  aiohttp: { ClientSession: ['ClientSession'] },
  webdav: { createClient: ['Client'] },
};

/**
 * The option of a factory that sets the base URL its client's relative paths are joined to: httpx's `base_url=`,
 * axios's `baseURL`, got's and ky's `prefixUrl`.
 */
const BASE_OPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  axios: { create: 'baseURL' },
  got: { extend: 'prefixUrl' },
  ky: { create: 'prefixUrl', extend: 'prefixUrl' },
  httpx: { Client: 'base_url', AsyncClient: 'base_url' },
};

export function baseOption(module: string, path: readonly string[]): string | undefined {
  return path.length === 1 ? BASE_OPTIONS[module]?.[path[0]] : undefined;
}

export function factoryPrefix(module: string, path: readonly string[], service?: string): readonly string[] | undefined {
  const sdk = sdkFactory(module, path, service);
  if (sdk) return [sdk.makes];
  return path.length === 1 ? FACTORIES[module]?.[path[0]] : undefined;
}

/** Names that reach the built-in fetch without an import. */
export const GLOBAL_FETCH = new Set(['fetch', 'globalThis.fetch', 'window.fetch', 'self.fetch']);
