/**
 * The Microsoft Graph JavaScript client read as the requests it sends (the rows; sdks.ts registers them and says what
 * each field means): `@microsoft/microsoft-graph-client`, `Client.init({ authProvider })` or
 * `Client.initWithMiddleware(…)`, then one request per chain: `client.api(path)` names the resource, options chain on
 * (`.header(name, value)`, `.headers({ … })`, `.select(…)`, `.query(…)`, …) and the last call sends it: `get` /
 * `getStream`, `put` / `putStream`, `patch` / `update`, `delete` / `del`
 * (https://github.com/microsoftgraph/msgraph-sdk-javascript/blob/dev/docs/Actions.md).
 *
 * Graph keeps an eTag on drive items, list items and Planner objects and honours If-Match on their writes; a header
 * chained on the request is its guard: `client.api(p).header('If-Match', item.eTag).put(body)`.
 */
import type { SdkFactory, SdkGuards, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';

export const GRAPH_SERVICES: Readonly<Record<string, SdkService>> = {
  'Microsoft Graph (JavaScript client)': {
    base: 'https://graph.microsoft.com/v1.0',
    advice: "Chain the eTag of the item you read onto the write: .header('If-Match', item.eTag) (or .header('If-None-Match', '*') to create only): Graph answers 412 once the item changed.",
  },
};

/** The request builder's option calls, each returning the same request (a chain names one request). */
const OPTIONS = ['header', 'headers', 'option', 'options', 'select', 'expand', 'filter', 'orderby', 'top', 'skip', 'skipToken', 'count',
  'search', 'query', 'version', 'responseType', 'middlewareOptions'];
const chained: Record<string, SdkFactory> = Object.fromEntries(OPTIONS.map((o) => [`GraphRequest.${o}`, { makes: 'GraphRequest' }]));

const guards: SdkGuards = { chainedHeaders: ['If-Match', 'If-None-Match'] };

const GRAPH_JS: SdkRows = {
  modules: ['@microsoft/microsoft-graph-client'],
  factories: {
    'Client.init': { makes: 'GraphClient' },
    'Client.initWithMiddleware': { makes: 'GraphClient' },
    'GraphClient.api': { makes: 'GraphRequest', names: [{ arg: 0 }] },
    ...chained,
  },
  prefix: 'GraphRequest',
  calls: {
    get: { method: 'GET', names: [] },
    getStream: { method: 'GET', names: [] },
    put: { method: 'PUT', names: [], body: { arg: 0 }, guards },
    putStream: { method: 'PUT', names: [], body: { arg: 0 }, guards },
    patch: { method: 'PATCH', names: [], body: { arg: 0 }, guards },
    update: { method: 'PATCH', names: [], body: { arg: 0 }, guards },
    delete: { method: 'DELETE', names: [], guards },
    del: { method: 'DELETE', names: [], guards },
  },
  sdk: 'Microsoft Graph (JavaScript client)',
};

export const GRAPH_ROWS: readonly SdkRows[] = [GRAPH_JS];
