/**
 * Drives refresh-and-retry in tests: runs a request file, takes the failing exchange, and records what the
 * ports were asked (confirmations, edits, sleeps) so each test can assert the whole flow.
 */
import * as assert from 'node:assert/strict';
import { runAll, type Exchange, type Session } from '../../server/src/runner/executor';
import { refreshAndRetry, type ConfirmPolicy, type RetryOutcome, type RetryQuestion } from '../../server/src/runner/retry/refresh-and-retry';
import { applyTextEdits, parseHttp, type PreconditionEdit } from '../../server/src/engine';
import { source } from '../runner/helpers';

export interface RetryRun {
  outcome: RetryOutcome;
  results: Exchange[];
  questions: RetryQuestion[];
  edited: string;
  sleeps: number[];
}

export interface RetryRunOptions {
  overrides?: Record<string, string>;
  confirm?: ConfirmPolicy;
  answer?: boolean;
  /** Called by the sleep port instead of sleeping (e.g. to advance a fake clock); without it, it really sleeps. */
  onSleep?: (ms: number) => void;
  /** Called as each request of the file finishes (e.g. to have another client change the resource meanwhile). */
  onExchange?: (exchange: Exchange) => Promise<void>;
}

/** Runs `text`, then refresh-and-retry on the last request (which must have failed with 412/428). */
export async function runAndRetry(session: Session, text: string, options: RetryRunOptions = {}): Promise<RetryRun> {
  const src = source(text);
  const results = await runAll(src, session, { overrides: options.overrides, onExchange: options.onExchange });
  const failing = results.at(-1)!;
  assert.ok(failing.response && [412, 428].includes(failing.response.status), `expected 412/428, got ${failing.response?.status ?? failing.error?.message}`);
  const questions: RetryQuestion[] = [];
  const sleeps: number[] = [];
  let edited = text;
  const requestIndex = src.file.requests.length - 1;
  const outcome = await refreshAndRetry(session, {
    file: parseHttp(text), requestIndex, sent: failing.request, failed: failing.attempts.at(-1)!,
  }, {
    confirm: async (q) => { questions.push(q); return options.answer ?? true; },
    applyEdit: async (e: PreconditionEdit) => { edited = applyTextEdits(edited, e.edits); },
    sleep: async (ms) => {
      sleeps.push(ms);
      if (options.onSleep) options.onSleep(ms);
      else await new Promise((r) => setTimeout(r, ms));
    },
  }, { confirm: options.confirm ?? 'whenChanged', limits: { timeoutMs: 5000, maxResponseBytes: 1 << 20 }, backoff: { attempts: 3, baseMs: 400, maxMs: 4000, random: () => 0.5 } });
  return { outcome, results, questions, edited, sleeps };
}
