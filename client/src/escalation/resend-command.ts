/**
 * "Resend without preconditions (test only)" in the editor: the latest 412/428 of the request at the cursor is
 * sent once more with its preconditions removed — only when `etagGuard.allowUnconditionalResend` is on, the host
 * is not in `etagGuard.protectedHosts`, and the user confirms a modal warning that this can overwrite someone's
 * update. The verdict goes into the diagnosis the incident report shows.
 */
import * as vscode from 'vscode';
import { readRunnerSettings, resendPolicy } from '../runner/settings';
import { Session } from '../../../server/src/runner/executor/session';
import type { SentRequest } from '../../../server/src/runner/executor/types';
import type { RunStore } from '../../../server/src/runner/report/run-store';
import { requestTarget } from './trace-target';
import { isPreconditionFailure } from '../../../server/src/runner/retry/failure-message';
import { resendRefusal, resendWithoutPreconditions, withoutPreconditions, type ResendResult } from '../../../server/src/runner/resend/resend';

const CONFIRM = 'Resend without preconditions';

export interface ResendCommandOptions {
  /**
   * The caller has already had the user confirm: skip the modal warning. Only a programmatic caller can pass it
   * (`executeCommand`, e.g. the real-VS-Code tests, which cannot click a modal); no menu, lens or keybinding
   * does, and the setting and the protected hosts are checked all the same.
   */
  confirmed?: boolean;
}

/** Runs the command; resolves to the result, or undefined when refused, declined or there is nothing to resend. */
export async function resendWithoutPreconditionsCommand(runs: RunStore, uri?: string | vscode.Uri, line?: number, options: ResendCommandOptions = {}): Promise<ResendResult | undefined> {
  const target = await requestTarget(uri, line);
  if (!target) return undefined;
  const file = target.document.uri.toString();
  const failing = runs.latest(file, target.key, isPreconditionFailure)
    ?? runs.latest(file, target.key, (e) => e.response !== undefined);
  if (!failing) {
    void vscode.window.showInformationMessage('etag-guard: send this request first; the resend repeats its last run without preconditions.');
    return undefined;
  }
  const policy = resendPolicy(target.document.uri);
  const refusal = resendRefusal(failing.request.url, policy);
  if (refusal) {
    void vscode.window.showWarningMessage(`etag-guard: ${refusal}`);
    return undefined;
  }
  if (options.confirmed !== true && !(await userConfirms(failing.request))) return undefined;
  const settings = readRunnerSettings(target.document.uri);
  const session = new Session({ allowSelfSignedHosts: settings.allowSelfSignedHosts });
  try {
    const result = await resendWithoutPreconditions(session, failing.request, policy, { timeoutMs: settings.timeoutMs, maxResponseBytes: settings.maxResponseBytes });
    runs.recorder(file).found(failing, { resend: { ...result, at: Date.now() } });
    void vscode.window.showInformationMessage(`etag-guard: ${result.verdict}.`);
    return result;
  } catch (err) {
    void vscode.window.showErrorMessage(`etag-guard: ${(err as Error).message}`);
    return undefined;
  } finally {
    await session.close();
  }
}

/** The modal warning: this can overwrite someone's update. */
async function userConfirms(request: SentRequest): Promise<boolean> {
  const removed = withoutPreconditions(request.headers).removed;
  const answer = await vscode.window.showWarningMessage(
    `Resend ${request.method} ${request.url} once WITHOUT ${removed.join(', ') || 'preconditions'}?`,
    { modal: true, detail: 'The precondition is what protects someone else\'s update: without it, if the resource changed since you read it, ' +
      'their change is overwritten. Do this only on a test system, to confirm that the 412 is about the precondition.' },
    CONFIRM,
  );
  return answer === CONFIRM;
}
