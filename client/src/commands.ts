/**
 * The one command table: every `etagGuard.*` command the extension registers (ids in command-ids.ts), id →
 * handler. It lives in the UI bundle, loaded on the first command (extension.ts). package.json
 * `contributes.commands` lists the same ids (a real-VS-Code test checks both ways); the first three are also
 * the language server's protocol (server/src/lsp/protocol.ts: its code lenses carry the send commands, the
 * client's 412 CodeLens and quick fix carry refreshAndRetry).
 */
import * as vscode from 'vscode';
import {
  CLEAR_HISTORY, COPY_AS_CURL, EXPORT_REPORT, IMPORT_CURL, REFRESH_AND_RETRY, RESEND_WITHOUT_PRECONDITIONS, SELECT_ENVIRONMENT,
  SEND_ALL, SEND_REQUEST, SHOW_HISTORY, SHOW_LOG, SHOW_TRACE, CHECK_SERVER_PRECONDITIONS,
  COPY_RESPONSE_BODY, SAVE_RESPONSE_BODY, SHOW_EVIDENCE, FORGET_EVIDENCE, SHOW_SERVER_LOG,
} from './command-ids';
import { copyAsCurl, importCurl, type CopyAsCurlOptions } from './escalation/curl-commands';
import { exportReport } from './escalation/export-command';
import { resendWithoutPreconditionsCommand, type ResendCommandOptions } from './escalation/resend-command';
import { checkServerPreconditions, type ProbeCommandOptions } from './probe/probe-command';
import type { Parts } from './parts';
import { showHistory } from './runner/history-command';
import { copyResponseBody, saveResponseBody } from './runner/response-body';

export type Handler = (...args: never[]) => unknown;
type Target = string | vscode.Uri;

export function commandTable({ runner, retry, environments, history, log, runs, traces, probes, view, evidence }: Parts, serverLog: vscode.OutputChannel): Record<string, Handler> {
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
    [SHOW_SERVER_LOG]: () => serverLog.show(true),
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
    // What the linter knows about each API (evidence that it versions its resources)
    [SHOW_EVIDENCE]: (uri?: vscode.Uri) => evidence.show(uri),
    [FORGET_EVIDENCE]: () => evidence.forget(),
  };
}
