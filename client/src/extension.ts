/**
 * Entry point: registers every command and returns; no logic here. The language client (its library alone is
 * most of a bundle's load time) is a second bundle, required right after activation without being awaited, and
 * the UI behind the commands (runner, 412 workflow, traces, reports) a third, loaded on the first command or when
 * a request file is shown (its status bar item and 412 lenses belong to request files). A command run before the
 * client is there waits for it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerLazily } from './command-ids';
import type { Ui } from './ui';

let client: Promise<LanguageClient> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  let activateMs = -1;
  const languageClient = new Promise<LanguageClient>((resolve, reject) => {
    // After activate() has returned: VS Code waits for activate() before it activates other extensions and runs
    // our commands; nothing in activation needs the client itself.
    setImmediate(() => {
      try {
        resolve(startClient(context, Math.round(performance.now() - started), activateMs));
      } catch (err) {
        reject(err);
      }
    });
  });
  client = languageClient;
  // The client exists before any UI part: the runner sends what it observes to the server as evidence.
  let ui: Promise<Ui> | undefined;
  // esbuild.js keeps this require out of the entry bundle: it loads dist/extension-ui.js at run time.
  const loadUi = (): Promise<Ui> =>
    (ui ??= languageClient.then((c) => (require('./ui') as typeof import('./ui')).startUi(context, c)));
  context.subscriptions.push(...registerLazily(async () => (await loadUi()).commands));
  const isRequestFile = (editor: vscode.TextEditor | undefined): boolean =>
    !!editor && (editor.document.languageId === 'http' || /\.(http|rest)$/i.test(editor.document.fileName));
  if (isRequestFile(vscode.window.activeTextEditor)) void loadUi();
  else {
    const watcher = vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!isRequestFile(editor)) return;
      watcher.dispose();
      void loadUi();
    });
    context.subscriptions.push(watcher);
  }
  activateMs = Math.round(performance.now() - started);
}

/**
 * Loads the language client bundle, starts the server (not awaited: the client queues every request and
 * notification until the server has answered `initialize`, so nothing sent meanwhile is lost) and logs the
 * activation figures the e2e suite reads (docs/performance.md).
 */
function startClient(context: vscode.ExtensionContext, sinceActivation: number, activateMs: number): LanguageClient {
  const loading = performance.now();
  // esbuild.js keeps this require out of the entry bundle: it loads dist/extension-client.js at run time.
  const { createLanguageClient } = require('./language-client') as typeof import('./language-client');
  const { client: languageClient, log } = createLanguageClient(context);
  context.subscriptions.push(log);
  log.info(`activated in ${activateMs} ms`);
  log.info(`the language client loaded ${sinceActivation} ms after activation began, in ${Math.round(performance.now() - loading)} ms`);
  const clientStart = performance.now();
  languageClient.start().then(
    () => log.info(`the language server answered initialize in ${Math.round(performance.now() - clientStart)} ms`),
    (err: unknown) => log.error(`the language server did not start: ${err instanceof Error ? err.message : String(err)}`),
  );
  return languageClient;
}

export async function deactivate(): Promise<void> {
  await (await client?.catch(() => undefined))?.stop();
}
