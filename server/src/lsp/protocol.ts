/**
 * The contract between the language server and its clients beyond standard LSP. Every command a code lens
 * carries is listed here with its arguments; docs/protocol.md describes the same (a test keeps them in sync).
 * Editors other than VS Code can bind these command ids to their own request runner.
 */

/** `etagGuard.sendRequest(uri: string, line: number)`: run the request whose request line is on `line` (0-based). */
export const SEND_REQUEST = 'etagGuard.sendRequest';
/** `etagGuard.sendAll(uri: string)`: run every request of the file in order. */
export const SEND_ALL = 'etagGuard.sendAll';
/** `etagGuard.refreshAndRetry(uri: string, line: number)`: re-read the resource, update the precondition, resend. */
export const REFRESH_AND_RETRY = 'etagGuard.refreshAndRetry';

export const COMMANDS = [SEND_REQUEST, SEND_ALL, REFRESH_AND_RETRY] as const;
