/**
 * Every `etagGuard.*` command id, registered at activation with no code behind it yet: the first call of any
 * loads the command table (commands.ts, in the lazily loaded UI bundle) and runs the handler from there.
 */
import * as vscode from 'vscode';
import { REFRESH_AND_RETRY, SEND_ALL, SEND_REQUEST } from '../../server/src/lsp/protocol';

export { REFRESH_AND_RETRY, SEND_ALL, SEND_REQUEST };
export const SELECT_ENVIRONMENT = 'etagGuard.selectEnvironment';
export const SHOW_HISTORY = 'etagGuard.showHistory';
export const CLEAR_HISTORY = 'etagGuard.clearHistory';
export const SHOW_LOG = 'etagGuard.showRunnerLog';
export const SHOW_SERVER_LOG = 'etagGuard.showLog';
export const SHOW_TRACE = 'etagGuard.showTrace';
export const COPY_AS_CURL = 'etagGuard.copyAsCurl';
export const IMPORT_CURL = 'etagGuard.importCurl';
export const RESEND_WITHOUT_PRECONDITIONS = 'etagGuard.resendWithoutPreconditions';
export const EXPORT_REPORT = 'etagGuard.exportReport';
export const CHECK_SERVER_PRECONDITIONS = 'etagGuard.checkServerPreconditions';
export const COPY_RESPONSE_BODY = 'etagGuard.copyResponseBody';
export const SAVE_RESPONSE_BODY = 'etagGuard.saveResponseBody';
export const SHOW_EVIDENCE = 'etagGuard.showEvidence';
export const FORGET_EVIDENCE = 'etagGuard.forgetEvidence';

/** The ids of the command table, in its order. */
export const COMMAND_IDS: readonly string[] = [
  SEND_REQUEST, SEND_ALL, SELECT_ENVIRONMENT, SHOW_HISTORY, CLEAR_HISTORY, SHOW_LOG, REFRESH_AND_RETRY, SHOW_TRACE,
  COPY_AS_CURL, IMPORT_CURL, RESEND_WITHOUT_PRECONDITIONS, EXPORT_REPORT, CHECK_SERVER_PRECONDITIONS,
  COPY_RESPONSE_BODY, SAVE_RESPONSE_BODY, SHOW_EVIDENCE, FORGET_EVIDENCE, SHOW_SERVER_LOG,
];

type Handler = (...args: never[]) => unknown;

/** Registers every id; `table` is asked for the handlers on the first call (it loads them, once the client is up). */
export function registerLazily(table: () => Promise<Record<string, Handler>>): vscode.Disposable[] {
  return COMMAND_IDS.map((id) => vscode.commands.registerCommand(id, async (...args: never[]) => (await table())[id](...args)));
}
