/**
 * "Resend without preconditions" (test systems only): the failing request once more with If-Match,
 * If-None-Match, If-Unmodified-Since, If-Modified-Since and If-Range removed. A success proves the 412 was
 * about the precondition — and has overwritten whatever the precondition protected, which is why the host
 * must opt in (`etagGuard.allowUnconditionalResend`) and must not be protected (`etagGuard.protectedHosts`).
 */
import type { Diagnosis } from '../../engine';
import { sendOnce, type SendLimits } from '../executor/send';
import type { Session } from '../executor/session';
import type { SentRequest } from '../executor/types';
import { binaryBodySize } from '../trace/body-preview';
import { DEFAULT_PROTECTED_HOSTS, isProtectedHost } from './host-policy';

export interface ResendPolicy {
  allowUnconditionalResend: boolean;
  protectedHosts?: readonly string[];
}

export interface ResendResult {
  status: number;
  serverDate?: string;
  /** The precondition headers that were removed, as `Name: value`. */
  removed: string[];
  /** One sentence for the diagnosis. */
  verdict: string;
}

/** Why the resend is not allowed for `url`, or undefined when it is. */
export function resendRefusal(url: string, policy: ResendPolicy): string | undefined {
  if (!policy.allowUnconditionalResend) {
    return 'Resending without preconditions is off: turn on etagGuard.allowUnconditionalResend (test systems only).';
  }
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return `${url} is not a URL.`;
  }
  if (isProtectedHost(host, policy.protectedHosts ?? DEFAULT_PROTECTED_HOSTS)) {
    return `${host} is protected by etagGuard.protectedHosts: a resend without preconditions could overwrite someone's update there. ` +
      `Add "!${host}" to the list only if it is a test system.`;
  }
  return undefined;
}

const PRECONDITIONS = new Set(['if-match', 'if-none-match', 'if-unmodified-since', 'if-modified-since', 'if-range']);

/** `headers` without preconditions, and what was removed. */
export function withoutPreconditions(headers: readonly [string, string][]): { headers: [string, string][]; removed: string[] } {
  const removed = headers.filter(([n]) => PRECONDITIONS.has(n.toLowerCase())).map(([n, v]) => `${n}: ${v}`);
  return { headers: headers.filter(([n]) => !PRECONDITIONS.has(n.toLowerCase())), removed };
}

/** The sentence for the diagnosis, e.g. "without preconditions the server answers 204: the failure was the precondition". */
export function resendVerdict(status: number): string {
  if (status >= 200 && status < 300) return `without preconditions the server answers ${status}: the failure was the precondition`;
  if (status === 412) return 'without preconditions the server still answers 412: the failure is not (only) the request\'s preconditions — a proxy or the server adds its own; escalate to the API provider';
  if (status === 428) return 'without preconditions the server answers 428: it requires a precondition, so send If-Match with the current ETag';
  return `without preconditions the server answers ${status}: the request fails for another reason as well, fix that first`;
}

/** Sends `sent` once without preconditions. Throws an Error with the refusal when the policy forbids it. */
export async function resendWithoutPreconditions(session: Session, sent: SentRequest, policy: ResendPolicy, limits: SendLimits): Promise<ResendResult> {
  const refusal = resendRefusal(sent.url, policy);
  if (refusal) throw new Error(refusal);
  if (binaryBodySize(sent.body) !== undefined) throw new Error('The binary body of this request was not kept: send it from the file instead.');
  const { headers, removed } = withoutPreconditions(sent.headers);
  const hop = await sendOnce(session, { method: sent.method, url: new URL(sent.url), headers, body: sent.body }, limits);
  const date = hop.headers.date;
  return { status: hop.status, serverDate: Array.isArray(date) ? date[0] : date, removed, verdict: resendVerdict(hop.status) };
}

/** The diagnosis with the resend's verdict added to its steps and advice. */
export function withResendResult(diagnosis: Diagnosis, result: ResendResult): Diagnosis {
  const verdict = result.verdict.charAt(0).toUpperCase() + result.verdict.slice(1);
  return { ...diagnosis, steps: [...diagnosis.steps, `Resent once without ${result.removed.join(', ') || 'preconditions'}: ${result.verdict}.`], advice: `${diagnosis.advice} ${verdict}.` };
}
