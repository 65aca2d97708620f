/**
 * `etagGuard.refreshAndRetry(uri?, line?)`: after a request got 412/428, re-read the resource, explain, show
 * what changed and ask (per `etagGuard.retry.confirm`; a POST always), update the precondition in the file as
 * one undoable edit, resend, and report like any other run. Without arguments it acts on the request at the
 * cursor. Resolves to the `RetryOutcome` (undefined when nothing was attempted), which tests assert on.
 */
import * as vscode from 'vscode';
import { capturedBy, parseHttp, type HttpFile, type HttpRequest } from '../../../server/src/engine';
import { requestAtLine, requestSummary, type Session } from '../../../server/src/runner/executor';
import { refreshAndRetry, type RetryOutcome } from '../../../server/src/runner/retry/refresh-and-retry';
import type { PreconditionDiagnostics } from '../runner/precondition-diagnostics';
import type { RequestRunner } from '../runner/request-runner';
import type { ResponseView } from '../runner/response-view';
import type { RunLog } from '../runner/run-log';
import { confirmPolicy, readRunnerSettings } from '../runner/settings';
import { applyPreconditionEdit } from './apply-edit';
import { askToRetry } from './confirm';
import type { BodyDiffs } from './diff-view';
import { retryLines } from '../../../server/src/runner/retry/explanation-text';
import type { FailureRecord, PreconditionFailures } from './failures';
import { retriedExchange } from '../../../server/src/runner/retry/retried-exchange';
import type { RunStore } from '../../../server/src/runner/report/run-store';

export interface RetryCommandParts {
  runner: RequestRunner;
  failures: PreconditionFailures;
  view: ResponseView;
  log: RunLog;
  diagnostics: PreconditionDiagnostics;
  diffs: BodyDiffs;
  /** The incident report's memory: the retry's outcome is recorded as it happened. */
  runs: RunStore;
}

export class RefreshAndRetryCommand {
  /** Failures being retried: a second click on the lens must not edit and resend twice. */
  private readonly running = new Set<FailureRecord>();

  constructor(private readonly parts: RetryCommandParts) {}

  /** Runs refresh-and-retry on the request at `line` (0-based, any line of it) of `uri`; default: the cursor. */
  async run(uri?: string | vscode.Uri, line?: number): Promise<RetryOutcome | undefined> {
    const target = await this.parts.runner.document(uri);
    if (!target) return undefined;
    const { document } = target;
    const version = document.version;
    const file = parseHttp(document.getText());
    const request = requestAtLine(file, line ?? target.cursorLine);
    const failure = request && this.parts.failures.find(document.uri, request);
    if (!request || !failure) {
      void vscode.window.showInformationMessage('etag-guard: refresh and retry needs a request whose last run got 412 or 428 in this session: send it first.');
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('etag-guard: refresh and retry is disabled in an untrusted workspace (it contacts servers and edits the file).');
      return undefined;
    }
    if (this.running.has(failure)) return undefined;
    this.running.add(failure);
    try {
      return await this.retry(document, version, file, request, failure);
    } finally {
      this.running.delete(failure);
    }
  }

  private async retry(document: vscode.TextDocument, version: number, file: HttpFile, request: HttpRequest, failure: FailureRecord): Promise<RetryOutcome | undefined> {
    const settings = readRunnerSettings(document.uri);
    const session = this.parts.runner.session(document.uri, settings.allowSelfSignedHosts);
    const sent = failure.exchange.request;
    const startedAt = Date.now();
    let requestLine = failure.line;
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `etag-guard: refresh and retry ${sent.method} ${new URL(sent.url).pathname}`, cancellable: true }, async (_progress, token) => {
      const cancel = new AbortController();
      const subscription = token.onCancellationRequested(() => cancel.abort());
      try {
        return await refreshAndRetry(session, {
          file, requestIndex: request.index, sent, failed: failure.exchange.attempts.at(-1)!, capturedBy: capturedBy(file, request.index),
        }, {
          confirm: (question) => askToRetry(question, sent, this.parts.diffs),
          applyEdit: async (edit) => {
            requestLine = await applyPreconditionEdit({ document, version, line: () => failure.line }, edit);
          },
          sleep: (ms) => sleepUnlessCancelled(ms, cancel.signal),
        }, { confirm: confirmPolicy(document.uri), limits: { timeoutMs: settings.timeoutMs, maxResponseBytes: settings.maxResponseBytes, signal: cancel.signal } });
      } catch (err) {
        if (!cancel.signal.aborted) void vscode.window.showErrorMessage(`etag-guard: refresh and retry failed: ${(err as Error).message}`);
        this.parts.log.info(`refresh and retry ${requestSummary(failure.exchange, true)}: ${cancel.signal.aborted ? 'cancelled' : (err as Error).message}`);
        return undefined;
      } finally {
        subscription.dispose();
      }
    });
    if (outcome) await this.report(document, session, failure, outcome, requestLine, startedAt);
    return outcome;
  }

  /** Log, response view, diagnostics, history and the CodeLens, as after any run. */
  private async report(document: vscode.TextDocument, session: Session, failure: FailureRecord, outcome: RetryOutcome, line: number, startedAt: number): Promise<void> {
    const lines = retryLines(outcome);
    this.parts.log.info(`refresh and retry ${requestSummary(failure.exchange, true)}: ${lines[0]}`);
    for (const l of lines.slice(1)) this.parts.log.info(l);
    this.record(document, failure, outcome);
    const retried = retriedExchange(failure.exchange, outcome, line, startedAt);
    if (!retried) {
      void vscode.window.showWarningMessage(`etag-guard: not resent. ${outcome.stopped ?? ''}`.trim());
      await this.parts.view.show(failure.exchange, document.uri, lines);
      return;
    }
    // The diagnostic sits where the request was before a read was inserted above it.
    if (line !== failure.exchange.line) this.parts.diagnostics.clear(document.uri, failure.exchange.line);
    this.parts.failures.forget(document.uri, failure);
    // Later requests that reference this one by name see the response that passed (and a reference the
    // precondition read now holds the validator after the write: refreshAndRetry updated that capture).
    if (retried.name) session.responses.set(retried.name, retried);
    await this.parts.runner.finished(document, retried, lines);
  }

  /** The report tells what happened: the explanation made when the 412 arrived (else the retry's), and the retry. */
  private record(document: vscode.TextDocument, failure: FailureRecord, outcome: RetryOutcome): void {
    const recorder = this.parts.runs.recorder(document.uri.toString());
    const live = recorder.findingsOf(failure.exchange)?.diagnosis !== undefined;
    recorder.found(failure.exchange, {
      ...(live ? {} : { diagnosis: outcome.diagnosis, reread: outcome.reread, rereadAt: outcome.reread?.receivedAt }),
      retry: outcome.final, retryAt: outcome.final?.receivedAt, stopped: outcome.stopped,
    });
  }
}

/** Resolves after `ms`, or rejects at once when `signal` aborts (the progress notification's Cancel). */
function sleepUnlessCancelled(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('cancelled'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
