/**
 * What a 412 or 428 response means for the request that got it, as a diagnostic message. Pure: the
 * VS Code side attaches it to the request line (code `precondition-failed`), and the 412 workflow reads it.
 */
import type { Diagnosis } from '../../engine';
import { isPreconditionStatus } from '../../engine/semantics/status';
import { whatFailed } from './explanation-text';
import type { Exchange } from '../executor';

export const PRECONDITION_FAILED_CODE = 'precondition-failed';

/** True when `exchange` got 412 Precondition Failed or 428 Precondition Required: the 412 workflow's start. */
export function isPreconditionFailure(exchange: Pick<Exchange, 'response'>): boolean {
  return exchange.response !== undefined && isPreconditionStatus(exchange.response.status);
}

/** The message for an exchange that ended in 412/428, else undefined. */
export function preconditionMessage(exchange: Exchange): string | undefined {
  const response = exchange.response;
  if (!response || !isPreconditionFailure(exchange)) return undefined;
  const sent = exchange.request.headers.filter(([n]) => /^if-/i.test(n)).map(([n, v]) => `${n}: ${v}`);
  const detail = problemDetail(response.body, response.contentType);
  if (response.status === 428) {
    return `428 Precondition Required: the server refuses unconditional ${exchange.request.method} requests. ` +
      'Read the resource first and send its ETag in If-Match (or If-None-Match: * to create).' + (detail ? ` Server: ${detail}` : '');
  }
  const what = sent.length > 0 ? `The precondition did not hold (${sent.join(', ')})` : 'A precondition did not hold';
  return `412 Precondition Failed: ${what}; the resource probably changed since it was read, or the ETag is weak or ` +
    'altered (e.g. a -gzip suffix). Re-read it and retry with the current ETag.' + (detail ? ` Server: ${detail}` : '');
}

/**
 * The message once the 412/428 has been explained (one re-read): the diagnosed cause, sent vs current and the
 * advice, instead of the list of possible causes `preconditionMessage` gives before the re-read.
 */
export function diagnosedMessage(exchange: Exchange, d: Diagnosis): string | undefined {
  const response = exchange.response;
  if (!response || !isPreconditionFailure(exchange)) return undefined;
  const what = whatFailed(response.status, d);
  const values = [d.sent !== undefined ? `sent ${d.sent}` : '', d.current !== undefined ? `current ${d.current}` : ''].filter(Boolean).join(', ');
  const detail = problemDetail(response.body, response.contentType);
  return `${response.status} ${response.statusText || 'Precondition Failed'}: ${what}; cause: ${d.cause}${d.transient ? ' (transient)' : ''}` +
    `${values ? ` (${values})` : ''}. ${d.advice}` + (detail ? ` Server: ${detail}` : '');
}

/** `detail` (or `title`) of an RFC 9457 problem body, when the server sent one. */
function problemDetail(body: Buffer, contentType: string): string | undefined {
  if (!/json/i.test(contentType) || body.length > 64 * 1024) return undefined;
  try {
    const problem = JSON.parse(body.toString('utf8')) as { detail?: unknown; title?: unknown };
    const text = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : undefined;
    return text?.slice(0, 300);
  } catch {
    return undefined;
  }
}
