/**
 * What refresh-and-retry may do after a diagnosis. The precondition protects someone else's update, so only
 * causes where a fresh validator is the honest fix are retried, and only transient ones are retried blindly
 * (with bounded backoff); everything else stops and explains.
 */
import type { Cause, Diagnosis } from '../explain/diagnose';

export type RetryAction =
  /**
   * Re-read, show what changed, confirm, update the precondition in the file, resend once. `mustConfirm`: ask
   * whatever the policy says (a POST may not be idempotent).
   */
  | { kind: 'refresh'; header: 'If-Match' | 'If-Unmodified-Since'; mustConfirm?: boolean }
  /** Wait with backoff and re-read until the server serves a usable validator, then resend. */
  | { kind: 'wait-and-retry' }
  | { kind: 'stop'; reason: string };

/** Causes a fresh validator answers: the resource changed, the tag was rewritten, or none was sent (428). */
const REFRESHABLE: ReadonlySet<Cause> = new Set(['changed', 'transformed-etag', 'precondition-required', 'unexplained', 'weak-etag']);

export function planRetry(method: string, diagnosis: Diagnosis): RetryAction {
  if (diagnosis.cause === 'weak-etag' && diagnosis.transient) return { kind: 'wait-and-retry' };
  if (diagnosis.cause === 'modified-since') return { kind: 'refresh', header: 'If-Unmodified-Since' };
  if (REFRESHABLE.has(diagnosis.cause) && diagnosis.current) {
    return method === 'POST' ? { kind: 'refresh', header: 'If-Match', mustConfirm: true } : { kind: 'refresh', header: 'If-Match' };
  }
  const reasons: Partial<Record<Cause, string>> = {
    exists: 'The resource exists and the request asked to create only: retrying cannot succeed without changing its intent.',
    missing: 'The resource is gone: retrying would re-create it, which only you can decide.',
    'clock-skew': 'The clocks disagree: fix the date (use Last-Modified, not the local time) instead of retrying.',
  };
  return { kind: 'stop', reason: reasons[diagnosis.cause] ?? 'The server gave no validator to retry with.' };
}

export interface BackoffOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** A number in [0, 1); injectable so tests are deterministic. */
  random: () => number;
}

/**
 * Three waits of 300–600, 600–1200 and 1200–2400 ms: at least 2.1 s in all, which outlasts Apache's weak-ETag
 * window (its ETag stays weak while the file's mtime is within the current second, so up to 2 s after a
 * write); a shorter budget made refresh-and-retry give up against a loaded Apache.
 */
export const DEFAULT_BACKOFF: BackoffOptions = { attempts: 3, baseMs: 600, maxMs: 4000, random: Math.random };

/**
 * Delays before each retry: exponential growth with "equal jitter" (half fixed, half random), capped, so a
 * crowd of clients retrying the same resource spreads out but each still waits long enough.
 */
export function backoffDelays(options: BackoffOptions = DEFAULT_BACKOFF): number[] {
  const delays: number[] = [];
  for (let i = 0; i < options.attempts; i++) {
    const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** i);
    delays.push(Math.round(ceiling / 2 + options.random() * (ceiling / 2)));
  }
  return delays;
}
