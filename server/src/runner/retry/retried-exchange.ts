/**
 * The resend of a refresh-and-retry as an ordinary `Exchange`, so the response view, the history, the log and
 * the 412/428 diagnostics treat it like any other run of the request. Pure.
 */
import type { Exchange } from '../executor';
import { toResponse } from '../executor/run';
import type { RetryOutcome } from './refresh-and-retry';

/**
 * The exchange of the final resend in `outcome` (undefined when nothing was resent). `line` is where the
 * request is now (the edit may have inserted a read above it); `startedAt` is when the retry began, used only
 * when the resend's own send time is unknown: the view and the history show when the resend went out.
 */
export function retriedExchange(original: Exchange, outcome: RetryOutcome, line: number, startedAt: number): Exchange | undefined {
  const final = outcome.final;
  if (!final) return undefined;
  const timings = { connectMs: final.connectMs, waitMs: final.waitMs, downloadMs: final.downloadMs, totalMs: (final.connectMs ?? 0) + final.waitMs + final.downloadMs };
  return {
    name: original.name, line, startedAt: final.sentAt ?? startedAt, warnings: [], timings,
    request: { ...original.request, headers: final.sentHeaders },
    // Only the resend: the view lists earlier attempts as redirects, and the 412 is told in the explanation.
    attempts: outcome.attempts.slice(-1),
    response: toResponse(final),
  };
}
