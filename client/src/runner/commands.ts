/**
 * The runner's commands, as a table: id → handler. `registerRunner` builds the parts and registers them;
 * the ids match package.json `contributes.commands` and, for the first three, server/src/lsp/protocol.ts (the
 * language server's code lenses carry the send commands; the client's own 412 CodeLens and quick fix carry
 * refreshAndRetry).
 */
import * as vscode from 'vscode';
import { REFRESH_AND_RETRY, SEND_ALL, SEND_REQUEST } from '../../../server/src/lsp/protocol';
import { RefreshAndRetryCommand } from '../retry/command';
import { BodyDiffs } from '../retry/diff-view';
import { FailureExplainer } from '../retry/explainer';
import { PreconditionFailures } from '../retry/failures';
import { escalationStore, registerEscalation } from '../escalation/escalation';
import { registerRetryProviders } from '../retry/register';
import { EnvironmentPicker } from './environment-picker';
import { History } from './history';
import { PreconditionDiagnostics } from './precondition-diagnostics';
import { RequestRunner } from './request-runner';
import { ResponseView } from './response-view';
import { RunLog } from './run-log';

export const SELECT_ENVIRONMENT = 'etagGuard.selectEnvironment';
export const SHOW_HISTORY = 'etagGuard.showHistory';
export const CLEAR_HISTORY = 'etagGuard.clearHistory';
export const SHOW_LOG = 'etagGuard.showRunnerLog';

type Handler = (...args: never[]) => unknown;

/** Creates the runner and registers its commands; everything is disposed with the extension. */
export function registerRunner(context: vscode.ExtensionContext): RequestRunner {
  const log = new RunLog();
  const escalation = escalationStore();
  const history = new History(context.globalState, escalation.tap, escalation.historyHook);
  const environments = new EnvironmentPicker(context.workspaceState, SELECT_ENVIRONMENT);
  registerEscalation(context, escalation.runs, history, environments);
  const view = new ResponseView();
  const diagnostics = new PreconditionDiagnostics();
  const failures = new PreconditionFailures();
  const diffs = new BodyDiffs();
  const runner = new RequestRunner({ view, history, log, diagnostics, environments, failures, explainer: new FailureExplainer({ view, log, failures }) });
  const retry = new RefreshAndRetryCommand({ runner, failures, view, log, diagnostics, diffs });
  const commands: Record<string, Handler> = {
    [SEND_REQUEST]: (uri?: string | vscode.Uri, line?: number) => runner.sendRequest(uri, line),
    [SEND_ALL]: (uri?: string | vscode.Uri) => runner.sendAll(uri),
    [REFRESH_AND_RETRY]: (uri?: string | vscode.Uri, line?: number) => retry.run(uri, line),
    [SELECT_ENVIRONMENT]: () => environments.pick(),
    [SHOW_HISTORY]: async () => {
      const entry = await history.pick();
      return entry ? runner.rerun(entry) : [];
    },
    [CLEAR_HISTORY]: () => history.clear(),
    [SHOW_LOG]: () => log.channel.show(true),
  };
  context.subscriptions.push(log, environments, view, diagnostics, failures, diffs, runner, ...registerRetryProviders(failures), ...Object.entries(commands).map(([id, run]) => vscode.commands.registerCommand(id, run)));
  return runner;
}
