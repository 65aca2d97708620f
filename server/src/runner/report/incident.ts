/**
 * Collects a 412 incident from a run: which earlier response gave the validator that was sent (the capture),
 * the writes to the same resource since, the failing request, the re-read and the retry or resend, each with
 * the local clock and the server's `Date`. VS Code-free; the CLI and the extension feed it what they ran.
 */
import type { Diagnosis, Snapshot } from '../../engine';
import { maskUrl } from '../executor/mask';
import type { HopResult } from '../executor/send';
import type { Exchange, ResponseHeaders } from '../executor/types';
import type { ResendResult } from '../resend/resend';
import type { Trace } from '../trace/trace';

export type EventKind = 'capture' | 'write' | 'failure' | 'reread' | 'retry' | 'resend';

/** A response without a full exchange (the re-read, the resend): status, headers, what was sent. */
export interface HopEvent {
  status: number;
  headers: ResponseHeaders;
  /** Masked before rendering. */
  sentHeaders: [string, string][];
}

export interface TimelineEvent {
  kind: EventKind;
  /** Local clock, epoch ms; undefined when not measured. */
  at?: number;
  title: string;
  status?: number;
  /** The ETag the response carried. */
  etag?: string;
  /** The server's `Date` header. */
  serverDate?: string;
  /** A run of the file (capture, writes, failure). */
  trace?: Trace;
  /** A response sent outside the file's requests (re-read, retry, resend). */
  hop?: HopEvent;
}

export interface Incident {
  failing: Exchange;
  timeline: TimelineEvent[];
  diagnosis?: Diagnosis;
  /** Why the retry stopped, or undefined when it succeeded or was not tried. */
  stopped?: string;
  resend?: ResendResult;
}

export interface IncidentInput {
  /** Every exchange of the run, in order, the failing one included. */
  exchanges: readonly Exchange[];
  failing: Exchange;
  /** The trace of an exchange, recorded when it finished. */
  traceOf: (exchange: Exchange) => Trace;
  diagnosis?: Diagnosis;
  /** The refresh read and when it was made. */
  reread?: HopResult & { at?: number };
  retry?: HopResult & { at?: number };
  stopped?: string;
  resend?: ResendResult & { at?: number };
}

const WRITES = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);
const VALIDATOR_HEADERS = ['if-match', 'if-none-match', 'if-unmodified-since'];

/** Builds the incident's timeline. */
export function collectIncident(input: IncidentInput): Incident {
  const { failing, exchanges } = input;
  const index = exchanges.indexOf(failing);
  const before = index < 0 ? [...exchanges] : exchanges.slice(0, index);
  const capture = findCapture(before, failing);
  const event = (kind: EventKind, e: Exchange, title: string): TimelineEvent => ({
    // When the response arrived: the moment its Date is compared with, as the diagnosis does.
    kind, at: e.attempts.at(-1)?.receivedAt ?? e.startedAt, title, status: e.response?.status, etag: first(e.response?.headers.etag),
    serverDate: first(e.response?.headers.date), trace: input.traceOf(e),
  });
  const timeline: TimelineEvent[] = [];
  if (capture) timeline.push(event('capture', capture, `Validator captured: ${label(capture)}`));
  const since = capture ? before.slice(before.indexOf(capture) + 1) : before;
  for (const w of since.filter((e) => WRITES.has(e.request.method) && sameResource(e.request.url, failing.request.url))) {
    timeline.push(event('write', w, `Write since: ${label(w)}`));
  }
  timeline.push(event('failure', failing, `Failing request: ${label(failing)}${sentValidators(failing)}`));
  if (input.reread) timeline.push(hopEvent('reread', 'Re-read without preconditions (Cache-Control: no-cache)', input.reread));
  if (input.retry) timeline.push(hopEvent('retry', 'Retry with the refreshed precondition', input.retry));
  if (input.resend) {
    timeline.push({ kind: 'resend', at: input.resend.at, title: 'Resend without preconditions (test system)', status: input.resend.status, serverDate: input.resend.serverDate });
  }
  return { failing, timeline, diagnosis: input.diagnosis, stopped: input.stopped, resend: input.resend };
}

/**
 * The latest earlier response whose ETag (or Last-Modified) is the validator the failing request sent: where
 * the value came from, whatever way it was carried (reference, capture, copy).
 */
export function findCapture(earlier: readonly Exchange[], failing: Exchange): Exchange | undefined {
  const sent = failing.request.headers.filter(([n]) => VALIDATOR_HEADERS.includes(n.toLowerCase())).map(([, v]) => v.trim());
  if (sent.length === 0) return undefined;
  return [...earlier].reverse().find((e) => {
    const etag = first(e.response?.headers.etag);
    const modified = first(e.response?.headers['last-modified']);
    return sent.some((v) => (etag !== undefined && v.includes(etag)) || v === modified);
  });
}

/** A response as the explainer takes it (repeated headers joined). */
export function snapshotOf(exchange: Exchange): Snapshot | undefined {
  const r = exchange.response;
  return r && { status: r.status, headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])) };
}

/** `read: GET http://… (line 2)`, secret query parameters masked (the title goes into the report). */
export function label(e: Exchange): string {
  return `${e.name ? `${e.name}: ` : ''}${e.request.method} ${maskUrl(e.request.url)} (line ${e.line + 1})`;
}

function hopEvent(kind: EventKind, title: string, hop: HopResult & { at?: number }): TimelineEvent {
  return {
    kind, at: hop.at ?? hop.receivedAt, title, status: hop.status, etag: first(hop.headers.etag), serverDate: first(hop.headers.date),
    hop: { status: hop.status, headers: hop.headers, sentHeaders: hop.sentHeaders },
  };
}

function sentValidators(e: Exchange): string {
  const v = e.request.headers.filter(([n]) => VALIDATOR_HEADERS.includes(n.toLowerCase()));
  return v.length === 0 ? '' : ` with ${v.map(([n, x]) => `${n}: ${x}`).join(', ')}`;
}

function sameResource(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return a === b;
  }
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
