/**
 * The read-only response tab: a virtual document (scheme `etag-guard-response`, language `http-response`:
 * coloured by syntaxes/http-response.tmLanguage.json, word wrap on by package.json's configurationDefaults)
 * per request name, reused when the same request runs again. Shows the request as sent (headers and body,
 * secret-named body fields masked), status line, headers, the body formatted by content type, and timings.
 */
import * as vscode from 'vscode';
import { exchangeText, type Exchange } from '../../../server/src/runner/executor';
import { withExplanation } from '../../../server/src/runner/retry/explanation-text';

export const RESPONSE_SCHEME = 'etag-guard-response';
export const RESPONSE_LANGUAGE = 'http-response';

export class ResponseView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  /** The exchange each tab shows (Copy / Save Response Body read its bytes). */
  private readonly exchanges = new Map<string, Exchange>();
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
    this.contents.set(uri.toString(), `${header}\n${withExplanation(exchangeText(exchange, { requestHeaders: true, requestBody: true, maskSent: true }), explanation)}\n`);
    this.exchanges.set(uri.toString(), exchange);
    this.changed.fire(uri);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== RESPONSE_LANGUAGE) document = await vscode.languages.setTextDocumentLanguage(document, RESPONSE_LANGUAGE);
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  /** The exchange shown in the response tab `uri`. */
  exchangeOf(uri: vscode.Uri): Exchange | undefined {
    return this.exchanges.get(uri.toString());
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
