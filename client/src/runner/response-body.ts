/**
 * "Copy Response Body" and "Save Response Body…" on a response tab (editor title buttons): the body as the
 * server sent it (the bytes read, not the pretty-printed view), so a JSON answer can be pasted or kept as is.
 */
import * as vscode from 'vscode';
import type { Exchange } from '../../../server/src/runner/executor/types';
import type { ResponseView } from './response-view';

/** The response tab's exchange: `uri` when given (tests, menus), else the active editor's. */
function shownExchange(view: ResponseView, uri?: vscode.Uri): Exchange | undefined {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const exchange = target && view.exchangeOf(target);
  if (!exchange?.response) void vscode.window.showInformationMessage('etag-guard: open a response tab first (send a request).');
  return exchange?.response ? exchange : undefined;
}

/** Copies the body to the clipboard; resolves to the text copied. */
export async function copyResponseBody(view: ResponseView, uri?: vscode.Uri): Promise<string | undefined> {
  const exchange = shownExchange(view, uri);
  if (!exchange) return undefined;
  const text = exchange.response!.body.toString('utf8');
  await vscode.env.clipboard.writeText(text);
  return text;
}

/** Saves the body where the user picks (or to `target`, for tests); resolves to the file written. */
export async function saveResponseBody(view: ResponseView, uri?: vscode.Uri, target?: string): Promise<string | undefined> {
  const exchange = shownExchange(view, uri);
  if (!exchange) return undefined;
  const extension = /json/i.test(exchange.response!.contentType) ? 'json' : /xml/i.test(exchange.response!.contentType) ? 'xml' : 'txt';
  const file = target !== undefined ? vscode.Uri.file(target) : await vscode.window.showSaveDialog({
    title: 'etag-guard: save the response body', filters: { [extension.toUpperCase()]: [extension] },
  });
  if (!file) return undefined;
  await vscode.workspace.fs.writeFile(file, exchange.response!.body);
  return file.fsPath;
}
