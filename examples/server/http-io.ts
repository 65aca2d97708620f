// Request-body reading and response writing. Handlers return plain `Reply` values so every
// response goes through one writer, which is where Date, HEAD and the gzip filter live.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { formatHttpDate } from './http-date';
import { gzipSuffixed } from './variants';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Already-serialised body; omitted for 204/304. */
  body?: string;
  contentType?: string;
  /**
   * True when the body is (or, for 304/HEAD, would be) the item representation — the
   * responses an output filter like mod_deflate rewrites.
   */
  representation?: boolean;
}

/** Thrown anywhere in a handler to produce an RFC 9457 problem response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export function problem(err: HttpError): Reply {
  const body = { type: 'about:blank', title: err.title, status: err.status, detail: err.detail, ...err.extra };
  return {
    status: err.status,
    headers: err.headers,
    body: JSON.stringify(body),
    contentType: 'application/problem+json',
  };
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: JSON.stringify(value), contentType: 'application/json' };
}

/** Reads the whole body, refusing more than MAX_BODY_BYTES (413) without buffering it. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering but keep draining, so the client can still read our 413.
        req.off('data', onData);
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(): HttpError {
  return new HttpError(413, 'Content Too Large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`, {
    Connection: 'close',
  });
}

/** Does the request accept gzip? Honours q=0 ("not acceptable") and the `*` wildcard. */
export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

export interface WriteOptions {
  now: number;
  /** Apply the mod_deflate-style filter (only on /gzip routes). */
  gzipFilter: boolean;
}

export function writeReply(req: IncomingMessage, res: ServerResponse, reply: Reply, opts: WriteOptions): void {
  const headers: Record<string, string> = { ...reply.headers };
  // Date comes from the injectable clock so Last-Modified and Date never disagree in tests.
  headers['Date'] = formatHttpDate(opts.now);
  let body: Buffer | undefined = reply.body === undefined ? undefined : Buffer.from(reply.body);

  if (opts.gzipFilter && reply.representation) {
    headers['Vary'] = 'Accept-Encoding';
    if (acceptsGzip(req)) {
      // The bug being reproduced: the encoding changes the bytes, so the filter "fixes" the
      // strong ETag by suffixing it — but precondition evaluation still compares against
      // the identity tag, so the suffixed tag never matches anything the server checks.
      if (headers['ETag']) headers['ETag'] = gzipSuffixed(headers['ETag']);
      if (body) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      }
    }
  }

  if (body) {
    headers['Content-Type'] = reply.contentType ?? 'application/json';
    headers['Content-Length'] = String(body.length);
  }
  res.writeHead(reply.status, headers);
  // HEAD carries the same headers (including Content-Length) as GET, just no content.
  res.end(req.method === 'HEAD' ? undefined : body);
}
