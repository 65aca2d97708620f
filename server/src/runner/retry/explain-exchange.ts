/**
 * Explains a 412/428 the moment it arrives: one re-read (HEAD, falling back to GET; the request's own
 * credentials, no preconditions, `Cache-Control: no-cache`), then the same `diagnose` refresh-and-retry uses.
 * VS Code-free. Done right away because the re-read is safe and the state closest to the failure explains it
 * best (Apache's weak-after-write window lasts about a second).
 */
import type { Diagnosis } from '../../engine';
import type { Exchange, Session } from '../executor';
import type { HopResult, SendLimits } from '../executor/send';
import { diagnoseFailure } from './refresh-and-retry';
import { reread } from './reread';

/** A diagnosis with the re-read it was made from (what the incident report records). */
export interface Explained {
  diagnosis: Diagnosis;
  /** Undefined when the re-read failed. */
  reread?: HopResult;
}

/**
 * The diagnosis of `exchange`, which ended in 412/428. A re-read that fails is part of the diagnosis ("could
 * not be re-read"); a cancelled one throws.
 */
export async function explainExchange(session: Session, exchange: Exchange, limits: SendLimits, capturedBy?: string): Promise<Diagnosis> {
  return (await explainWithReread(session, exchange, limits, capturedBy)).diagnosis;
}

/** `explainExchange` with the re-read it made. */
export async function explainWithReread(session: Session, exchange: Exchange, limits: SendLimits, capturedBy?: string): Promise<Explained> {
  const failed = exchange.attempts.at(-1);
  if (!failed) throw new Error('explainExchange needs an exchange with a response');
  let read;
  try {
    read = await reread(session, exchange.request, limits, false);
  } catch (err) {
    if (limits.signal?.aborted) throw err;
    read = undefined;
  }
  return { diagnosis: diagnoseFailure(exchange.request, failed, read, capturedBy), reread: read };
}
