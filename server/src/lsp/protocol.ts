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

/**
 * Notifications and requests beyond LSP (listed in docs/protocol.md under "Messages"; a test keeps them in sync).
 * `etagGuard/evidenceChanged` (client → server, params `{ root: string }`): the runner saw something new under
 * that workspace root (or the remembered evidence was cleared); the server re-reads `.etag-guard/` there and
 * lints the open documents again.
 */
export const EVIDENCE_CHANGED = 'etagGuard/evidenceChanged';
/** `etagGuard/explainEvidence` (client → server request, params `{ uri: string }`, result `string`): what is known. */
export const EXPLAIN_EVIDENCE = 'etagGuard/explainEvidence';

export const MESSAGES = [EVIDENCE_CHANGED, EXPLAIN_EVIDENCE] as const;

export interface EvidenceChangedParams {
  root: string;
}

export interface ExplainEvidenceParams {
  uri: string;
}
