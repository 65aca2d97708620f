/**
 * The words of the refresh-and-retry confirmation: what failed and why, sent vs current, and what the write
 * will change on the server's current version, so nobody overwrites someone else's update without seeing it.
 * Pure; confirm.ts shows it in a modal dialog.
 */
import type { RetryQuestion } from './refresh-and-retry';

/** Change lines shown in the dialog; the rest is one "Show diff" away. */
export const SHOWN_CHANGES = 15;

export interface ConfirmationText {
  message: string;
  detail: string;
  /** The button that resends. */
  confirm: string;
}

/** The dialog for `question` about `method url`. */
export function confirmationText(question: RetryQuestion, method: string, url: string): ConfirmationText {
  const d = question.diagnosis;
  const post = method === 'POST';
  const message = `Refresh the precondition and resend ${method} ${pathOf(url)}?`;
  const detail: string[] = [
    `${d.failed ? `${d.failed} failed` : 'No precondition held'} (cause: ${d.cause}).`,
    ...(d.sent !== undefined || d.current !== undefined ? [`Sent: ${d.sent ?? '(none)'} · now on the server: ${d.current ?? '(no ETag)'}`] : []),
    d.advice,
    '',
    ...changeSummary(question, method),
  ];
  if (post) detail.push('', 'This is a POST: it may not be idempotent, so it is resent only because you confirm it here, whatever etagGuard.retry.confirm says.');
  return { message, detail: detail.join('\n'), confirm: post ? 'Resend POST' : 'Retry' };
}

function changeSummary(question: RetryQuestion, method: string): string[] {
  if (method === 'DELETE') return ['This DELETE removes the version the server has now.'];
  const { changes } = question;
  if (changes.length === 0) return ['No structural difference from the server\'s current version (or the bodies are not JSON).'];
  const shown = changes.slice(0, SHOWN_CHANGES);
  const more = changes.length - shown.length;
  return [
    `Your write changes the server's current version (${changes.length} change${changes.length === 1 ? '' : 's'}):`,
    ...shown,
    ...(more > 0 ? [`… and ${more} more: Show diff lists them all.`] : []),
  ];
}

/** The path and query of `url` (the host is the same as the request's and only takes room). */
function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}
