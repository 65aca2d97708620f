/**
 * One HTTP round trip over the session's dispatcher: headers in file order plus the jar's cookies, a deadline
 * for the whole exchange (headers and body), cancellation, and a streamed body read that stops at the size cap.
 */
import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import { describeFailure, RunnerError } from './errors';
import type { PreparedRequest } from './request-builder';
import type { Session } from './session';
import type { ResponseHeaders } from './types';

export interface SendLimits {
  /** 0 disables the deadline. */
  timeoutMs: number;
  /** An absolute deadline (`Date.now()` time) for the whole request, redirects included; the hop ends by then. */
  deadlineAt?: number;
  maxResponseBytes: number;
  signal?: AbortSignal;
}

/** What one hop returned. */
export interface HopResult {
  status: number;
  statusText: string;
  headers: ResponseHeaders;
  sentHeaders: [string, string][];
  body: Buffer;
  size: number;
  truncated: boolean;
  connectMs?: number;
  waitMs: number;
  downloadMs: number;
  /** Local clock (epoch ms) when the request went out, and when the response headers arrived: the moment a
   * response's `Date` is compared with (a later comparison would read as clock skew). */
  sentAt?: number;
  receivedAt?: number;
}

const USER_AGENT = 'etag-guard';

/**
 * Sends `request` and reads its response. Throws `RunnerError`. One deadline covers the whole hop: undici's
 * header and body timers restart on every `1xx` response and on every proxy reconnection, so a server sending
 * `102 Processing` every 10 ms, or a proxy closing each CONNECT, would hold the request for ever. The deadline
 * aborts the request through its own signal, which also carries the caller's cancel.
 */
export async function sendOnce(session: Session, request: PreparedRequest, limits: SendLimits): Promise<HopResult> {
  const sentHeaders = withSessionHeaders(session, request);
  const mark = session.connectMark();
  const sentAt = Date.now();
  const started = performance.now();
  let bodyTimer: NodeJS.Timeout | undefined;
  const deadline = hopDeadline(request, limits);
  let headersArrived = false;
  try {
    const response = await session.dispatcher.request({
      origin: request.url.origin,
      path: request.url.pathname + request.url.search,
      method: request.method as Dispatcher.HttpMethod,
      headers: sentHeaders.flat(),
      body: request.body,
      signal: deadline.signal,
      headersTimeout: limits.timeoutMs,
      bodyTimeout: limits.timeoutMs,
    });
    const headersAt = performance.now();
    const receivedAt = Date.now();
    headersArrived = true;
    const headers = response.headers as ResponseHeaders;
    storeCookies(session, request.url, headers['set-cookie']);
    if (limits.timeoutMs > 0) {
      const left = Math.max(1, limits.timeoutMs - (headersAt - started));
      bodyTimer = setTimeout(() => response.body.destroy(timeoutError(request, limits, 'reading the body')), left);
    }
    const read = await readCapped(response.body, limits.maxResponseBytes, contentLength(headers));
    const downloadMs = performance.now() - headersAt;
    const connectMs = session.connectSince(mark);
    return {
      status: response.statusCode, statusText: STATUS_CODES[response.statusCode] ?? '', headers, sentHeaders, ...read,
      connectMs, waitMs: headersAt - started - (connectMs ?? 0), downloadMs, sentAt, receivedAt,
    };
  } catch (err) {
    const code = (err as { code?: string }).code;
    // Before the headers (a 1xx flood, a proxy that never tunnels): the deadline ended the wait for them.
    if (deadline.expired()) throw timeoutError(request, limits, headersArrived ? 'reading the body' : 'waiting for the response headers');
    throw code === 'UND_ERR_HEADERS_TIMEOUT' ? timeoutError(request, limits, 'waiting for the response headers') : describeFailure(err, request.url.href);
  } finally {
    clearTimeout(bodyTimer);
    deadline.dispose();
  }
}

/** The signal for one hop: aborted by the caller's signal or when the deadline passes, whichever comes first. */
function hopDeadline(request: PreparedRequest, limits: SendLimits) {
  const left = Math.min(limits.timeoutMs > 0 ? limits.timeoutMs : Infinity, limits.deadlineAt !== undefined ? limits.deadlineAt - Date.now() : Infinity);
  if (left === Infinity) return { signal: limits.signal, expired: () => false, dispose: () => undefined };
  const controller = new AbortController();
  let expired = false;
  const onCancel = () => controller.abort(limits.signal!.reason);
  if (limits.signal?.aborted) controller.abort(limits.signal.reason);
  limits.signal?.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(timeoutError(request, limits, 'waiting for the response headers'));
  }, Math.max(1, left));
  return {
    signal: controller.signal,
    expired: () => expired,
    dispose: () => {
      clearTimeout(timer);
      limits.signal?.removeEventListener('abort', onCancel);
    },
  };
}

function timeoutError(request: PreparedRequest, limits: SendLimits, phase: string): RunnerError {
  return new RunnerError('timeout',
    `No response from ${request.url.host} within ${limits.timeoutMs} ms (${phase}); raise @timeout or etagGuard.runner.timeoutMs.`);
}

function withSessionHeaders(session: Session, request: PreparedRequest): [string, string][] {
  const headers = request.headers.filter(([n]) => n.toLowerCase() !== 'cookie');
  const own = request.headers.filter(([n]) => n.toLowerCase() === 'cookie').map(([, v]) => v);
  // A resend (refresh-and-retry) carries the cookies it went out with: add only the jar's cookies it lacks.
  const ownNames = new Set(own.flatMap((v) => v.split(';').map((pair) => pair.split('=')[0].trim())));
  const jar = (session.cookies.headerFor(request.url) ?? '').split('; ').filter((pair) => pair && !ownNames.has(pair.split('=')[0].trim()));
  const cookie = [...own, ...jar].join('; ');
  if (cookie) headers.push(['Cookie', cookie]);
  if (!headers.some(([n]) => n.toLowerCase() === 'user-agent')) headers.push(['User-Agent', USER_AGENT]);
  return headers;
}

function storeCookies(session: Session, url: URL, setCookie: string | string[] | undefined): void {
  if (setCookie) session.cookies.store(url, Array.isArray(setCookie) ? setCookie : [setCookie]);
}

function contentLength(headers: ResponseHeaders): number | undefined {
  const v = headers['content-length'];
  const n = typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Reads at most `cap` bytes; past it, stops reading (the connection is dropped) and reports the size seen. */
async function readCapped(body: Dispatcher.ResponseData['body'], cap: number, declared: number | undefined) {
  if (declared !== undefined && declared <= cap) {
    // The common case, and undici's fastest path: one buffer, no async iteration per chunk.
    const bytes = await body.bytes();
    return { body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), size: bytes.byteLength, truncated: false };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let kept = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (kept < cap) {
      const part = kept + chunk.length > cap ? chunk.subarray(0, cap - kept) : chunk;
      chunks.push(part);
      kept += part.length;
    }
    if (size > cap) {
      body.destroy();
      return { body: Buffer.concat(chunks, kept), size: Math.max(size, declared ?? 0), truncated: true };
    }
  }
  return { body: Buffer.concat(chunks, kept), size, truncated: false };
}
