/**
 * A request resolved from its file in the editor without sending it: the selected environment, `.env` and the
 * responses of named requests that already ran substituted. Copy as cURL (for a request that has not run) and
 * Check Server Precondition Support use it. Needs a trusted workspace: it reads environment files.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadDotenv, loadEnvironments } from '../../../server/src/runner/executor/environments';
import { Session } from '../../../server/src/runner/executor/session';
import { resolveRequest } from '../../../server/src/runner/curl/resolve';
import type { CurlRequest } from '../../../server/src/runner/curl/to-curl';
import type { RunStore } from '../../../server/src/runner/report/run-store';
import type { EnvironmentPicker } from '../runner/environment-picker';
import { readRunnerSettings } from '../runner/settings';
import type { RequestTarget } from './trace-target';

/** The request as it would be sent now; throws an Error that says what is missing. */
export async function resolveFromFile({ document, file, request }: RequestTarget, runs: RunStore, environments: EnvironmentPicker): Promise<CurlRequest> {
  if (!vscode.workspace.isTrusted) throw new Error('resolving variables reads environment files; trust the workspace, or send the request first.');
  const settings = readRunnerSettings(document.uri);
  const fileDir = path.dirname(document.uri.fsPath);
  const workspaceRoot = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? fileDir;
  const environment = loadEnvironments(fileDir, workspaceRoot, settings.environments).variables(environments.selected(document.uri));
  const dotenv = loadDotenv(fileDir, workspaceRoot);
  const session = new Session();
  // Responses of named requests that already ran feed {{name.response…}} references.
  for (const e of runs.recorder(document.uri.toString()).all()) if (e.name) session.responses.set(e.name, e);
  try {
    return await resolveRequest({ path: document.uri.fsPath, file }, request, session, {
      environment, dotenv: (n) => dotenv.get(n), workspaceRoot, allowFilesOutsideWorkspace: settings.allowFilesOutsideWorkspace,
    });
  } finally {
    await session.close();
  }
}
