/**
 * "etag-guard: Check Server Precondition Support" on a request line: probes that request's URL with its
 * headers and environment (server/src/runner/probe), stores the result in the workspace's
 * `.etag-guard/probes.json` and opens the report card. Read-only checks by default; the write checks only after
 * a modal confirmation naming the URL, and never on a host in `etagGuard.protectedHosts`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { VERSION } from '../../../server/src/host/version';
import type { ProbeResult } from '../../../server/src/engine/probe/types';
import { Session } from '../../../server/src/runner/executor/session';
import { ProbeError, runProbe } from '../../../server/src/runner/probe/probe';
import { renderProbeMarkdown } from '../../../server/src/runner/probe/render-markdown';
import { saveProbe } from '../../../server/src/runner/probe/store';
import { isProtectedHost } from '../../../server/src/runner/resend/host-policy';
import type { RunStore } from '../../../server/src/runner/report/run-store';
import { resolveFromFile } from '../escalation/resolve-from-file';
import { requestTarget } from '../escalation/trace-target';
import type { EnvironmentPicker } from '../runner/environment-picker';
import { readRunnerSettings, resendPolicy } from '../runner/settings';
import type { ProbeView } from './probe-view';

export interface ProbeCommandOptions {
  /** Run the write checks (still refused on protected hosts). */
  write?: boolean;
  /**
   * The caller has had the user confirm: no modal. Only a programmatic caller (`executeCommand`, the real-VS-Code
   * tests) can pass it; the palette and menus never do.
   */
  confirmed?: boolean;
}

export interface ProbeCommandResult {
  result: ProbeResult;
  markdown: string;
  /** The store written, when it could be. */
  stored?: string;
}

const READ_ONLY = 'Read-only checks';
const WITH_WRITES = 'Read and write checks…';
const CONFIRM_WRITES = 'Run the write checks';

/** Runs the command; resolves to the result, or undefined when declined or impossible (with a message). */
export async function checkServerPreconditions(runs: RunStore, environments: EnvironmentPicker, view: ProbeView,
  uri?: string | vscode.Uri, line?: number, options: ProbeCommandOptions = {}): Promise<ProbeCommandResult | undefined> {
  const target = await requestTarget(uri, line);
  if (!target) return undefined;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('etag-guard: probing a server sends requests, which needs a trusted workspace.');
    return undefined;
  }
  let resolved;
  try {
    resolved = await resolveFromFile(target, runs, environments);
  } catch (err) {
    void vscode.window.showErrorMessage(`etag-guard: cannot probe this request: ${(err as Error).message}`);
    return undefined;
  }
  const url = new URL(resolved.url);
  const hostProtected = isProtectedHost(url.hostname, resendPolicy(target.document.uri).protectedHosts);
  const mode = await chooseMode(url.href, hostProtected, options);
  if (!mode) return undefined;
  const settings = readRunnerSettings(target.document.uri);
  const session = new Session({ allowSelfSignedHosts: settings.allowSelfSignedHosts });
  try {
    const { result } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `etag-guard: probing ${url.host}${url.pathname}`, cancellable: true },
      (_progress, token) => {
        const cancel = new AbortController();
        token.onCancellationRequested(() => cancel.abort());
        return runProbe(session, { url, headers: resolved.headers.map(([n, v]) => [n, v]) }, {
          write: mode.write, noWriteReason: mode.noWriteReason, tool: `etag-guard ${VERSION} (VS Code ${vscode.version})`,
          limits: { timeoutMs: settings.timeoutMs, maxResponseBytes: settings.maxResponseBytes, signal: cancel.signal },
        });
      });
    const markdown = renderProbeMarkdown(result);
    const stored = store(target.document.uri, result);
    await view.show(url.href, result.probedAt, markdown);
    return { result, markdown, stored };
  } catch (err) {
    const expected = err instanceof ProbeError || (err as { kind?: string }).kind !== undefined;
    void vscode.window.showErrorMessage(`etag-guard: ${expected ? '' : 'the probe failed: '}${(err as Error).message}`);
    return undefined;
  } finally {
    await session.close();
  }
}

interface Mode {
  write: boolean;
  noWriteReason?: string;
}

/** Read-only or with writes: asks unless the caller decided (and confirmed); never writes to a protected host. */
async function chooseMode(url: string, hostProtected: boolean, options: ProbeCommandOptions): Promise<Mode | undefined> {
  const refused = { write: false, noWriteReason: `Not run: ${new URL(url).hostname} is in etagGuard.protectedHosts, where the probe never writes.` };
  let write = options.write;
  if (write === undefined && options.confirmed !== true) {
    const choice = await vscode.window.showInformationMessage(`Check whether ${url} honours preconditions?`, {
      modal: true,
      detail: 'Read-only checks send GETs only. Write checks also send PUTs that carry exactly the bytes the server holds: a server that honours preconditions changes nothing.' +
        (hostProtected ? ' This host is in etagGuard.protectedHosts: only read-only checks are offered.' : ''),
    }, READ_ONLY, ...(hostProtected ? [] : [WITH_WRITES]));
    if (choice === undefined) return undefined;
    write = choice === WITH_WRITES;
  }
  if (!write) return { write: false, noWriteReason: 'Read-only run: choose the write checks to send PUTs that write back the bytes the server holds.' };
  if (hostProtected) {
    void vscode.window.showWarningMessage(`etag-guard: ${refused.noWriteReason} Running the read-only checks.`);
    return refused;
  }
  if (options.confirmed === true) return { write: true };
  const answer = await vscode.window.showWarningMessage(`Send PUT requests to ${url}?`, {
    modal: true,
    detail: 'Each PUT carries the bytes the server holds right now (read just before), with a precondition that should make the server refuse it, ' +
      'then with the current ETag, then without any precondition. The content stays the same, but its modification time changes, and a write by ' +
      'someone else in the same instant could be overwritten. Only on resources you may write to.',
  }, CONFIRM_WRITES);
  return answer === CONFIRM_WRITES ? { write: true } : undefined;
}

/** Saves the result in the request file's workspace folder; a failure is a warning, the report still opens. */
function store(document: vscode.Uri, result: ProbeResult): string | undefined {
  const root = vscode.workspace.getWorkspaceFolder(document)?.uri.fsPath ?? path.dirname(document.fsPath);
  try {
    return saveProbe(root, result);
  } catch (err) {
    void vscode.window.showWarningMessage(`etag-guard: the probe result was not stored: ${(err as Error).message}`);
    return undefined;
  }
}
