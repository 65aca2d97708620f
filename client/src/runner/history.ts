/** The last 50 runs, kept in the extension's global state (not the workspace), masked; pick one to look at it again. */
import * as vscode from 'vscode';
import { withoutSecretValues, type Exchange } from '../../../server/src/runner/executor';
import type { WireTap } from '../../../server/src/runner/trace/wire-tap';
import { addToHistory, historyEntry, historyLabel, type HistoryEntry } from '../../../server/src/runner/history/history-entry';

const KEY = 'etagGuard.history';

export class History {
  /** `onAdd` sees every run with its entry (the trace view and the report keep the run in memory). */
  constructor(private readonly state: vscode.Memento, private readonly tap?: WireTap, private readonly onAdd?: (uri: vscode.Uri, exchange: Exchange, entry: HistoryEntry, secrets: ReadonlySet<string>) => void) {}

  entries(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(KEY, []);
  }

  /**
   * Stores the run with `secrets` (values from $processEnv, $dotenv, secret-named variables) masked; `onAdd` gets
   * the exchange as sent, which Copy as cURL and Resend need.
   */
  async add(uri: vscode.Uri, exchange: Exchange, secrets: ReadonlySet<string> = new Set()): Promise<void> {
    const entry = historyEntry(uri.toString(), withoutSecretValues(exchange, secrets), this.tap);
    this.onAdd?.(uri, exchange, entry, secrets);
    await this.state.update(KEY, addToHistory(this.entries(), entry));
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, []);
  }

  /** Lets the user pick an entry, under a `title` that says what picking does; undefined when dismissed or empty. */
  async pick(title: string): Promise<HistoryEntry | undefined> {
    const entries = this.entries();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage('etag-guard: no requests sent yet.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(entries.map((entry) => ({ ...historyLabel(entry), entry })), {
      title, matchOnDescription: true,
    });
    return picked?.entry;
  }
}
