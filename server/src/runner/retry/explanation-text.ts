/**
 * The 412/428 explanation as lines of text: which precondition failed, the cause, sent vs current, the
 * RFC 9110 §13.2.2 replay, advice, intermediaries and clock skew; after a refresh-and-retry, the attempts and
 * the file edit. Pure, so the response view, the run log and the tests share one wording.
 */
import { planRetry, type Diagnosis } from '../../engine';
import type { RetryOutcome } from './refresh-and-retry';

/** Clock differences below this many seconds are normal and not worth a line. */
const SKEW_WORTH_MENTIONING_S = 2;

/** Which precondition failed, in words (the explanation's first line and the 412 diagnostic say the same). */
export function whatFailed(status: number, d: Diagnosis): string {
  return d.failed ? `${d.failed} failed` : status === 428 ? 'no precondition was sent' : 'no precondition fails on replay';
}

/** The explanation of a `status` (412 or 428) response, one fact per line. */
export function explanationLines(status: number, d: Diagnosis): string[] {
  const what = whatFailed(status, d);
  const lines = [`${status} explained: ${what} (cause: ${d.cause}${d.transient ? ', transient' : ''})`];
  if (d.sent !== undefined) lines.push(`  sent:     ${d.sent}`);
  if (d.current !== undefined) lines.push(`  current:  ${d.current}`);
  if (d.steps.length > 0) {
    lines.push('  RFC 9110 §13.2.2, replayed against a fresh read:');
    lines.push(...d.steps.map((s) => `    ${s}`));
  }
  lines.push(`  advice:   ${d.advice}`);
  if (d.intermediaries.length > 0) lines.push(`  intermediaries: ${d.intermediaries.join('; ')}`);
  const skew = d.clockSkewSeconds;
  if (skew !== undefined && Math.abs(skew) >= SKEW_WORTH_MENTIONING_S) {
    lines.push(`  clock:    the server's Date is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} this machine`);
  }
  return lines;
}

/** What a refresh-and-retry did: attempts, file edit, why it stopped, then the explanation of the first failure. */
export function retryLines(outcome: RetryOutcome): string[] {
  const lines = [`Refresh and retry: ${outcome.attempts.map((a) => a.status).join(' → ')}`];
  if (outcome.edit) lines.push(`  file:     ${outcome.edit.description}`);
  if (outcome.changes.length > 0) lines.push(`  the write changed ${outcome.changes.length} value(s) on the server's current version`);
  if (outcome.stopped) lines.push(`  stopped:  ${outcome.stopped}`);
  return [...lines, ...explanationLines(outcome.attempts[0].status, outcome.diagnosis)];
}

/** The line under an explanation that has not been acted on yet: what refresh-and-retry would do. */
export function nextStepLine(method: string, d: Diagnosis): string {
  const action = planRetry(method, d);
  return action.kind === 'stop' ? `  next:     not retried automatically: ${action.reason}`
    : '  next:     "Refresh ETag and retry" (quick fix or CodeLens on the request) re-reads, shows what changed and resends.';
}

/**
 * `exchangeText` output with `lines` inserted right under its `HTTP <status>` line, each as a `# ` comment so
 * it cannot be mistaken for a response header. Text without a status line gets them appended.
 */
export function withExplanation(text: string, lines: readonly string[]): string {
  if (lines.length === 0) return text;
  const all = text.split('\n');
  const status = all.findIndex((l) => l.startsWith('HTTP '));
  const block = lines.map((l) => `# ${l}`);
  all.splice(status < 0 ? all.length : status + 1, 0, ...block);
  return all.join('\n');
}
