/**
 * The "Refresh ETag and retry" CodeLens on a request whose last run got 412/428. Client-side (the language
 * server never sees responses); it carries the protocol's `etagGuard.refreshAndRetry(uri, line)` and refreshes
 * whenever a failure is recorded, explained, moved or retried.
 */
import * as vscode from 'vscode';
import { parseHttp } from '../../../server/src/engine';
import { REFRESH_AND_RETRY } from '../../../server/src/lsp/protocol';
import type { PreconditionFailures } from './failures';
import { startLineOf } from '../../../server/src/engine/text/span';

export const RETRY_TITLE = 'Refresh ETag and retry';

export class RetryLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly failures: PreconditionFailures) {
    this.onDidChangeCodeLenses = failures.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const records = this.failures.of(document.uri);
    if (records.length === 0) return [];
    // Only where a request line still is: an edit may have turned the line into something else.
    const requestLines = new Set(parseHttp(document.getText()).requests.map((r) => startLineOf(r.requestLine.range)));
    return records.filter((r) => requestLines.has(r.line)).map((r) => new vscode.CodeLens(document.lineAt(r.line).range, {
      title: `$(refresh) ${RETRY_TITLE}`,
      tooltip: `The last run got ${r.exchange.response?.status}${r.diagnosis ? ` (cause: ${r.diagnosis.cause})` : ''}: re-read, show what changed, update the precondition, resend.`,
      command: REFRESH_AND_RETRY,
      arguments: [document.uri.toString(), r.line],
    }));
  }
}
