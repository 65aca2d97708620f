/**
 * "Show request history": pick a past run and see what it got again — the stored response in the response
 * view while this session still holds it, else the run's stored (masked) trace. Nothing is sent: a PUT in the
 * list is history, not a button that writes again (send from the file's lens for that).
 */
import * as vscode from 'vscode';
import type { Exchange } from '../../../server/src/runner/executor/types';
import type { HistoryEntry } from '../../../server/src/runner/history/history-entry';
import type { RunStore } from '../../../server/src/runner/report/run-store';
import type { History } from './history';
import type { ResponseView } from './response-view';

export const PICK_HISTORY = 'etag-guard: request history (pick one to see its response again: nothing is sent)';

export interface HistoryCommandParts {
  history: History;
  runs: RunStore;
  view: ResponseView;
  /** Opens a history entry's stored trace (the fallback when the response is no longer in memory). */
  showTrace(entry: HistoryEntry): Promise<string | undefined>;
}

/** Resolves to the exchange shown again, the trace text shown instead, or undefined when nothing was picked. */
export async function showHistory(parts: HistoryCommandParts): Promise<Exchange | string | undefined> {
  const entry = await parts.history.pick(PICK_HISTORY);
  if (!entry) return undefined;
  const stored = parts.runs.recorder(entry.uri).all().find((e) => e.startedAt === entry.at && e.line === entry.line && e.request.method === entry.method);
  if (!stored) return parts.showTrace(entry);
  await parts.view.show(stored, vscode.Uri.parse(entry.uri));
  return stored;
}
