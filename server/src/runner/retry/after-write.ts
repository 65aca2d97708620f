/**
 * What the file and the session should hold after a resend succeeded: the validator the resource has *now*,
 * not the one the retry sent (that one is stale the moment the write lands). The write's own ETag (or
 * Last-Modified) when the server returned one; otherwise a read right after the write (Apache's mod_dav
 * returns none), waiting out a weak-only window the same bounded way the retry does. VS Code-free.
 */
import { backoffDelays, DEFAULT_BACKOFF, type BackoffOptions } from '../../engine';
import type { HopResult, SendLimits } from '../executor/send';
import type { Session } from '../executor/session';
import type { Exchange, ResponseHeaders, SentRequest } from '../executor/types';
import { reread } from './reread';

export interface FreshValidator {
  value: string;
  /** `write`: the write's response carried it; `read`: read after the write (said so in the file edit's description). */
  from: 'write' | 'read';
  /** The read after the write, when one was made. */
  read?: HopResult;
}

/** The header a precondition's fresh value is read from. */
export function sourceHeader(precondition: 'If-Match' | 'If-Unmodified-Since'): string {
  return precondition === 'If-Match' ? 'etag' : 'last-modified';
}

/** The first value of a response header (undici gives the names in lower case; repeated headers as a list). */
export function firstHeader(headers: ResponseHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const isWeak = (value: string | undefined): boolean => value?.startsWith('W/') ?? false;

/** True when `read` carries only a weak ETag, which no If-Match can ever match. */
export function servesWeakEtag(read: HopResult): boolean {
  return isWeak(firstHeader(read.headers, 'etag'));
}

/**
 * Re-reads with bounded backoff while the server serves only a weak ETag (Apache, about a second after a
 * write); resolves to the last read, weak or not.
 */
export async function untilStrong(read: HopResult, again: () => Promise<HopResult>, wait: { sleep(ms: number): Promise<void>; backoff?: BackoffOptions }): Promise<HopResult> {
  let current = read;
  for (const delay of servesWeakEtag(current) ? backoffDelays(wait.backoff ?? DEFAULT_BACKOFF) : []) {
    await wait.sleep(delay);
    current = await again();
    if (!servesWeakEtag(current)) break;
  }
  return current;
}

/**
 * The validator for `precondition` after the successful write `final` of `sent`; undefined when there is none
 * to learn (a DELETE, or a server that answers the read without one).
 */
export async function validatorAfterWrite(
  session: Session, sent: SentRequest, final: HopResult, precondition: 'If-Match' | 'If-Unmodified-Since',
  wait: { limits: SendLimits; sleep(ms: number): Promise<void>; backoff?: BackoffOptions },
): Promise<FreshValidator | undefined> {
  if (sent.method === 'DELETE' || final.status >= 300) return undefined;
  const header = sourceHeader(precondition);
  const returned = firstHeader(final.headers, header);
  if (returned && !(precondition === 'If-Match' && isWeak(returned))) return { value: returned, from: 'write' };
  const again = () => reread(session, sent, wait.limits, false);
  const first = await again();
  const read = precondition === 'If-Match' ? await untilStrong(first, again, wait) : first;
  const value = read.status < 300 ? firstHeader(read.headers, header) : undefined;
  return value && !(precondition === 'If-Match' && isWeak(value)) ? { value, from: 'read', read } : undefined;
}

/**
 * The captured response of the request a `{{name.response.headers.ETag}}` reference reads, brought up to date
 * after the write: the validator replaced by the fresh one, so the next send of the write does not reuse the
 * stale capture. Undefined when the session holds no response for it.
 */
export function refreshedCapture(captured: Exchange | undefined, precondition: 'If-Match' | 'If-Unmodified-Since', fresh: FreshValidator): Exchange | undefined {
  if (!captured?.response) return undefined;
  const header = sourceHeader(precondition);
  const headers: ResponseHeaders = { ...captured.response.headers, [header]: fresh.value };
  const at = fresh.read?.receivedAt ?? Date.now();
  return { ...captured, startedAt: at, response: { ...captured.response, headers }, attempts: [...captured.attempts.slice(0, -1), { ...captured.attempts.at(-1)!, headers, receivedAt: at }] };
}
