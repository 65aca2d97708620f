/**
 * The write checks a conforming server refuses with 412, changing nothing: PUT the same bytes with a wrong
 * If-Match, with an If-Unmodified-Since before the last change, and with If-None-Match: * on a resource that
 * exists. When the server writes anyway, the content is read back and the verdict says whether it is unchanged.
 */
import type { ProbeCheck, WriteCheckId } from '../../engine/probe/types';
import { formatImfFixdate, parseHttpDate } from '../../engine/semantics/http-date';
import { header } from './probe-client';
import { mismatchTag, ok, verdict } from './context';
import { putRefusal, type WriteBench } from './write-bench';

/** The verdict of one guarded PUT, and the refusal when PUT cannot be used here at all. */
export interface GuardOutcome {
  check: ProbeCheck;
  refusal?: string;
}

async function guardedPut(bench: WriteBench, id: WriteCheckId, headers: [string, string][], what: string): Promise<GuardOutcome> {
  const reply = await bench.put(headers);
  const refusal = putRefusal(reply);
  if (refusal) return { check: verdict(id, 'skipped', refusal, [reply.line]), refusal };
  if (reply.status === 412) return { check: verdict(id, 'pass', `${what} gets 412: nothing was written.`, [reply.line]) };
  if (ok(reply.status)) {
    const { sentence, line } = await bench.verify();
    return { check: verdict(id, 'fail', `${what} gets ${reply.status}: the server ignored the precondition and wrote; ${sentence}.`, [reply.line, line]) };
  }
  return { check: verdict(id, 'warn', `${what} gets ${reply.status}, not 412.`, [reply.line]) };
}

export function ifMatchMismatchWrite(bench: WriteBench): Promise<GuardOutcome> {
  return guardedPut(bench, 'if-match-mismatch-write', [['If-Match', mismatchTag()]], 'A PUT of the same bytes with an If-Match that cannot match');
}

export async function ifUnmodifiedSincePastWrite(bench: WriteBench): Promise<GuardOutcome> {
  const lastModified = header(bench.baseline, 'last-modified');
  const parsed = lastModified === undefined ? undefined : parseHttpDate(lastModified);
  if (!parsed) {
    return { check: verdict('if-unmodified-since-past-write', 'skipped', 'No Last-Modified: the server must ignore If-Unmodified-Since (RFC 9110 §13.1.4), so there is nothing to test.') };
  }
  // A day before the last change: false for any server that compares at all, whatever its clock.
  const past = formatImfFixdate(new Date(parsed.date.getTime() - 86_400_000));
  return guardedPut(bench, 'if-unmodified-since-past-write', [['If-Unmodified-Since', past]], 'A PUT of the same bytes with If-Unmodified-Since a day before Last-Modified');
}

export function ifNoneMatchStarExisting(bench: WriteBench): Promise<GuardOutcome> {
  return guardedPut(bench, 'if-none-match-star-existing', [['If-None-Match', '*']], 'A PUT of the same bytes with If-None-Match: * on the existing resource');
}
