/**
 * Request history as stored in the extension's global storage (never in the workspace): a short, masked
 * summary of each run, newest first, at most 50. Pure, so it is tested without VS Code.
 */
import { maskUrl, type Exchange } from '../executor';
import { traceOf, type Trace } from '../trace/trace';
import type { WireTap } from '../trace/wire-tap';

export const HISTORY_LIMIT = 50;

export interface HistoryEntry {
  /** The request file. */
  uri: string;
  /** 0-based request line when it ran (the request is found again by name first). */
  line: number;
  name?: string;
  method: string;
  /** With secret query parameters masked. */
  url: string;
  status?: number;
  error?: string;
  durationMs: number;
  /** Epoch ms. */
  at: number;
  /** What was sent and received, masked ("Show trace"). */
  trace?: Trace;
}

/** The entry for a finished exchange; with the wire tap, its trace has the connection details. */
export function historyEntry(uri: string, exchange: Exchange, tap?: WireTap): HistoryEntry {
  return {
    trace: traceOf(exchange, tap),
    uri, line: exchange.line, name: exchange.name, method: exchange.request.method, url: maskUrl(exchange.request.url),
    status: exchange.response?.status, error: exchange.error?.message, durationMs: Math.round(exchange.timings.totalMs), at: exchange.startedAt,
  };
}

/** `entries` with `entry` first, capped at `HISTORY_LIMIT`. */
export function addToHistory(entries: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...entries].slice(0, HISTORY_LIMIT);
}

/** The quick-pick line for an entry: `200  PUT http://…  · item · 12 ms`. */
export function historyLabel(entry: HistoryEntry): { label: string; description: string } {
  const outcome = entry.status !== undefined ? String(entry.status) : 'failed';
  return {
    label: `${outcome}  ${entry.method} ${entry.url}`,
    description: [entry.name, `${entry.durationMs} ms`, new Date(entry.at).toLocaleTimeString()].filter(Boolean).join(' · '),
  };
}
