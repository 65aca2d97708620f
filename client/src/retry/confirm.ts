/**
 * The confirm port of refresh-and-retry in VS Code: a modal dialog with the diagnosis and what the write will
 * change, and "Show diff" (when both sides are JSON). After the diff opens, the question is asked again in a
 * notification rather than a modal, so the diff can be scrolled while deciding; dismissing it declines.
 */
import * as vscode from 'vscode';
import type { SentRequest } from '../../../server/src/runner/executor';
import type { RetryQuestion } from '../../../server/src/runner/retry/refresh-and-retry';
import { confirmationText } from '../../../server/src/runner/retry/confirm-text';
import type { BodyDiffs } from './diff-view';

const SHOW_DIFF = 'Show diff';

/** True when the user confirmed resending `sent` after seeing `question`. */
export async function askToRetry(question: RetryQuestion, sent: SentRequest, diffs: BodyDiffs): Promise<boolean> {
  const text = confirmationText(question, sent.method, sent.url);
  const buttons = question.written ? [text.confirm, SHOW_DIFF] : [text.confirm];
  const choice = await vscode.window.showWarningMessage(`etag-guard: ${text.message}`, { modal: true, detail: text.detail }, ...buttons);
  if (choice !== SHOW_DIFF || !question.written) return choice === text.confirm;
  await diffs.show(question.written, `${sent.method} ${new URL(sent.url).pathname}`);
  const again = await vscode.window.showWarningMessage(`etag-guard: ${text.message} The diff shows what your write changes.`, text.confirm, 'Cancel');
  return again === text.confirm;
}
