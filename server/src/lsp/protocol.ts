/**
 * The contract between the language server and its clients beyond standard LSP. Every command a code lens
 * carries is listed here with its arguments; docs/protocol.md describes the same (a test keeps them in sync).
 * Editors other than VS Code can bind these command ids to their own request runner.
 */
import type { SessionSnapshot } from '../runner/executor/session-snapshot';

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

/**
 * `etagGuard/runStateChanged` (client → server, params `RunStateParams`): what the client's runner would use
 * for `{{…}}` now — the picked environment, whether environment files may be read (workspace trust) and, for
 * one request file, its session's captured responses and `client.global` values. The server keeps the latest
 * and shows them in hovers; it never sends anything itself.
 */
export const RUN_STATE_CHANGED = 'etagGuard/runStateChanged';

export const MESSAGES = [EVIDENCE_CHANGED, EXPLAIN_EVIDENCE, RUN_STATE_CHANGED] as const;

export interface EvidenceChangedParams {
  root: string;
}

export interface ExplainEvidenceParams {
  uri: string;
}

export interface RunStateParams {
  /** The environment requests are sent with (`null`: none picked); absent: unchanged. */
  environment?: string | null;
  /** False in an untrusted workspace: environment and `.env` files are not read; absent: unchanged. */
  trusted?: boolean;
  /** One request file's session; absent: unchanged. */
  session?: { uri: string } & SessionSnapshot;
}
