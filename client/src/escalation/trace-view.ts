/**
 * "Show trace": the trace of a request's latest run (or of a history entry picked from a list) in a
 * read-only virtual document (scheme `etag-guard-trace`), in the style of `curl -v`, secrets masked.
 */
import * as vscode from 'vscode';
import type { History } from '../runner/history';
import type { HistoryEntry } from '../../../server/src/runner/history/history-entry';
import { requestTarget } from './trace-target';
import { traceText } from '../../../server/src/runner/trace/trace-text';

export const TRACE_SCHEME = 'etag-guard-trace';

/** The picker's title says what picking does: a PUT in the list must not look like it is about to be resent. */
export const PICK_TRACE = 'etag-guard: show the trace of a past run (read-only: nothing is sent)';

export class TraceView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(TRACE_SCHEME, this);

  constructor(private readonly history: History) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'This trace is no longer available: send the request again.';
  }

  /**
   * Opens the trace of the request at `line` of `uri` (its latest history entry); without arguments, lets the
   * user pick a history entry. Resolves to the trace text, or undefined when there is none.
   */
  async show(uri?: string | vscode.Uri, line?: number): Promise<string | undefined> {
    const entry = uri === undefined && line === undefined ? await this.history.pick(PICK_TRACE) : await this.entryFor(uri, line);
    if (!entry && uri === undefined) return undefined;
    return this.showEntry(entry);
  }

  /** Opens the stored (masked) trace of a history entry; nothing is sent. */
  async showEntry(entry: HistoryEntry | undefined): Promise<string | undefined> {
    if (!entry?.trace) {
      void vscode.window.showInformationMessage('etag-guard: no trace for this request yet: send it first.');
      return undefined;
    }
    const text = `${traceText(entry.trace)}\n`;
    const label = `${entry.name ?? `${entry.uri.split('/').pop()} line ${entry.line + 1}`}`.replace(/[/\\]/g, '-');
    const traceUri = vscode.Uri.from({ scheme: TRACE_SCHEME, path: `/Trace ${label}`, query: String(entry.at) });
    this.contents.set(traceUri.toString(), text);
    const document = await vscode.workspace.openTextDocument(traceUri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return text;
  }

  private async entryFor(uri: string | vscode.Uri | undefined, line: number | undefined): Promise<HistoryEntry | undefined> {
    const target = await requestTarget(uri, line);
    if (!target) return undefined;
    const file = target.document.uri.toString();
    return this.history.entries().find((e) => e.uri === file && (target.key.name !== undefined ? e.name === target.key.name : e.line === target.key.line));
  }

  dispose(): void {
    this.registration.dispose();
  }
}
