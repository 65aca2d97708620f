/**
 * The refresh read of the 412 workflow: the same URL with the request's own credentials, no preconditions,
 * and `Cache-Control: no-cache` so a cache in the path cannot answer with the validator the write already
 * failed with. HEAD first (cheap); GET when HEAD is not allowed, gives no validator, or the body is wanted.
 */
import type { Session } from '../executor/session';
import { sendOnce, type HopResult, type SendLimits } from '../executor/send';
import type { SentRequest } from '../executor/types';

/** Headers the re-read keeps: who is asking and which representation (not what to change). */
const KEPT = /^(authorization|cookie|accept|accept-language|x-api-key|api-key|ocp-apim-subscription-key|x-ms-version|x-goog-user-project)$/i;
/** Deliberately not sent: the re-read must see the identity representation's validator. */
const DROPPED = /^(accept-encoding)$/i;

export function rereadHeaders(sent: SentRequest): [string, string][] {
  const headers = sent.headers.filter(([n]) => KEPT.test(n) && !DROPPED.test(n));
  headers.push(['Cache-Control', 'no-cache']);
  return headers;
}

/** Re-reads the resource `sent` wrote to. With `needBody`, always GETs. */
export async function reread(session: Session, sent: SentRequest, limits: SendLimits, needBody: boolean): Promise<HopResult> {
  const url = new URL(sent.url);
  const headers = rereadHeaders(sent);
  if (!needBody) {
    const head = await sendOnce(session, { method: 'HEAD', url, headers }, limits);
    const usable = head.status !== 405 && head.status !== 501 && (head.status >= 400 || head.headers.etag !== undefined || head.headers['last-modified'] !== undefined);
    if (usable) return head;
  }
  return sendOnce(session, { method: 'GET', url, headers }, limits);
}
