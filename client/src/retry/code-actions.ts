/**
 * The quick fix "Refresh ETag and retry" on the runner's `precondition-failed` diagnostic (a 412/428). The
 * diagnostic is the client's own, so the code action lives here, not in the language server.
 */
import * as vscode from 'vscode';
import { REFRESH_AND_RETRY } from '../../../server/src/lsp/protocol';
import { PRECONDITION_FAILED_CODE } from '../../../server/src/runner/retry/failure-message';
import { RETRY_TITLE } from './lens';

export class RetryCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics.filter((d) => d.code === PRECONDITION_FAILED_CODE && d.source === 'etag-guard').map((d) => {
      const action = new vscode.CodeAction(RETRY_TITLE, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.isPreferred = true;
      action.command = { title: RETRY_TITLE, command: REFRESH_AND_RETRY, arguments: [document.uri.toString(), d.range.start.line] };
      return action;
    });
  }
}
