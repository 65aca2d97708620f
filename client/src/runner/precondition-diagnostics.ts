/**
 * Puts a diagnostic on the request line of a request that got 412 or 428 (its own collection, source
 * `etag-guard`, code `precondition-failed`), and removes it when that request runs again without one. Once the
 * 412 workflow has explained it, the message states the diagnosed cause.
 */
import * as vscode from 'vscode';
import type { Diagnosis } from '../../../server/src/engine';
import type { Exchange } from '../../../server/src/runner/executor';
import { diagnosedMessage, PRECONDITION_FAILED_CODE, preconditionMessage } from '../../../server/src/runner/retry/failure-message';

export class PreconditionDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('etag-guard-runner');
  private readonly closed = vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri));

  /** Updates the request's diagnostic after `exchange`. */
  update(document: vscode.TextDocument, exchange: Exchange, diagnosis?: Diagnosis): void {
    const others = (this.collection.get(document.uri) ?? []).filter((d) => d.range.start.line !== exchange.line);
    const message = diagnosis ? diagnosedMessage(exchange, diagnosis) : preconditionMessage(exchange);
    if (message) {
      const diagnostic = new vscode.Diagnostic(document.lineAt(exchange.line).range, message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'etag-guard';
      diagnostic.code = PRECONDITION_FAILED_CODE;
      others.push(diagnostic);
    }
    this.collection.set(document.uri, others);
  }

  /** Removes the diagnostic on `line` (refresh-and-retry inserted a read above the request, moving it). */
  clear(uri: vscode.Uri, line: number): void {
    this.collection.set(uri, (this.collection.get(uri) ?? []).filter((d) => d.range.start.line !== line));
  }

  dispose(): void {
    this.collection.dispose();
    this.closed.dispose();
  }
}
