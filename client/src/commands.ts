/**
 * The one command table: every `etagGuard.*` command the extension registers, id → handler. package.json
 * `contributes.commands` lists the same ids (a real-VS-Code test checks both ways); the first three are also
 * the language server's protocol (server/src/lsp/protocol.ts: its code lenses carry the send commands, the
 * client's 412 CodeLens and quick fix carry refreshAndRetry).
 */
import * as vscode from 'vscode';
import { REFRESH_AND_RETRY, SEND_ALL, SEND_REQUEST } from '../../server/src/lsp/protocol';
import { copyAsCurl, importCurl, type CopyAsCurlOptions } from './escalation/curl-commands';
import { exportReport } from './escalation/export-command';
import { resendWithoutPreconditionsCommand, type ResendCommandOptions } from './escalation/resend-command';
import { checkServerPreconditions, type ProbeCommandOptions } from './probe/probe-command';
import type { Parts } from './parts';
import { showHistory } from './runner/history-command';
import { copyResponseBody, saveResponseBody } from './runner/response-body';

export const SELECT_ENVIRONMENT = 'etagGuard.selectEnvironment';
export const SHOW_HISTORY = 'etagGuard.showHistory';
export const CLEAR_HISTORY = 'etagGuard.clearHistory';
export const SHOW_LOG = 'etagGuard.showRunnerLog';
export const SHOW_TRACE = 'etagGuard.showTrace';
export const COPY_AS_CURL = 'etagGuard.copyAsCurl';
export const IMPORT_CURL = 'etagGuard.importCurl';
export const RESEND_WITHOUT_PRECONDITIONS = 'etagGuard.resendWithoutPreconditions';
export const EXPORT_REPORT = 'etagGuard.exportReport';
export const CHECK_SERVER_PRECONDITIONS = 'etagGuard.checkServerPreconditions';
export const COPY_RESPONSE_BODY = 'etagGuard.copyResponseBody';
export const SAVE_RESPONSE_BODY = 'etagGuard.saveResponseBody';

type Handler = (...args: never[]) => unknown;
type Target = string | vscode.Uri;

export function commandTable({ runner, retry, environments, history, log, runs, traces, probes, view }: Parts): Record<string, Handler> {
  return {
    // Run requests
    [SEND_REQUEST]: (uri?: Target, line?: number) => runner.sendRequest(uri, line),
    [SEND_ALL]: (uri?: Target) => runner.sendAll(uri),
    [SELECT_ENVIRONMENT]: () => environments.pick(),
    [SHOW_HISTORY]: () => showHistory({ history, runs, view, showTrace: (entry) => traces.showEntry(entry) }),
    [CLEAR_HISTORY]: () => history.clear(),
    [COPY_RESPONSE_BODY]: (uri?: vscode.Uri) => copyResponseBody(view, uri),
    [SAVE_RESPONSE_BODY]: (uri?: vscode.Uri, target?: string) => saveResponseBody(view, uri, target),
    [SHOW_LOG]: () => log.channel.show(true),
    // After a 412
    [REFRESH_AND_RETRY]: (uri?: Target, line?: number) => retry.run(uri, line),
    // Trace, compare and escalate
    [SHOW_TRACE]: (uri?: Target, line?: number) => traces.show(uri, line),
    [COPY_AS_CURL]: (uri?: Target, line?: number, options?: CopyAsCurlOptions) => copyAsCurl(runs, environments, uri, line, options),
    [IMPORT_CURL]: (command?: string) => importCurl(command),
    [RESEND_WITHOUT_PRECONDITIONS]: (uri?: Target, line?: number, options?: ResendCommandOptions) => resendWithoutPreconditionsCommand(runs, uri, line, options),
    [EXPORT_REPORT]: (uri?: Target, target?: string) => exportReport(runs, uri, target),
    // Does the server honour preconditions? (the probe)
    [CHECK_SERVER_PRECONDITIONS]: (uri?: Target, line?: number, options?: ProbeCommandOptions) =>
      checkServerPreconditions(runs, environments, probes, uri, line, options),
  };
}

/** Registers every command of `table`; the disposables go to the extension's subscriptions. */
export function registerCommands(table: Record<string, Handler>): vscode.Disposable[] {
  return Object.entries(table).map(([id, run]) => vscode.commands.registerCommand(id, run));
}
