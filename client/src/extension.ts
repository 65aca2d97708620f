/** Entry point: wires the language client and the commands; no logic lives here. */
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client';
import { registerRunner } from './runner/commands';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  registerRunner(context);
  client = createLanguageClient(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
