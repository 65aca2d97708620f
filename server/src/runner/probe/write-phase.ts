/**
 * The write checks in order: the three a conforming server refuses (nothing written), then the ones that go
 * through with the same bytes (current ETag, its response, the weak window), then the unconditional PUT. The
 * first PUT that shows writes cannot work here (405, 403, 415…) skips the rest with its reason; so does a change
 * by someone else during the probe.
 */
import { WRITE_CHECK_IDS, type ProbeCheck } from '../../engine/probe/types';
import type { ProbeContext } from './context';
import { verdict } from './context';
import { currentWriteChecks, preconditionRequired } from './current-write-checks';
import { ifMatchMismatchWrite, ifNoneMatchStarExisting, ifUnmodifiedSincePastWrite } from './guard-write-checks';
import { ContentChanged, WriteBench } from './write-bench';

export async function writeChecks(context: ProbeContext): Promise<ProbeCheck[]> {
  const { client, write, wait } = context;
  if (!write) return skipAll([], context.noWriteReason);
  if (context.settled.truncated) return skipAll([], 'The representation is larger than the response size limit: it cannot be written back byte for byte.');
  const done: ProbeCheck[] = [];
  try {
    const bench = await WriteBench.start(client);
    for (const guard of [ifMatchMismatchWrite, ifUnmodifiedSincePastWrite, ifNoneMatchStarExisting]) {
      const outcome = await guard(bench);
      done.push(outcome.check);
      if (outcome.refusal) return skipAll(done, `Not run: ${outcome.refusal}`);
    }
    done.push(...await currentWriteChecks(bench, client, wait));
    done.push(await preconditionRequired(bench));
    return done;
  } catch (err) {
    if (err instanceof ContentChanged) return skipAll(done, err.message);
    throw err;
  }
}

/** `done` plus every write check not in it, skipped with `why`. */
function skipAll(done: ProbeCheck[], why: string): ProbeCheck[] {
  const ran = new Set(done.map((c) => c.id));
  return [...done, ...WRITE_CHECK_IDS.filter((id) => !ran.has(id)).map((id) => verdict(id, 'skipped', why))];
}
