/**
 * Entry point: starts the language client and registers every command; no logic here. The UI behind the
 * commands (runner, 412 workflow, traces, reports) is a second bundle, loaded on the first command or when a
 * request file is shown (its status bar item and 412 lenses belong to request files), so activating on a
 * JavaScript, TypeScript or Python file costs the language client alone.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerLazily } from './command-ids';
import { createLanguageClient } from './language-client';
import type { Ui } from './ui';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  // The client exists before any UI part: the runner sends what it observes to the server as evidence.
  const { client: languageClient, log } = createLanguageClient(context);
  context.subscriptions.push(log);
  client = languageClient;
  let ui: Ui | undefined;
  // esbuild.js keeps this require out of the entry bundle: it loads dist/extension-ui.js at run time.
  const loadUi = (): Ui => (ui ??= (require('./ui') as typeof import('./ui')).startUi(context, languageClient));
  context.subscriptions.push(...registerLazily(() => loadUi().commands));
  const isRequestFile = (editor: vscode.TextEditor | undefined): boolean =>
    !!editor && (editor.document.languageId === 'http' || /\.(http|rest)$/i.test(editor.document.fileName));
  if (isRequestFile(vscode.window.activeTextEditor)) setImmediate(loadUi);
  else {
    const watcher = vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!isRequestFile(editor)) return;
      watcher.dispose();
      loadUi();
    });
    context.subscriptions.push(watcher);
  }
  const clientStart = performance.now();
  await languageClient.start();
  // The e2e suite reads this line (the activation figure of docs/performance.md).
  log.info(`activated in ${Math.round(performance.now() - started)} ms (the language server answered initialize in ${Math.round(performance.now() - clientStart)} ms)`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
