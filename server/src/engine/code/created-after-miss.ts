/**
 * A plain HTTP write in the arm where a read of the same resource found nothing (missing-arm.ts): `const cur = await
 * axios.get(u).catch(() => null); if (cur) { …update… } else { <create> }`, `r = requests.get(u)` then `if
 * r.status_code == 404: <create>`, or a write in the `except` / `catch` of a `try` around the read. It creates what is
 * not there and writes back nothing that was read, so it is no read-modify-write: it neither gives nor takes that
 * evidence (lesson from real code: a bank page's deposit document created after its read failed, warned with the
 * append's evidence beside it; a CouchDB insert after a 404 warned as a read-modify-write of its own).
 */
import type { RequestModel } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { derivedNames, holdersOf } from './fetched-guard';
import { inMissingArm } from './missing-arm';

/**
 * The first of `reads` (earlier reads of the write's resource in its function) whose miss the write runs in.
 * `holdersOnly`: only the names the read's result is assigned to count (an SDK write after a read through the file's
 * own function, `exists = self.read_json(name)`): a value computed from what was read (`liked = data.likedBy.includes(
 * uid)`) tested false says nothing of whether the object was found.
 */
export function missedRead(
  write: HttpCall, reads: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext, holdersOnly = false,
): RequestModel | undefined {
  const fn = ctx.scopes.functionOf(write.call);
  return reads.find((r) => {
    const read = calls[r.index]?.call;
    if (!read || ctx.scopes.functionOf(read).id !== fn.id) return false;
    // The names holding the response, or what was taken from it (`data = r.json()`), whose emptiness the code tests.
    const names = holdersOnly ? new Set(holdersOf(read, ctx)) : derivedNames(read, fn, ctx);
    return inMissingArm(write.call, fn, (tested) => (tested.type === 'identifier' ? names.has(tested.text) : tested.id === read.id));
  });
}
