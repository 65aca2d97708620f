/**
 * Right after a run, explains each 412/428 it got: one safe re-read (no preconditions), the diagnosis attached
 * to the failure record (the CodeLens and the retry use it) and shown under the status line in the response
 * view, and written to the run log.
 */
import type * as vscode from 'vscode';
import { capturedBy, type HttpFile } from '../../../server/src/engine';
import { requestSummary, type Exchange, type Session } from '../../../server/src/runner/executor';
import type { SendLimits } from '../../../server/src/runner/executor/send';
import type { ResponseView } from '../runner/response-view';
import type { RunLog } from '../runner/run-log';
import { explainExchange } from '../../../server/src/runner/retry/explain-exchange';
import { explanationLines, nextStepLine } from '../../../server/src/runner/retry/explanation-text';
import { isPreconditionFailure } from '../../../server/src/runner/retry/failure-message';
import type { PreconditionFailures } from './failures';

export interface ExplainerParts {
  view: ResponseView;
  log: RunLog;
  failures: PreconditionFailures;
}

export class FailureExplainer {
  constructor(private readonly parts: ExplainerParts) {}

  /** Explains the 412/428 among `exchanges` (a run of `file`, the text of `document`). Stops quietly when cancelled. */
  async explainAll(document: vscode.TextDocument, file: HttpFile, exchanges: readonly Exchange[], session: Session, limits: SendLimits): Promise<void> {
    for (const exchange of exchanges.filter(isPreconditionFailure)) {
      const index = file.requests.findIndex((r) => r.requestLine.range.start.line === exchange.line);
      let diagnosis;
      try {
        diagnosis = await explainExchange(session, exchange, limits, index < 0 ? undefined : capturedBy(file, index));
      } catch {
        return;
      }
      this.parts.failures.explained(document.uri, exchange, diagnosis);
      const lines = [...explanationLines(exchange.response!.status, diagnosis), nextStepLine(exchange.request.method, diagnosis)];
      this.parts.log.info(`${requestSummary(exchange, true)}: ${lines[0]}`);
      for (const line of lines.slice(1)) this.parts.log.info(line);
      await this.parts.view.show(exchange, document.uri, lines);
    }
  }
}
