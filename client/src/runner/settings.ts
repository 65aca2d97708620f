/**
 * Every `etagGuard.*` setting the extension itself reads (runner, 412 workflow, escalation), with its default:
 * the one place the VS Code side calls getConfiguration. The language server reads the linting settings
 * through LSP (server/src/lsp/settings.ts).
 */
import * as vscode from 'vscode';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type EnvironmentDocument } from '../../../server/src/runner/executor';
import { DEFAULT_PROTECTED_HOSTS } from '../../../server/src/runner/resend/host-policy';
import type { ResendPolicy } from '../../../server/src/runner/resend/resend';
import type { ConfirmPolicy } from '../../../server/src/runner/retry/refresh-and-retry';
import { mergeEnvironmentDocuments } from '../../../server/src/runner/executor/rest-client-settings';

export interface RunnerSettings {
  /** REST Client's `rest-client.environmentVariables` with `etagGuard.environments` over it. */
  environments: EnvironmentDocument;
  /** Default environment when none was picked in the status bar. */
  environment: string | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  allowSelfSignedHosts: string[];
  allowFilesOutsideWorkspace: boolean;
  followRedirects: boolean;
  /** Extra header, parameter and variable names to mask in logs, history, traces and reports. */
  maskNames: string[];
}

/** Reads the settings that apply to `scope` (a request file). */
export function readRunnerSettings(scope?: vscode.Uri): RunnerSettings {
  const c = vscode.workspace.getConfiguration('etagGuard', scope);
  return {
    environments: mergeEnvironmentDocuments(
      vscode.workspace.getConfiguration('rest-client', scope).get<EnvironmentDocument>('environmentVariables', {}) ?? {},
      c.get<EnvironmentDocument>('environments', {}),
    ),
    environment: c.get<string>('environment') || undefined,
    timeoutMs: c.get<number>('runner.timeoutMs', DEFAULT_TIMEOUT_MS),
    maxResponseBytes: c.get<number>('runner.maxResponseBytes', DEFAULT_MAX_RESPONSE_BYTES),
    allowSelfSignedHosts: c.get<string[]>('runner.allowSelfSignedHosts', []),
    allowFilesOutsideWorkspace: c.get<boolean>('runner.allowFilesOutsideWorkspace', false),
    followRedirects: c.get<boolean>('runner.followRedirects', true),
    maskNames: c.get<string[]>('runner.maskNames', []),
  };
}

const CONFIRM_POLICIES: readonly ConfirmPolicy[] = ['always', 'whenChanged', 'never'];

/** `etagGuard.retry.confirm` for `scope`, `whenChanged` when unset or invalid. */
export function confirmPolicy(scope: vscode.Uri): ConfirmPolicy {
  const value = vscode.workspace.getConfiguration('etagGuard', scope).get<string>('retry.confirm');
  return CONFIRM_POLICIES.find((p) => p === value) ?? 'whenChanged';
}

/** `etagGuard.copyAsCurl.maskSecrets` for `scope`. */
export function maskSecretsInCurl(scope: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('etagGuard', scope).get<boolean>('copyAsCurl.maskSecrets', false);
}

/** `etagGuard.allowUnconditionalResend` and `etagGuard.protectedHosts` for `scope`. */
export function resendPolicy(scope: vscode.Uri): ResendPolicy {
  const config = vscode.workspace.getConfiguration('etagGuard', scope);
  return {
    allowUnconditionalResend: config.get<boolean>('allowUnconditionalResend', false),
    protectedHosts: config.get<string[]>('protectedHosts', [...DEFAULT_PROTECTED_HOSTS]),
  };
}
