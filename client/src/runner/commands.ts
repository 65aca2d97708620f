/**
 * The runner's commands, as a table: id → handler. `registerRunner` builds the parts and registers them;
 * the ids match package.json `contributes.commands` and, for the first two, server/src/protocol.ts (the
 * language server's code lenses carry them).
 */
import * as vscode from 'vscode';
import { SEND_ALL, SEND_REQUEST } from '../../../server/src/protocol';
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
  const history = new History(context.globalState);
  const environments = new EnvironmentPicker(context.workspaceState, SELECT_ENVIRONMENT);
  const view = new ResponseView();
  const diagnostics = new PreconditionDiagnostics();
  const runner = new RequestRunner({ view, history, log, diagnostics, environments });
  const commands: Record<string, Handler> = {
    [SEND_REQUEST]: (uri?: string | vscode.Uri, line?: number) => runner.sendRequest(uri, line),
    [SEND_ALL]: (uri?: string | vscode.Uri) => runner.sendAll(uri),
    [SELECT_ENVIRONMENT]: () => environments.pick(),
    [SHOW_HISTORY]: async () => {
      const entry = await history.pick();
      return entry ? runner.rerun(entry) : [];
    },
    [CLEAR_HISTORY]: () => history.clear(),
    [SHOW_LOG]: () => log.channel.show(true),
  };
  context.subscriptions.push(log, environments, view, diagnostics, runner, ...Object.entries(commands).map(([id, run]) => vscode.commands.registerCommand(id, run)));
  return runner;
}
