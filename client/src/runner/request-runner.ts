/**
 * Sends requests from the editor: checks workspace trust, resolves environment and settings, keeps one
 * session per request file (so later sends see earlier responses and cookies), shows progress with cancel,
 * and hands each exchange to the response view, history, log and 412/428 diagnostics.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseHttp, type HttpFile, type HttpRequest } from '../../../server/src/engine';
import { addSecretNames, loadDotenv, loadEnvironments, requestAtLine, runAll, Session, withoutSecretValues, type Exchange } from '../../../server/src/runner/executor';
import type { SendLimits } from '../../../server/src/runner/executor/send';
import type { EnvironmentPicker } from './environment-picker';
import type { History } from './history';
import type { PreconditionDiagnostics } from './precondition-diagnostics';
import type { ResponseView } from './response-view';
import type { RunLog } from './run-log';
import { readRunnerSettings } from './settings';
import { askInInputBox } from './prompt-input';

export interface RunnerParts {
  view: ResponseView;
  history: History;
  log: RunLog;
  diagnostics: PreconditionDiagnostics;
  environments: EnvironmentPicker;
  /** The 412 workflow (client/src/retry): remembers each 412/428 and explains it as it arrives. */
  failures: { record(uri: vscode.Uri, exchange: Exchange): void };
  /** What the runner has seen, remembered as linter evidence (./evidence.ts). */
  evidence: { record(uri: vscode.Uri, exchange: Exchange): void };
  /** The session's captures, for the language server's hovers (./run-state.ts). */
  runState: { session(uri: vscode.Uri, session: Session): void };
  explainer: { explain(document: vscode.TextDocument, file: HttpFile, exchange: Exchange, session: Session, limits: SendLimits): Promise<void> };
}

const UNTRUSTED = 'etag-guard: sending requests is disabled in an untrusted workspace (it reads environment and .env files ' +
  'and contacts servers). Trust the workspace to send requests.';

export class RequestRunner implements vscode.Disposable {
  private readonly sessions = new Map<string, { session: Session; hosts: string }>();

  constructor(private readonly parts: RunnerParts) {}

  /** Sends the request at `line` (0-based) of `uri`; without arguments, the one at the cursor. */
  async sendRequest(uri?: string | vscode.Uri, line?: number): Promise<Exchange[]> {
    const target = await this.document(uri);
    if (!target) return [];
    const file = parseHttp(target.document.getText());
    const request = requestAtLine(file, line ?? target.cursorLine);
    if (!request) return this.nothingToSend();
    return this.execute(target.document, file, [request], `Sending ${request.requestLine.method} ${request.requestLine.url}`);
  }

  /** Sends every request of `uri` (default: the active editor) in order. */
  async sendAll(uri?: string | vscode.Uri): Promise<Exchange[]> {
    const target = await this.document(uri);
    if (!target) return [];
    const file = parseHttp(target.document.getText());
    if (file.requests.length === 0) return this.nothingToSend();
    return this.execute(target.document, file, file.requests, `Sending ${file.requests.length} requests`);
  }

  /** Runs `requests` (parsed from `file`, so references between them are found by identity). */
  private async execute(document: vscode.TextDocument, file: HttpFile, requests: HttpRequest[], title: string): Promise<Exchange[]> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(UNTRUSTED);
      return [];
    }
    const settings = readRunnerSettings(document.uri);
    addSecretNames(settings.maskNames);
    const fileDir = path.dirname(document.uri.fsPath);
    const workspaceRoot = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? fileDir;
    const envName = this.parts.environments.selected(document.uri);
    let environment: Record<string, string>;
    try {
      environment = loadEnvironments(fileDir, workspaceRoot, settings.environments).variables(envName);
    } catch (err) {
      void vscode.window.showErrorMessage(`etag-guard: ${(err as Error).message}`);
      return [];
    }
    let dotenv: Map<string, string> | undefined;
    const session = this.session(document.uri, settings.allowSelfSignedHosts);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const cancel = new AbortController();
      const subscription = token.onCancellationRequested(() => cancel.abort());
      try {
        const exchanges = await runAll({ path: document.uri.fsPath, file }, session, {
          requests, environment, workspaceRoot, signal: cancel.signal,
          timeoutMs: settings.timeoutMs, maxResponseBytes: settings.maxResponseBytes,
          followRedirects: settings.followRedirects, allowFilesOutsideWorkspace: settings.allowFilesOutsideWorkspace,
          dotenv: (name) => (dotenv ??= loadDotenv(fileDir, workspaceRoot)).get(name),
          ask: askInInputBox,
          onExchange: async (exchange) => {
            progress.report({ message: `${exchange.request.method} ${exchange.response?.status ?? 'failed'}` });
            // finished() puts the response in the view synchronously; its tab opens while the 412 is explained.
            const shown = this.finished(document, exchange);
            // Right away, before the next request of a "Send all" can change the resource or the clocks move on.
            await this.parts.explainer.explain(document, file, exchange, session, { timeoutMs: settings.timeoutMs, maxResponseBytes: settings.maxResponseBytes, signal: cancel.signal });
            // The command resolves once every response tab is open (it used to resolve before, racing its callers).
            await shown;
          },
        });
        return exchanges;
      } finally {
        subscription.dispose();
      }
    });
  }

  /** Reports a finished exchange (also a refresh-and-retry's resend, with its `explanation` lines). */
  async finished(document: vscode.TextDocument, exchange: Exchange, explanation?: string[]): Promise<void> {
    const session = this.sessions.get(document.uri.toString())?.session;
    // What people see and what is stored shows no value from $processEnv, $dotenv or a secret-named variable;
    // the 412 workflow and the run store (Copy as cURL, Resend) keep the real exchange, which they send again.
    const shown = session ? withoutSecretValues(exchange, session.secrets) : exchange;
    this.parts.log.exchange(shown);
    this.parts.diagnostics.update(document, exchange);
    this.parts.failures.record(document.uri, exchange);
    this.parts.evidence.record(document.uri, exchange);
    if (session) this.parts.runState.session(document.uri, session);
    if (shown.error && shown.error.kind !== 'cancelled') void vscode.window.showErrorMessage(`etag-guard: ${shown.error.message}`);
    await Promise.all([this.parts.history.add(document.uri, exchange, session?.secrets), this.parts.view.show(shown, document.uri, explanation)]);
  }

  /** The file's session; a new one when the self-signed host list changed (it is baked into the dispatcher). */
  session(uri: vscode.Uri, allowSelfSignedHosts: string[]): Session {
    const key = uri.toString();
    const hosts = JSON.stringify(allowSelfSignedHosts);
    const existing = this.sessions.get(key);
    if (existing && existing.hosts === hosts) return existing.session;
    void existing?.session.close();
    const session = new Session({ allowSelfSignedHosts });
    this.sessions.set(key, { session, hosts });
    return session;
  }

  /** The document of `uri` (default: the active editor) and the cursor line when it is the active one. */
  async document(uri?: string | vscode.Uri): Promise<{ document: vscode.TextDocument; cursorLine: number } | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (uri === undefined) {
      if (!editor) {
        void vscode.window.showInformationMessage('etag-guard: open a .http file to send a request.');
        return undefined;
      }
      return { document: editor.document, cursorLine: editor.selection.active.line };
    }
    const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    const document = await vscode.workspace.openTextDocument(target);
    const cursorLine = editor?.document.uri.toString() === target.toString() ? editor.selection.active.line : 0;
    return { document, cursorLine };
  }

  private nothingToSend(): Exchange[] {
    void vscode.window.showInformationMessage('etag-guard: there is no request to send here.');
    return [];
  }

  dispose(): void {
    for (const { session } of this.sessions.values()) void session.close();
    this.sessions.clear();
  }
}
