/**
 * The write checks that go through on a conforming server, each writing back the bytes it holds: PUT with the
 * current ETag (must succeed), whether that response carries the new ETag, whether the tag is weak right after
 * the write (and for how long), and whether an unconditional PUT is refused with 428 (report only).
 */
import type { ProbeCheck } from '../../engine/probe/types';
import { header, type ProbeClient, type ProbeReply } from './probe-client';
import { etagOf, ok, verdict } from './context';
import type { WriteBench } from './write-bench';

/** How long the probe waits for a weak ETag to turn strong (Apache: about a second after a write). */
export const WEAK_WINDOW_LIMIT_MS = 5000;
const POLL_MS = 150;

/** Reads until the ETag is strong or the limit passes; `weakFor` is how long it stayed weak (0: strong at once). */
export async function readUntilStrong(client: ProbeClient, wait: (ms: number) => Promise<void>, limitMs = WEAK_WINDOW_LIMIT_MS) {
  const started = performance.now();
  const first = await client.get();
  let reply = first;
  while (etagOf(reply)?.weak && performance.now() - started < limitMs) {
    await wait(POLL_MS);
    reply = await client.get();
  }
  return { first, reply, weakFor: etagOf(first)?.weak ? Math.round(performance.now() - started) : 0 };
}

/** if-match-current-write, etag-on-write-response and weak-after-write, in that order. */
export async function currentWriteChecks(bench: WriteBench, client: ProbeClient, wait: (ms: number) => Promise<void>): Promise<ProbeCheck[]> {
  const before = await readUntilStrong(client, wait);
  const tag = etagOf(before.reply);
  const current = header(before.reply, 'etag');
  if (!tag || current === undefined) {
    return skippedAfter('No ETag to send in If-Match.', before.reply.line);
  }
  if (tag.weak) return skippedAfter(`Only a weak ETag (${current}) after waiting ${WEAK_WINDOW_LIMIT_MS / 1000} s: If-Match needs a strong one.`, before.reply.line);
  const put = await bench.put([['If-Match', current]]);
  if (!ok(put.status)) {
    const status = put.status === 412 ? 'fail' : 'warn';
    const summary = put.status === 412 ? `A PUT with the current ETag ${current} gets 412: the server rejects its own tag, so no conditional write can succeed.`
      : `A PUT with the current ETag ${current} gets ${put.status}.`;
    return [verdict('if-match-current-write', status, summary, [before.reply.line, put.line]), ...skippedAfter('The conditional write did not go through.').slice(1)];
  }
  const after = await readUntilStrong(client, wait);
  const { sentence, line } = await bench.verify();
  return [
    verdict('if-match-current-write', 'pass', `A PUT of the same bytes with the current ETag ${current} gets ${put.status}; ${sentence}.`, [before.reply.line, put.line, line]),
    etagOnWrite(put, after.reply),
    weakAfterWrite(after),
  ];
}

function etagOnWrite(put: ProbeReply, next: ProbeReply): ProbeCheck {
  const returned = header(put, 'etag');
  if (returned === undefined) {
    return verdict('etag-on-write-response', 'info', `The ${put.status} response carries no ETag: clients must re-read before their next conditional write.`, [put.line]);
  }
  const read = etagOf(next);
  if (read && etagOf(put)?.opaque !== read.opaque) {
    return verdict('etag-on-write-response', 'warn', `The write returned ETag ${returned} but a read right after gives ${header(next, 'etag')}: If-Match with the returned tag fails.`, [put.line, next.line]);
  }
  return verdict('etag-on-write-response', 'pass', `The ${put.status} response carries the new ETag ${returned}: clients can chain writes without a re-read.`, [put.line]);
}

function weakAfterWrite({ first, reply, weakFor }: Awaited<ReturnType<typeof readUntilStrong>>): ProbeCheck {
  if (!etagOf(first)) return verdict('weak-after-write', 'skipped', 'No ETag after the write.', [first.line]);
  if (weakFor === 0) return verdict('weak-after-write', 'pass', `Right after the write the ETag is strong (${header(first, 'etag')}).`, [first.line]);
  if (etagOf(reply)?.weak) {
    return verdict('weak-after-write', 'warn', `Right after the write the ETag is weak (${header(first, 'etag')}) and still weak ${WEAK_WINDOW_LIMIT_MS / 1000} s later.`, [first.line, reply.line]);
  }
  return verdict('weak-after-write', 'warn',
    `Right after the write the ETag is weak (${header(first, 'etag')}) for about ${weakFor} ms, then strong (${header(reply, 'etag')}): If-Match gets 412 in that window.`, [first.line, reply.line]);
}

/** precondition-required (report only): 428 is `pass`, an accepted unconditional write `info`. */
export async function preconditionRequired(bench: WriteBench): Promise<ProbeCheck> {
  const put = await bench.put([]);
  if (put.status === 428) return verdict('precondition-required', 'pass', 'An unconditional PUT gets 428 Precondition Required: clients cannot forget If-Match.', [put.line]);
  if (ok(put.status)) {
    const { sentence, line } = await bench.verify();
    return verdict('precondition-required', 'info', `An unconditional PUT of the same bytes gets ${put.status}: writes without a precondition are accepted; ${sentence}.`, [put.line, line]);
  }
  return verdict('precondition-required', 'info', `An unconditional PUT gets ${put.status}.`, [put.line]);
}

function skippedAfter(why: string, line?: string): ProbeCheck[] {
  const evidence = line ? [line] : [];
  return [
    verdict('if-match-current-write', 'skipped', why, evidence),
    verdict('etag-on-write-response', 'skipped', `Not run: ${why}`),
    verdict('weak-after-write', 'skipped', `Not run: ${why}`),
  ];
}
