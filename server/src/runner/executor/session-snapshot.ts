/**
 * What a run session has captured, as plain JSON: the latest exchange of each named request and the
 * `client.global` values. The extension sends it to the language server after each run (protocol.ts,
 * `etagGuard/runStateChanged`) so hovers on `{{name.response…}}` and captured variables show the value the
 * next send would use; the server reads references out of it with the runner's own `responseReference`.
 */
import type { ReferableExchange } from './response-refs';
import type { Session } from './session';
import type { Exchange, ResponseHeaders, SentRequest } from './types';

/** Bodies beyond this are cut in the snapshot (a hover reads a header or a JSONPath, not megabytes). */
export const SNAPSHOT_BODY_BYTES = 256 * 1024;

export interface CapturedExchange {
  /** The request's `@name`. */
  name: string;
  /** 0-based line of its request line when it ran. */
  line: number;
  /** Local clock (epoch ms) when the final response arrived (when the request started, if none did). */
  at: number;
  request: SentRequest;
  response?: { status: number; headers: ResponseHeaders; body: string; cut: boolean };
  error?: { kind: string; message: string };
}

export interface SessionSnapshot {
  responses: CapturedExchange[];
  globals: [string, string][];
  /**
   * Present in an update: every name the session holds, while `responses` carries only those that changed
   * since the last update (the others are kept, names no longer listed are dropped).
   */
  names?: string[];
}

/**
 * The session's captures, ready to send. With `sent` (the exchanges of the previous update, by name; updated
 * here), only the responses that changed since are included, so a "Send all" of many named requests sends
 * each response once rather than all of them after every request.
 */
export function snapshotOf(session: Session, sent?: Map<string, Exchange>): SessionSnapshot {
  const changed = [...session.responses].filter(([name, exchange]) => sent?.get(name) !== exchange);
  if (sent) {
    sent.clear();
    for (const [name, exchange] of session.responses) sent.set(name, exchange);
  }
  return {
    responses: changed.map(([name, exchange]) => capturedExchange(name, exchange)),
    globals: [...session.globals],
    ...(sent ? { names: [...session.responses.keys()] } : {}),
  };
}

/** The session after `update`, applied to the `previous` snapshot the server holds. */
export function applySnapshot(previous: SessionSnapshot | undefined, update: SessionSnapshot): SessionSnapshot {
  const names = update.names;
  const kept = names ? (previous?.responses ?? []).filter((r) => names.includes(r.name) && !update.responses.some((u) => u.name === r.name)) : [];
  return { responses: [...kept, ...update.responses], globals: update.globals };
}

function capturedExchange(name: string, e: Exchange): CapturedExchange {
  const r = e.response;
  return {
    name, line: e.line, at: e.attempts[e.attempts.length - 1]?.receivedAt ?? e.startedAt, request: e.request,
    ...(r ? { response: { status: r.status, headers: r.headers, body: r.body.subarray(0, SNAPSHOT_BODY_BYTES).toString('utf8'), cut: r.body.length > SNAPSHOT_BODY_BYTES } } : {}),
    ...(e.error ? { error: e.error } : {}),
  };
}

/** A captured exchange in the shape `responseReference` reads. */
export function referableExchange(c: CapturedExchange): ReferableExchange {
  return { request: c.request, error: c.error, ...(c.response ? { response: { headers: c.response.headers, body: Buffer.from(c.response.body, 'utf8') } } : {}) };
}
