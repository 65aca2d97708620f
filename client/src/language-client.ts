/** Starts the etag-guard language server (dist/server.js) over IPC for .http files and client code. */
import { withShippedDocs } from './rule-docs';
import * as path from 'node:path';
import { window, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Languages the server lints; kept in one place so the selector and the manifest agree. */
export const LINTED_LANGUAGES = ['http', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'];

/**
 * The client, and its "etag-guard" output channel: the server's log (version, documents linted, failures, as
 * `window/logMessage`) and the activation time.
 */
export function createLanguageClient(context: ExtensionContext): { client: LanguageClient; log: LogOutputChannel } {
  const log = window.createOutputChannel('etag-guard', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LINTED_LANGUAGES.map((language) => ({ language })),
      // Lint .http/.rest files whichever extension's grammar claimed them (REST Client, httpYac).
      { pattern: '**/*.{http,rest}' },
    ],
    synchronize: { configurationSection: 'etagGuard' },
    outputChannel: log,
    middleware: { handleDiagnostics: (uri, diagnostics, next) => next(uri, withShippedDocs(diagnostics, context)) },
  };
  return { client: new LanguageClient('etagGuard', 'etag-guard', serverOptions, clientOptions), log };
}
