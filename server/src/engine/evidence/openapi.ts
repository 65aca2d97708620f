/**
 * OpenAPI 3.x and Swagger 2 documents as evidence: an operation that declares an If-Match /
 * If-Unmodified-Since header parameter, a 412 or 428 response, or an ETag / Last-Modified response header is
 * on an API that versions the resource; so is a write on a path whose GET declares an ETag. The host parses
 * the files (YAML or JSON); this module reads the parsed objects, resolving local `$ref`s only.
 */
import { basename } from './names';
import { routeOf, routesMatch, splitUrl, unknownOrigin } from './route';
import type { Evidence, EvidenceSource, ReadDeclaration, WriteTarget } from './types';

/** A parsed API description: where it was found and its content (the object YAML or JSON gave). */
export interface ApiDocument {
  path: string;
  content: unknown;
}

/** One operation's precondition signals. */
interface Operation {
  document: string;
  method: string;
  /** The path as the document writes it: `/items/{id}`. */
  path: string;
  route: string;
  signals: string[];
}

interface Server {
  /** Lower-case origin, or undefined when relative or templated (`{scheme}://{host}`). */
  origin?: string;
  /** Base path route (`/v1`), '' for none. */
  base: string;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head'];
const PRECONDITION_PARAMS = /^(if-match|if-unmodified-since)$/i;
const VALIDATOR_HEADERS = /^(etag|last-modified)$/i;

/** True when a parsed object is an OpenAPI 3.x or Swagger 2 document (the host sniffs files with this). */
export function isApiDocument(content: unknown): boolean {
  if (!isObject(content)) return false;
  return (typeof content.openapi === 'string' && content.openapi.startsWith('3')) || String(content.swagger) === '2.0';
}

export function openApiSource(documents: readonly ApiDocument[]): EvidenceSource {
  const described = documents.filter((d) => isApiDocument(d.content)).map((d) => ({ servers: serversOf(d.content as Obj), operations: operationsOf(d) }));
  return {
    name: 'openapi',
    lookup(target: WriteTarget): Evidence[] {
      const found: Evidence[] = [];
      for (const doc of described) {
        const routes = candidateRoutes(doc.servers, target);
        if (routes.length === 0) continue;
        for (const op of doc.operations) {
          if (op.signals.length === 0 || !routes.some((r) => routesMatch(op.route, r))) continue;
          const same = op.method === target.method;
          // The write itself declares it; or a read of the same path shows the server keeps validators.
          if (!same && !(op.method === 'GET' && op.signals.some((s) => VALIDATOR_HEADERS.test(s.split(' ')[0])))) continue;
          found.push({
            kind: 'openapi', verdict: 'versioned', document: op.document,
            sentence: `${basename(op.document)} declares ${op.signals.join(', ')} on ${op.method} ${op.path}`,
          });
        }
      }
      // The write's own operation first: it is the most direct evidence.
      return found.sort((a, b) => Number(b.sentence.includes(` on ${target.method} `)) - Number(a.sentence.includes(` on ${target.method} `)));
    },
    readOf(target: WriteTarget): ReadDeclaration | undefined {
      let without: ReadDeclaration | undefined;
      for (const doc of described) {
        const ops = describing(doc.operations, candidateRoutes(doc.servers, target));
        if (ops.length === 0) continue;
        if (ops.some((op) => op.method === 'GET')) return { get: true };
        without ??= { get: false, sentence: `${basename(ops[0].document)} declares no GET on ${ops[0].path}` };
      }
      return without;
    },
  };
}

/**
 * The operations of the paths that describe one of `routes`: the paths of the same shape when there are any
 * (`/items/{id}` for `/items/{}`), else those that merely may match (`/items/search` for `/items/{}`).
 */
function describing(operations: readonly Operation[], routes: readonly string[]): Operation[] {
  const exact = operations.filter((op) => routes.includes(op.route));
  return exact.length ? exact : operations.filter((op) => routes.some((r) => routesMatch(op.route, r)));
}

/** The routes of `target` relative to each server the document names that may be the target's origin. */
function candidateRoutes(servers: readonly Server[], target: WriteTarget): string[] {
  const routes = new Set<string>();
  for (const s of servers.length ? servers : [{ base: '' }]) {
    if (s.origin && !unknownOrigin(target.origin) && s.origin !== target.origin) continue;
    if (s.base && target.route.startsWith(s.base + '/')) routes.add(target.route.slice(s.base.length));
    // An unknown origin (`{{baseUrl}}/items`) may already hold the base path.
    if (!s.base || unknownOrigin(target.origin) || !s.origin) routes.add(target.route);
  }
  return [...routes];
}

function serversOf(doc: Obj): Server[] {
  if (typeof doc.swagger === 'string' || typeof doc.swagger === 'number') {
    const base = typeof doc.basePath === 'string' ? routeOf(doc.basePath).replace(/^\/$/, '') : '';
    if (typeof doc.host !== 'string') return [{ base }];
    const schemes = Array.isArray(doc.schemes) && doc.schemes.length ? doc.schemes.map(String) : ['https'];
    return schemes.map((s) => ({ origin: `${s}://${(doc.host as string).toLowerCase()}`, base }));
  }
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObject) : [];
  return servers.map((s) => {
    const url = String(s.url ?? '');
    const parts = url.includes('{') && /^\{/.test(url) ? undefined : splitUrl(url);
    if (!parts) return { base: '' };
    return { origin: unknownOrigin(parts.origin) || parts.origin.includes('{') ? undefined : parts.origin, base: routeOf(parts.path).replace(/^\/$/, '') };
  });
}

function operationsOf(d: ApiDocument): Operation[] {
  const doc = d.content as Obj;
  const paths = isObject(doc.paths) ? doc.paths : {};
  const ops: Operation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve(doc, rawItem);
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = resolve(doc, item[method]);
      if (!isObject(op)) continue;
      ops.push({ document: d.path, method: method.toUpperCase(), path, route: routeOf(path), signals: signalsOf(doc, op, shared) });
    }
  }
  return ops;
}

/** The precondition signals an operation declares, as phrases: "If-Match", "412 response", "ETag response header". */
function signalsOf(doc: Obj, op: Obj, shared: unknown[]): string[] {
  const signals = new Set<string>();
  for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
    const p = resolve(doc, raw);
    if (isObject(p) && p.in === 'header' && typeof p.name === 'string' && PRECONDITION_PARAMS.test(p.name)) signals.add(p.name);
  }
  const responses = isObject(op.responses) ? op.responses : {};
  for (const [status, rawResponse] of Object.entries(responses)) {
    if (status === '412' || status === '428') signals.add(`a ${status} response`);
    const response = resolve(doc, rawResponse);
    const headers = isObject(response) && isObject(response.headers) ? response.headers : {};
    for (const name of Object.keys(headers)) if (VALIDATOR_HEADERS.test(name)) signals.add(`${name} response header`);
  }
  return [...signals];
}

type Obj = Record<string, unknown>;

function isObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Follows local `$ref`s (`#/components/parameters/IfMatch`), a few levels deep; external refs stay unresolved. */
function resolve(doc: Obj, value: unknown, depth = 0): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string' || depth > 8) return value;
  if (!value.$ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of value.$ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return resolve(doc, node, depth + 1);
}
