// Routing and the item handlers. Precondition logic lives in preconditions.ts and the
// per-route quirks in variants.ts; this file only wires them to HTTP methods.
import type { IncomingMessage } from 'node:http';
import { formatEtag } from './etag';
import { formatHttpDate } from './http-date';
import { HttpError, json, readBody, Reply } from './http-io';
import { isJsonObject, mergePatch, shallowMerge } from '../../server/src/engine/semantics/merge-patch';
import { evaluatePreconditions, Validators } from './preconditions';
import { ItemStore, JsonObject, StoredItem } from './store';
import { presentedEtag, Variant, VARIANTS } from './variants';

export interface AppContext {
  store: ItemStore;
  clock: () => number;
  weakWindowMs: number;
  /** Like nginx's DAV module: evaluate no precondition on PUT/PATCH/DELETE (GET still gets 304/412). */
  ignorePreconditions?: boolean;
}

export interface Routed {
  reply: Reply;
  /** The variant that served the request, if any (the writer needs its gzip flag). */
  variant?: Variant;
}

const ITEM_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'];
const COLLECTION_METHODS = ['GET', 'HEAD', 'POST'];
const WRITE_METHODS = new Set(['PUT', 'PATCH', 'DELETE']);
const ACCEPT_PATCH = 'application/merge-patch+json, application/json';

export async function route(req: IncomingMessage, ctx: AppContext): Promise<Routed> {
  const segments = parsePath(req.url ?? '/');
  const method = req.method ?? 'GET';

  if (segments.length === 1 && segments[0] === '') {
    if (method !== 'GET' && method !== 'HEAD') throw notAllowed(['GET', 'HEAD']);
    return { reply: json(200, index()) };
  }
  if (segments.join('/') === 'admin/reset') {
    if (method !== 'POST') throw notAllowed(['POST']);
    ctx.store.reset();
    return { reply: { status: 204 } };
  }

  const variant = VARIANTS.find((v) => v.prefix !== '' && v.prefix.slice(1) === segments[0]) ?? VARIANTS[0];
  const rest = variant.prefix === '' ? segments : segments.slice(1);
  if (rest[0] === 'items' && rest.length === 1) {
    return { reply: await handleCollection(req, ctx, variant), variant };
  }
  if (rest[0] === 'items' && rest.length === 2 && rest[1] !== '') {
    return { reply: await handleItem(req, ctx, variant, rest[1]), variant };
  }
  throw new HttpError(404, 'Not Found', `No route for ${req.url}. GET / lists the available routes.`);
}

function parsePath(url: string): string[] {
  try {
    // The base only matters for origin-form targets; absolute-form ones carry their own.
    const { pathname } = new URL(url, 'http://localhost');
    return pathname.split('/').slice(1).map((s) => decodeURIComponent(s));
  } catch {
    throw new HttpError(400, 'Bad Request', 'The request target is not a valid URL path.');
  }
}

function notAllowed(allow: string[]): HttpError {
  return new HttpError(405, 'Method Not Allowed', `Allowed methods: ${allow.join(', ')}.`, {
    Allow: allow.join(', '),
  });
}

function index(): unknown {
  return {
    name: 'etag-guard demo API',
    routes: VARIANTS.map((v) => ({ path: `${v.prefix}/items/{id}`, description: v.description })),
    reset: 'POST /admin/reset restores the seed data.',
  };
}

async function handleCollection(req: IncomingMessage, ctx: AppContext, variant: Variant): Promise<Reply> {
  const method = req.method ?? 'GET';
  if (!COLLECTION_METHODS.includes(method)) throw notAllowed(COLLECTION_METHODS);
  if (method !== 'POST') return json(200, ctx.store.list().map((i) => i.value), { 'Cache-Control': 'no-cache' });

  // POST creates a new resource, so there is no prior state to protect: never 428 here.
  requireMediaType(req, ['', 'application/json']);
  const value = parseJsonObject(await readBody(req));
  const item = ctx.store.create(value);
  return {
    status: 201,
    headers: {
      Location: `${variant.prefix}/items/${encodeURIComponent(item.id)}`,
      ...writeValidators(ctx, variant, item),
    },
    body: item.body,
    representation: true,
  };
}

async function handleItem(req: IncomingMessage, ctx: AppContext, variant: Variant, id: string): Promise<Reply> {
  const method = req.method ?? 'GET';
  if (!ITEM_METHODS.includes(method)) throw notAllowed(ITEM_METHODS);
  // Read the body up front so an oversized one is always a 413, whatever else is wrong.
  const raw = method === 'PUT' || method === 'PATCH' ? await readBody(req) : undefined;
  const now = ctx.clock();
  const item = ctx.store.get(id);

  // RFC 9110 §13.2.1: preconditions are ignored when the unconditional response would not be
  // 2xx/412 — so a missing item is a plain 404 for everything except PUT (which creates).
  if (!item && method !== 'PUT') {
    throw new HttpError(404, 'Not Found', `Item ${id} does not exist.`);
  }
  if (variant.requirePrecondition && WRITE_METHODS.has(method) && !hasPrecondition(req)) {
    throw new HttpError(
      428,
      'Precondition Required',
      `This endpoint refuses unconditional ${method} requests to prevent lost updates. ` +
        'GET the item first and send its ETag back in If-Match (or If-None-Match: * to create a new item).',
      {},
      { requiredHeader: 'If-Match' },
    );
  }

  const current = item && validators(ctx, variant, item, now);
  const ignored = ctx.ignorePreconditions === true && WRITE_METHODS.has(method);
  const outcome = ignored ? { result: 'proceed' as const } : evaluatePreconditions({ method, headers: req.headers, current, now });
  if (outcome.result === 'not-modified') {
    return { status: 304, headers: representationHeaders(current!), representation: true };
  }
  if (outcome.result === 'failed') {
    throw new HttpError(412, 'Precondition Failed', outcome.reason, {}, { failedPrecondition: outcome.header });
  }

  switch (method) {
    case 'GET':
    case 'HEAD':
      return { status: 200, headers: representationHeaders(current!), body: item!.body, representation: true };
    case 'DELETE':
      ctx.store.delete(id);
      return { status: 204 };
    case 'PUT': {
      requireMediaType(req, ['', 'application/json']);
      const { item: saved, created } = ctx.store.put(id, parseJsonObject(raw!));
      const headers = writeValidators(ctx, variant, saved);
      if (created) headers['Location'] = `${variant.prefix}/items/${encodeURIComponent(id)}`;
      return afterWrite(req, variant, created ? 201 : 200, headers, saved);
    }
    default: {
      // PATCH
      const type = requireMediaType(req, ['application/merge-patch+json', 'application/json', '']);
      const patch = parseJsonObject(raw!);
      const merged =
        type === 'application/merge-patch+json' ? mergePatch(item!.value, patch) : shallowMerge(item!.value, patch);
      const saved = ctx.store.put(id, merged as JsonObject).item;
      return afterWrite(req, variant, 200, writeValidators(ctx, variant, saved), saved);
    }
  }
}

/** Body of a successful PUT/PATCH: the new representation, unless the client or variant says otherwise. */
function afterWrite(
  req: IncomingMessage,
  variant: Variant,
  status: number,
  headers: Record<string, string>,
  saved: StoredItem,
): Reply {
  // mod_dav answers writes with an empty 201/204 — the client must re-read to learn the tag.
  const minimal = variant.weakWindow || /\breturn=minimal\b/.test(String(req.headers['prefer'] ?? ''));
  if (minimal) return { status: status === 201 ? 201 : 204, headers };
  return { status, headers, body: saved.body, representation: true };
}

function validators(ctx: AppContext, variant: Variant, item: StoredItem, now: number): Validators {
  return { etag: presentedEtag(variant, item, now, ctx.weakWindowMs), lastModified: item.modifiedAt };
}

function representationHeaders(v: Validators): Record<string, string> {
  // no-cache: caches may store but must revalidate — exactly the conditional-GET path we demo.
  return { ETag: formatEtag(v.etag), 'Last-Modified': formatHttpDate(v.lastModified), 'Cache-Control': 'no-cache' };
}

/** Validators sent after a write. The weak-window variant omits the ETag, like Apache. */
function writeValidators(ctx: AppContext, variant: Variant, item: StoredItem): Record<string, string> {
  const headers = representationHeaders(validators(ctx, variant, item, item.modifiedAt));
  if (variant.weakWindow) delete headers['ETag'];
  return headers;
}

function hasPrecondition(req: IncomingMessage): boolean {
  return ['if-match', 'if-none-match', 'if-unmodified-since'].some((h) => req.headers[h] !== undefined);
}

/**
 * Returns the request's media type (lower-case, no parameters) if allowed, else 415.
 * A missing Content-Type is tolerated (treated as JSON) so quick curl/fetch experiments work.
 */
function requireMediaType(req: IncomingMessage, allowed: string[]): string {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (allowed.includes(type)) return type;
  // Vendor types such as application/vnd.demo+json are still JSON (but merge-patch is not a document).
  if (allowed.includes('application/json') && type.endsWith('+json') && type !== 'application/merge-patch+json') {
    return 'application/json';
  }
  const accepted = allowed.filter((t) => t !== '').join(', ');
  // Accept-Patch (RFC 5789 §3.1) tells a PATCH client which patch formats would work.
  const headers: Record<string, string> = req.method === 'PATCH' ? { 'Accept-Patch': ACCEPT_PATCH } : {};
  const detail = `Content-Type ${type || '(none)'} is not supported here; use ${accepted}.`;
  throw new HttpError(415, 'Unsupported Media Type', detail, headers);
}

function parseJsonObject(raw: Buffer): JsonObject {
  const text = raw.toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'Bad Request', 'The request body is empty; send a JSON object.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, 'Bad Request', `The request body is not valid JSON: ${(err as Error).message}`);
  }
  if (!isJsonObject(value)) throw new HttpError(400, 'Bad Request', 'The request body must be a JSON object.');
  return value;
}
