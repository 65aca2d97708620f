/**
 * One-click refresh-and-retry after a 412 or 428, VS Code-free so the CLI runs the same flow: re-read, explain
 * (RFC 9110 §13.2.2 replay), decide by cause, show what changed on the server and ask (per policy), update the
 * precondition in the file as one edit, resend. Transient causes (Apache's weak-after-write window) are ridden
 * out with bounded backoff; every other cause stops and explains. Never a silent overwrite.
 */
import type { HttpFile, Snapshot } from '../../engine';
import {
  diagnose, formatChanges, isJsonObject, jsonDiff, mergePatch, planRetry, preconditionEdit, shallowMerge,
  type BackoffOptions, type Change, type Diagnosis, type PreconditionEdit, type RetryAction,
} from '../../engine';
import { isSecretName, MASK } from '../executor/mask';
import { sendOnce, type HopResult, type SendLimits } from '../executor/send';
import type { Session } from '../executor/session';
import type { Attempt, ResponseHeaders, SentRequest } from '../executor/types';
import { firstHeader, refreshedCapture, servesWeakEtag, untilStrong, validatorAfterWrite, type FreshValidator } from './after-write';
import { reread, rereadHeaders } from './reread';

export type ConfirmPolicy = 'always' | 'whenChanged' | 'never';

/** What the user is asked before the write is resent. */
export interface RetryQuestion {
  diagnosis: Diagnosis;
  /** One line per difference between the server's current body and the body about to be written. */
  changes: string[];
  /** True when the policy would not ask, but the method demands it (POST). */
  mandatory: boolean;
  /** The server's current JSON and the JSON it will hold after the write (PATCH applied), when both are JSON. */
  written?: WrittenVersion;
}

export interface WrittenVersion {
  before: unknown;
  after: unknown;
}

/** The host's side: asking, editing the file, waiting. */
export interface RetryPorts {
  /** Told the diagnosis as soon as it is known, before anything is resent. */
  explain?(diagnosis: Diagnosis): void;
  confirm(question: RetryQuestion): Promise<boolean>;
  applyEdit(edit: PreconditionEdit): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export interface RetryInput {
  file: HttpFile;
  requestIndex: number;
  /** The request as it went on the wire, and the 412/428 it got. */
  sent: SentRequest;
  failed: Attempt;
  capturedBy?: string;
  /** The response the validator was captured from: a cached ETag is compared with the origin's. */
  captured?: Snapshot;
}

export interface RetryOptions {
  confirm: ConfirmPolicy;
  limits: SendLimits;
  backoff?: BackoffOptions;
}

export interface RetryOutcome {
  /** Every response: the failing one first, then the resend (if any). */
  attempts: Attempt[];
  diagnosis: Diagnosis;
  action: RetryAction;
  edit?: PreconditionEdit;
  changes: string[];
  /** Set when the flow stopped without a successful resend: why. */
  stopped?: string;
  final?: HopResult;
  /** The last re-read (what the diagnosis and the resend were based on), for the incident report. */
  reread?: HopResult;
  /** The validator the resource has after a successful resend (what the file and the capture now hold). */
  fresh?: FreshValidator;
}

const ASKS_WHEN_CHANGED = new Set(['changed', 'modified-since', 'unexplained', 'precondition-required']);

function snapshot(headers: ResponseHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}


export async function refreshAndRetry(session: Session, input: RetryInput, ports: RetryPorts, options: RetryOptions): Promise<RetryOutcome> {
  const { sent } = input;
  const attempts: Attempt[] = [input.failed];
  const wantsBody = sent.method !== 'DELETE' && sent.body !== undefined;
  let current = await reread(session, sent, options.limits, wantsBody);
  const diagnosis = diagnoseFailure(sent, input.failed, current, input.capturedBy, input.captured);
  ports.explain?.(diagnosis);
  const action = planRetry(sent.method, diagnosis);
  const stop = (reason: string, extra: Partial<RetryOutcome> = {}): RetryOutcome => ({ attempts, diagnosis, action, changes: [], stopped: reason, reread: current, ...extra });
  if (action.kind === 'stop') return stop(action.reason);

  const header = action.kind === 'refresh' ? action.header : 'If-Match';
  // A weak ETag can never pass If-Match: wait (bounded) for the server to serve the strong one again.
  if (header === 'If-Match' && servesWeakEtag(current)) {
    current = await untilStrong(current, () => reread(session, sent, options.limits, wantsBody), { sleep: ports.sleep, backoff: options.backoff });
    if (servesWeakEtag(current)) return stop('The server still serves only a weak ETag after the backoff: wait longer and retry.');
  }

  const value = firstHeader(current.headers, header === 'If-Match' ? 'etag' : 'last-modified');
  if (!value) return stop(`The re-read gave no ${header === 'If-Match' ? 'ETag' : 'Last-Modified'} to retry with.`);
  const written = wantsBody ? writtenVersion(current, sent) : undefined;
  // The change lines end up in logs and CI output: secret-looking fields keep their path, not their value.
  const changes = written ? formatChanges(jsonDiff(written.before, written.after).map(maskChange)) : [];
  const mandatory = action.kind === 'refresh' && !!action.mustConfirm;
  const ask = mandatory || options.confirm === 'always' || (options.confirm === 'whenChanged' && ASKS_WHEN_CHANGED.has(diagnosis.cause));
  if (ask && !(await ports.confirm({ diagnosis, changes, mandatory, written }))) return stop('Not resent: you declined after seeing what changed.', { changes });

  const headers = sent.headers.filter(([n]) => n.toLowerCase() !== header.toLowerCase());
  headers.push([header, value]);
  const final = await sendOnce(session, { method: sent.method, url: new URL(sent.url), headers, body: sent.body }, options.limits);
  attempts.push({ url: sent.url, status: final.status, headers: final.headers, receivedAt: final.receivedAt });
  const stopped = final.status >= 400 ? `The resend answered ${final.status} too.` : undefined;
  // The file and the captured response get the validator the resource has after the write, not the one sent.
  const fresh = stopped ? undefined : await validatorAfterWrite(session, sent, final, header, { limits: options.limits, sleep: ports.sleep, backoff: options.backoff })
    .catch(() => undefined);
  const edit = editWith(input, header, value, fresh);
  await ports.applyEdit(edit);
  const captured = fresh && edit.refreshes ? refreshedCapture(session.responses.get(edit.refreshes), header, fresh) : undefined;
  if (captured) session.responses.set(edit.refreshes!, captured);
  return { attempts, diagnosis, action, edit, changes, final, reread: current, stopped, fresh };
}

/** The file edit: with the validator after the write when known (said where it came from), else the one sent. */
function editWith(input: RetryInput, header: 'If-Match' | 'If-Unmodified-Since', sentValue: string, fresh: FreshValidator | undefined): PreconditionEdit {
  const edit = preconditionEdit(input.file, input.requestIndex, header, fresh?.value ?? sentValue);
  if (fresh?.from !== 'read' || edit.edits.length === 0 && !edit.refreshes) return edit;
  return { ...edit, description: `${edit.description} (the write returned no ${header === 'If-Match' ? 'ETag' : 'Last-Modified'}: read right after it)` };
}

/** Explains a 412/428 from the request as sent, the failing response and a re-read (undefined when it failed). */
export function diagnoseFailure(sent: SentRequest, failed: Attempt, read: HopResult | undefined, capturedBy?: string, captured?: Snapshot): Diagnosis {
  return diagnose({
    // The clocks of the moment of the failure: the 412's Date against the local time it arrived.
    method: sent.method, sent: Object.fromEntries(sent.headers), capturedBy, localTime: failed.receivedAt ?? Date.now(), captured,
    rereadRequest: Object.fromEntries(rereadHeaders(sent)),
    response: { status: failed.status, headers: snapshot(failed.headers) },
    reread: read && { status: read.status, headers: snapshot(read.headers) },
  });
}

/**
 * The server's current JSON and what it will be after the write (undefined when either side is not JSON). A
 * PATCH is applied to the current document first, so only the fields it really touches differ.
 */
function writtenVersion(current: HopResult, sent: SentRequest): WrittenVersion | undefined {
  let before: unknown;
  let body: unknown;
  try {
    before = JSON.parse(current.body.toString('utf8'));
    body = JSON.parse(sent.body ?? '');
  } catch {
    return undefined;
  }
  const type = sent.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const after = sent.method !== 'PATCH' ? body
    : /merge-patch/i.test(type) ? mergePatch(before, body)
    : isJsonObject(before) && isJsonObject(body) ? shallowMerge(before, body) : body;
  return { before, after };
}

function maskChange(change: Change): Change {
  const key = change.path.slice(change.path.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  if (!isSecretName(key)) return change;
  return { ...change, before: change.before === undefined ? undefined : MASK, after: change.after === undefined ? undefined : MASK };
}
