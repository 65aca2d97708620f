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
  // Not awaited: VS Code waits for activate() before it activates other extensions and runs our commands, and
  // the server's start (a Node process, initialize) is most of the cost. The client queues every request and
  // notification until the server is up, so nothing sent meanwhile is lost.
  const clientStart = performance.now();
  languageClient.start().then(
    () => log.info(`the language server answered initialize in ${Math.round(performance.now() - clientStart)} ms`),
    (err: unknown) => log.error(`the language server did not start: ${err instanceof Error ? err.message : String(err)}`),
  );
  // The e2e suite reads these lines (the activation figures of docs/performance.md).
  log.info(`activated in ${Math.round(performance.now() - started)} ms`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
