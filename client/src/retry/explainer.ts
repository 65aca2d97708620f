/**
 * Explains each 412/428 as it arrives (in a "Send all" too, before the next request goes out): one safe
 * re-read (no preconditions), the diagnosis attached to the failure record (the CodeLens and the retry use
 * it), recorded for the incident report, shown under the status line in the response view and written to
 * the run log.
 */
import type * as vscode from 'vscode';
import { capturedBy, type HttpFile } from '../../../server/src/engine';
import { requestSummary, type Exchange, type Session } from '../../../server/src/runner/executor';
import type { SendLimits } from '../../../server/src/runner/executor/send';
import type { RunStore } from '../../../server/src/runner/report/run-store';
import type { PreconditionDiagnostics } from '../runner/precondition-diagnostics';
import type { ResponseView } from '../runner/response-view';
import type { RunLog } from '../runner/run-log';
import { explainWithReread } from '../../../server/src/runner/retry/explain-exchange';
import { explanationLines, nextStepLine } from '../../../server/src/runner/retry/explanation-text';
import { isPreconditionFailure } from '../../../server/src/runner/retry/failure-message';
import type { PreconditionFailures } from './failures';
import { startLineOf } from '../../../server/src/engine/text/span';

export interface ExplainerParts {
  view: ResponseView;
  log: RunLog;
  failures: PreconditionFailures;
  /** The incident report's memory: the diagnosis and re-read are recorded as they happened. */
  runs: RunStore;
  /** The request's 412/428 diagnostic, which then states the diagnosed cause. */
  diagnostics: PreconditionDiagnostics;
}

export class FailureExplainer {
  constructor(private readonly parts: ExplainerParts) {}

  /** Explains `exchange` (a run of a request of `file`, the text of `document`) when it got 412/428. Quiet when cancelled. */
  async explain(document: vscode.TextDocument, file: HttpFile, exchange: Exchange, session: Session, limits: SendLimits): Promise<void> {
    if (!isPreconditionFailure(exchange)) return;
    const index = file.requests.findIndex((r) => startLineOf(r.requestLine.range) === exchange.line);
    let explained;
    try {
      explained = await explainWithReread(session, exchange, limits, index < 0 ? undefined : capturedBy(file, index));
    } catch {
      return;
    }
    const { diagnosis, reread } = explained;
    this.parts.failures.explained(document.uri, exchange, diagnosis);
    this.parts.diagnostics.update(document, exchange, diagnosis);
    this.parts.runs.recorder(document.uri.toString()).found(exchange, { diagnosis, reread, rereadAt: reread?.receivedAt });
    const lines = [...explanationLines(exchange.response!.status, diagnosis), nextStepLine(exchange.request.method, diagnosis)];
    this.parts.log.info(`${requestSummary(exchange, true)}: ${lines[0]}`);
    for (const line of lines.slice(1)) this.parts.log.info(line);
    await this.parts.view.show(exchange, document.uri, lines);
  }
}
