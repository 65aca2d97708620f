/**
 * Registers the "trace, compare and escalate" commands: Show trace, Copy as cURL, Import cURL, Resend without
 * preconditions and Export 412 report. The runner's history feeds them every finished run (see `historyHook`).
 */
import * as vscode from 'vscode';
import { copyAsCurl, importCurl, type CopyAsCurlOptions } from './curl-commands';
import { resendWithoutPreconditionsCommand, type ResendCommandOptions } from './resend-command';
import type { EnvironmentPicker } from '../runner/environment-picker';
import type { History } from '../runner/history';
import type { HistoryEntry } from '../../../server/src/runner/history/history-entry';
import type { Exchange } from '../../../server/src/runner/executor/types';
import { RunStore } from '../../../server/src/runner/trace/run-store';
import { TraceView } from './trace-view';
import { wireTap } from '../../../server/src/runner/trace/wire-tap';
import { exportReport } from './export-command';

export const SHOW_TRACE = 'etagGuard.showTrace';
export const COPY_AS_CURL = 'etagGuard.copyAsCurl';
export const IMPORT_CURL = 'etagGuard.importCurl';
export const RESEND_WITHOUT_PRECONDITIONS = 'etagGuard.resendWithoutPreconditions';
export const EXPORT_REPORT = 'etagGuard.exportReport';

/** The recent runs, and the history's `onAdd` that fills them; create before the History. */
export function escalationStore(): { runs: RunStore; tap: ReturnType<typeof wireTap>; historyHook: (uri: vscode.Uri, exchange: Exchange, entry: HistoryEntry) => void } {
  const tap = wireTap();
  const runs = new RunStore(tap);
  return { runs, tap, historyHook: (uri, exchange, entry) => runs.add(uri.toString(), exchange, entry.trace) };
}

/** Registers the commands; everything is disposed with the extension. */
export function registerEscalation(context: vscode.ExtensionContext, runs: RunStore, history: History, environments: EnvironmentPicker): void {
  const traces = new TraceView(history);
  const commands: Record<string, (...args: never[]) => unknown> = {
    [SHOW_TRACE]: (uri?: string | vscode.Uri, line?: number) => traces.show(uri, line),
    [COPY_AS_CURL]: (uri?: string | vscode.Uri, line?: number, options?: CopyAsCurlOptions) => copyAsCurl(runs, environments, uri, line, options),
    [IMPORT_CURL]: (command?: string) => importCurl(command),
    [RESEND_WITHOUT_PRECONDITIONS]: (uri?: string | vscode.Uri, line?: number, options?: ResendCommandOptions) => resendWithoutPreconditionsCommand(runs, uri, line, options),
    [EXPORT_REPORT]: (uri?: string | vscode.Uri, target?: string) => exportReport(runs, uri, target),
  };
  context.subscriptions.push(traces, ...Object.entries(commands).map(([id, run]) => vscode.commands.registerCommand(id, run)));
}
