/**
 * The read-only response tab: a virtual document (scheme `etag-guard-response`) per request name, reused
 * when the same request runs again. Shows the request as sent, status line, headers, the body formatted by
 * content type, and timings.
 */
import * as vscode from 'vscode';
import { exchangeText, type Exchange } from '../../../server/src/runner/executor';
import { withExplanation } from '../../../server/src/runner/retry/explanation-text';

export const RESPONSE_SCHEME = 'etag-guard-response';

export class ResponseView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'This response is no longer available: send the request again.';
  }

  /**
   * Shows `exchange` in the tab for its request (beside the editor, keeping focus where it is), with the 412/428
   * `explanation` lines (or a refresh-and-retry's attempts) under the status line.
   */
  async show(exchange: Exchange, requestFile: vscode.Uri, explanation: readonly string[] = []): Promise<vscode.TextEditor> {
    const uri = responseUri(exchange, requestFile);
    const header = `# ${exchange.name ?? 'Request'} — ${vscode.workspace.asRelativePath(requestFile)}:${exchange.line + 1} — ${new Date(exchange.startedAt).toLocaleTimeString()}`;
    this.contents.set(uri.toString(), `${header}\n${withExplanation(exchangeText(exchange, { requestHeaders: true }), explanation)}\n`);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

/** One URI per request name (per file and line for unnamed requests), so re-running reuses the tab. */
export function responseUri(exchange: Exchange, requestFile: vscode.Uri): vscode.Uri {
  const base = requestFile.path.split('/').pop() ?? 'request';
  const label = exchange.name ?? `${base} line ${exchange.line + 1}`;
  return vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/Response ${label.replace(/[/\\]/g, '-')}` });
}
