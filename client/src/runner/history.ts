/** The last 50 runs, kept in the extension's global state (not the workspace), masked; pick one to look at it again. */
import * as vscode from 'vscode';
import type { Exchange } from '../../../server/src/runner/executor';
import type { WireTap } from '../../../server/src/runner/trace/wire-tap';
import { addToHistory, historyEntry, historyLabel, type HistoryEntry } from '../../../server/src/runner/history/history-entry';

const KEY = 'etagGuard.history';

export class History {
  /** `onAdd` sees every run with its entry (the trace view and the report keep the run in memory). */
  constructor(private readonly state: vscode.Memento, private readonly tap?: WireTap, private readonly onAdd?: (uri: vscode.Uri, exchange: Exchange, entry: HistoryEntry) => void) {}

  entries(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(KEY, []);
  }

  async add(uri: vscode.Uri, exchange: Exchange): Promise<void> {
    const entry = historyEntry(uri.toString(), exchange, this.tap);
    this.onAdd?.(uri, exchange, entry);
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
