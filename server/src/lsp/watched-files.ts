/**
 * The files whose changes alter the diagnostics of documents that did not change: the project configuration,
 * the environment files that define `{{variables}}`, and the OpenAPI descriptions. The server asks the client
 * to watch them (dynamic registration, so any LSP editor gets it, not only VS Code) and re-lints on a change.
 */
import { DidChangeWatchedFilesNotification, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import { RC_FILE } from '../host/config-files';

/** Glob patterns, relative to each workspace folder, at any depth. */
export const WATCHED_FILE_GLOBS: readonly string[] = [
  `**/${RC_FILE}`,
  '**/http-client*.env.json',
  '**/.env',
  '**/{openapi,swagger}*.{yaml,yml,json}',
];

/** Whether the client lets the server register file watchers (VS Code does; some editors do not). */
export function canWatchFiles(params: InitializeParams): boolean {
  return !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
}

/** Registers the watchers; a client that refuses is logged, not fatal (edits then need a reload). */
export function registerFileWatchers(connection: Connection): void {
  connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_FILE_GLOBS.map((globPattern) => ({ globPattern })) })
    .catch((err: unknown) => connection.console.warn(`etag-guard: the client did not accept file watchers: ${String(err)}`));
}
