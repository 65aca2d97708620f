/**
 * Builds the extension's long-lived parts once (run log, history, environments, response view, 412 workflow,
 * trace store) and hands them to the command table and the providers; everything is disposed with the
 * extension.
 */
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../server/src/runner/history/history-entry';
import type { Exchange } from '../../server/src/runner/executor/types';
import { RunStore } from '../../server/src/runner/report/run-store';
import { wireTap } from '../../server/src/runner/trace/wire-tap';
import { SELECT_ENVIRONMENT } from './command-ids';
import { TraceView } from './escalation/trace-view';
import { ProbeView } from './probe/probe-view';
import { RefreshAndRetryCommand } from './retry/command';
import { BodyDiffs } from './retry/diff-view';
import { FailureExplainer } from './retry/explainer';
import { PreconditionFailures } from './retry/failures';
import { EnvironmentPicker } from './runner/environment-picker';
import { History } from './runner/history';
import { PreconditionDiagnostics } from './runner/precondition-diagnostics';
import { RequestRunner } from './runner/request-runner';
import { ResponseView } from './runner/response-view';
import { RunLog } from './runner/run-log';
import { RememberedEvidence } from './runner/evidence';
import { RunStateReporter } from './runner/run-state';

export interface Parts {
  log: RunLog;
  history: History;
  environments: EnvironmentPicker;
  failures: PreconditionFailures;
  runner: RequestRunner;
  retry: RefreshAndRetryCommand;
  /** The recent runs with their wire traces (Show trace, Copy as cURL, Resend, Export report). */
  runs: RunStore;
  traces: TraceView;
  /** The probe's report cards (Check Server Precondition Support). */
  probes: ProbeView;
  view: ResponseView;
  /** What the runner has seen, as linter evidence. */
  evidence: RememberedEvidence;
  /** What `{{…}}` would read now, for the language server's hovers. */
  runState: RunStateReporter;
}

export function createParts(context: vscode.ExtensionContext): Parts {
  const log = new RunLog();
  const tap = wireTap();
  const runs = new RunStore(tap);
  // The history feeds the run store every finished run, with its trace.
  const history = new History(context.globalState, tap, (uri: vscode.Uri, exchange: Exchange, entry: HistoryEntry, secrets: ReadonlySet<string>) => runs.add(uri.toString(), exchange, entry.trace, secrets));
  const runState = new RunStateReporter();
  const environments = new EnvironmentPicker(context.workspaceState, SELECT_ENVIRONMENT, (name) => runState.environment(name));
  const traces = new TraceView(history);
  const probes = new ProbeView();
  const view = new ResponseView();
  const diagnostics = new PreconditionDiagnostics();
  const failures = new PreconditionFailures();
  const diffs = new BodyDiffs();
  const evidence = new RememberedEvidence();
  const runner = new RequestRunner({ view, history, log, diagnostics, environments, failures, evidence, runState, explainer: new FailureExplainer({ view, log, failures, runs, diagnostics }) });
  const retry = new RefreshAndRetryCommand({ runner, failures, view, log, diagnostics, diffs, runs });
  context.subscriptions.push(runState, log, environments, traces, probes, view, diagnostics, failures, diffs, runner);
  return { log, history, environments, failures, runner, retry, runs, traces, probes, view, evidence, runState };
}
