/**
 * Finds the request a command is about: `(uri, line)` as the code lenses and tests pass them, else the
 * active editor's cursor. Shared by Show trace, Copy as cURL, Resend and Export report.
 */
import * as vscode from 'vscode';
import { parseHttp, type HttpFile, type HttpRequest } from '../../../server/src/engine';
import { requestAtLine } from '../../../server/src/runner/executor/select';
import { startLineOf } from '../../../server/src/engine/text/span';

export interface RequestTarget {
  document: vscode.TextDocument;
  file: HttpFile;
  request: HttpRequest;
  /** What the run store matches exchanges by. */
  key: { line: number; name?: string };
}

/** The request at `line` (0-based) of `uri`, or at the cursor; undefined (with a message) when there is none. */
export async function requestTarget(uri?: string | vscode.Uri, line?: number): Promise<RequestTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  const target = uri === undefined ? editor?.document.uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  if (!target) {
    void vscode.window.showInformationMessage('etag-guard: open a .http file first.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(target);
  const cursor = editor?.document.uri.toString() === target.toString() ? editor.selection.active.line : 0;
  const file = parseHttp(document.getText());
  const request = requestAtLine(file, line ?? cursor);
  if (!request) {
    void vscode.window.showInformationMessage('etag-guard: there is no request here.');
    return undefined;
  }
  return { document, file, request, key: { line: startLineOf(request.requestLine.range), name: request.name?.value } };
}
