/**
 * `etag-guard run --refresh-and-retry`: after a 412 or 428, the same refresh-and-retry flow the editor runs,
 * non-interactively. What changed on the server is always printed (never a silent overwrite); a POST is not
 * resent (that needs the editor's explicit confirmation); `--write` applies the file edits at the end.
 */
import type { Exchange, Session } from '../runner/executor';
import type { RunRecorder } from '../runner/report/recorder';
import { refreshAndRetry, type RetryOutcome } from '../runner/retry/refresh-and-retry';
import { capturedBy, type HttpFile, type TextEdit } from '../engine';
import { startLineOf } from '../engine/text/span';

export interface RetryStepContext {
  session: Session;
  file: HttpFile;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Pretty-mode output, one line at a time. */
  print?: (line: string) => void;
  /** Edits collected for `--write`, all relative to the file as read. */
  edits: TextEdit[];
  /** The run so far (`--trace`/`--report`): gives the capturing response and receives the findings. */
  recorder?: RunRecorder;
}

export async function retryStep(exchange: Exchange, ctx: RetryStepContext): Promise<RetryOutcome | undefined> {
  const requestIndex = ctx.file.requests.findIndex((r) => startLineOf(r.requestLine.range) === exchange.line);
  if (requestIndex < 0 || !exchange.response) return undefined;
  const print = ctx.print ?? (() => undefined);
  let rereadAt: number | undefined;
  const outcome = await refreshAndRetry(ctx.session, {
    file: ctx.file, requestIndex, sent: exchange.request, failed: exchange.attempts.at(-1)!, capturedBy: capturedBy(ctx.file, requestIndex),
    captured: ctx.recorder?.capturedSnapshot(exchange),
  }, {
    explain: (d) => {
      rereadAt = Date.now();
      print(`  ${exchange.response!.status} explained: ${d.failed ?? 'no precondition'} failed, cause ${d.cause}${d.sent ? `; sent ${d.sent}` : ''}${d.current ? `, current ${d.current}` : ''}`);
      for (const step of d.steps) print(`    ${step}`);
      print(`  advice: ${d.advice}`);
    },
    confirm: async (q) => {
      if (q.changes.length > 0) print('  what the write changes on the server now:');
      for (const line of q.changes) print(`    ${line}`);
      if (q.mandatory) print(`  not resent: a ${exchange.request.method} is resent only after an explicit confirmation in the editor`);
      return !q.mandatory;
    },
    applyEdit: async (edit) => {
      ctx.edits.push(...edit.edits);
      print(`  file: ${edit.description}`);
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }, { confirm: 'whenChanged', limits: { timeoutMs: ctx.timeoutMs, maxResponseBytes: ctx.maxResponseBytes } });
  print(outcome.final ? `  retried → ${outcome.final.status}` : `  not retried: ${outcome.stopped}`);
  ctx.recorder?.found(exchange, {
    diagnosis: outcome.diagnosis, reread: outcome.reread, rereadAt, retry: outcome.final, retryAt: outcome.final && Date.now(), stopped: outcome.stopped,
  });
  return outcome;
}
