/**
 * Tells the language server what the runner would substitute for `{{…}}` now (`etagGuard/runStateChanged`,
 * protocol.ts), so its hovers show current values: the picked environment, whether environment files may be
 * read (workspace trust), and after each run the file's session captures. The latest state is kept and sent
 * again when the client attaches.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Exchange, Session } from '../../../server/src/runner/executor';
import { snapshotOf } from '../../../server/src/runner/executor/session-snapshot';
import { RUN_STATE_CHANGED, type RunStateParams } from '../../../server/src/lsp/protocol';

export class RunStateReporter implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private environmentName: string | null = null;
  /** Per request file, the exchanges the server has (by request name): later updates send only what changed. */
  private readonly sent = new Map<string, Map<string, Exchange>>();
  private readonly trust = vscode.workspace.onDidGrantWorkspaceTrust(() => this.send({ trusted: true }));

  attach(client: LanguageClient): void {
    this.client = client;
    this.sent.clear();
    this.send({ environment: this.environmentName, trusted: vscode.workspace.isTrusted });
  }

  /** The environment requests of the active file are sent with changed (picked, or the setting). */
  environment(name: string | undefined): void {
    if ((name ?? null) === this.environmentName) return;
    this.environmentName = name ?? null;
    this.send({ environment: this.environmentName });
  }

  /** A request of `uri` ran: its session's responses and captures are what references read now. */
  session(uri: vscode.Uri, session: Session): void {
    const key = uri.toString();
    let sent = this.sent.get(key);
    if (!sent) this.sent.set(key, (sent = new Map()));
    this.send({ session: { uri: key, ...snapshotOf(session, sent) } });
  }

  private send(params: RunStateParams): void {
    void this.client?.sendNotification(RUN_STATE_CHANGED, params).catch(() => undefined);
  }

  dispose(): void {
    this.trust.dispose();
  }
}
