/**
 * The extension's UI behind its commands: runner, history, environments, response view, the 412 workflow,
 * traces, cURL and reports. Built as its own bundle (dist/extension-ui.js) and loaded by the entry on the
 * first command or the first request file shown, so activation loads only the language client.
 */
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandTable, type Handler } from './commands';
import { createParts } from './parts';
import { registerRetryProviders } from './retry/register';

export interface Ui {
  commands: Record<string, Handler>;
}

/** Builds the parts and the 412 providers (disposed with the extension) and returns the command table. */
export function startUi(context: ExtensionContext, client: LanguageClient): Ui {
  const parts = createParts(context);
  parts.evidence.attach(client);
  parts.runState.attach(client);
  context.subscriptions.push(...registerRetryProviders(parts.failures));
  return { commands: commandTable(parts, client.outputChannel) };
}
