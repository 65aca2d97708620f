/** Entry point: wires the parts, the command table, the 412 providers and the language client; no logic here. */
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandTable, registerCommands } from './commands';
import { createLanguageClient } from './language-client';
import { createParts } from './parts';
import { registerRetryProviders } from './retry/register';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const parts = createParts(context);
  context.subscriptions.push(...registerCommands(commandTable(parts)), ...registerRetryProviders(parts.failures));
  client = createLanguageClient(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
