/** The `etagGuard.*` settings the request runner reads, with their defaults. */
import * as vscode from 'vscode';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type EnvironmentDocument } from '../../../server/src/runner/executor';

export interface RunnerSettings {
  environments: EnvironmentDocument;
  /** Default environment when none was picked in the status bar. */
  environment: string | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  allowSelfSignedHosts: string[];
  allowFilesOutsideWorkspace: boolean;
  followRedirects: boolean;
}

/** Reads the settings that apply to `scope` (a request file). */
export function readRunnerSettings(scope?: vscode.Uri): RunnerSettings {
  const c = vscode.workspace.getConfiguration('etagGuard', scope);
  return {
    environments: c.get<EnvironmentDocument>('environments', {}),
    environment: c.get<string>('environment') || undefined,
    timeoutMs: c.get<number>('runner.timeoutMs', DEFAULT_TIMEOUT_MS),
    maxResponseBytes: c.get<number>('runner.maxResponseBytes', DEFAULT_MAX_RESPONSE_BYTES),
    allowSelfSignedHosts: c.get<string[]>('runner.allowSelfSignedHosts', []),
    allowFilesOutsideWorkspace: c.get<boolean>('runner.allowFilesOutsideWorkspace', false),
    followRedirects: c.get<boolean>('runner.followRedirects', true),
  };
}
