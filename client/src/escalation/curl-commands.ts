/**
 * "Copy as cURL" and "Import cURL" in the editor. Copy uses the exact request of the latest run (what reproduces
 * a 412: the same validator, credentials and cookies); a request that has not run is resolved from the file and
 * the selected environment without sending anything. Import asks for a command and inserts the `.http` request
 * at the cursor.
 */
import * as vscode from 'vscode';
import type { EnvironmentPicker } from '../runner/environment-picker';
import { maskSecretsInCurl } from '../runner/settings';
import type { RunStore } from '../../../server/src/runner/report/run-store';
import { requestTarget } from './trace-target';
import { resolveFromFile } from './resolve-from-file';
import { binaryBodySize } from '../../../server/src/runner/trace/body-preview';
import { CurlImportError, fromCurl } from '../../../server/src/runner/curl/from-curl';
import { ShellSyntaxError } from '../../../server/src/runner/curl/shell-words';
import { toCurl, type CurlRequest } from '../../../server/src/runner/curl/to-curl';

export interface CopyAsCurlOptions {
  /** Mask credentials; default: the `etagGuard.copyAsCurl.maskSecrets` setting. */
  mask?: boolean;
}

/** Copies the request at `line` of `uri` (default: the cursor) as a curl command; resolves to the command. */
export async function copyAsCurl(runs: RunStore, environments: EnvironmentPicker, uri?: string | vscode.Uri, line?: number, options: CopyAsCurlOptions = {}): Promise<string | undefined> {
  const target = await requestTarget(uri, line);
  if (!target) return undefined;
  const file = target.document.uri.toString();
  const ran = runs.latest(file, target.key, (e) => e.attempts.length > 0 && binaryBodySize(e.request.body) === undefined);
  let request: CurlRequest;
  try {
    request = ran?.request ?? await resolveFromFile(target, runs, environments);
  } catch (err) {
    void vscode.window.showErrorMessage(`etag-guard: cannot copy as cURL: ${(err as Error).message}`);
    return undefined;
  }
  const mask = options.mask ?? maskSecretsInCurl(target.document.uri);
  const command = toCurl(request, { mask });
  await vscode.env.clipboard.writeText(command);
  void vscode.window.setStatusBarMessage(`etag-guard: curl command copied${ran ? ' (as last sent)' : ''}${mask ? ', secrets masked' : ''}.`, 4000);
  return command;
}

/** Asks for a curl command (unless given) and inserts it as a `.http` request at the cursor; resolves to the text inserted. */
export async function importCurl(command?: string): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('etag-guard: open a .http file to import a curl command into.');
    return undefined;
  }
  const text = command ?? await vscode.window.showInputBox({ title: 'etag-guard: import cURL', prompt: 'Paste a curl command', ignoreFocusOut: true });
  if (!text) return undefined;
  let http: string;
  try {
    http = fromCurl(text).http;
  } catch (err) {
    if (!(err instanceof CurlImportError || err instanceof ShellSyntaxError)) throw err;
    void vscode.window.showErrorMessage(`etag-guard: cannot import this curl command: ${err.message}`);
    return undefined;
  }
  const at = editor.selection.active;
  const before = at.line > 0 && editor.document.lineAt(at.line - 1).text.trim() !== '' ? '\n###\n' : '';
  const inserted = `${before}${http}`;
  await editor.edit((edit) => edit.insert(new vscode.Position(at.line, 0), inserted));
  return inserted;
}
