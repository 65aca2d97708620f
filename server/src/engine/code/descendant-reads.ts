/**
 * A database whose objects are paths (the Firebase Realtime Database, `paths` in sdks.ts) lets code read a child and
 * write its parent: `get(ref(db, 'users/' + uid + '/points'))`, then `set(ref(db, 'users/' + uid), { points: p + 1 })`
 * or `update(ref(db, 'users/' + uid), { points: p + 1 })`. The write replaces (or, for `update`, sets) the child it
 * read: when the value read flows into what it sends, that is a read-modify-write of the written node (real code: an
 * exam site's points, a recycling bin's points counter). A read below the write whose value the write does not send
 * (a name changed beside a score that was only printed) is not one.
 */
import type { RequestModel } from '../model/types';
import { exclusive } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { sdkReadUrl } from './sdk-calls';
import { readUse } from './sdk-read-results';
import { SDK_SERVICES } from './sdks';

/** A read of a path below `write`'s, earlier in its sequence, whose value flows into what `call` sends. */
export function descendantRead(write: RequestModel, call: HttpCall, earlier: readonly RequestModel[], ctx: CodeContext): RequestModel | undefined {
  const target = write.target;
  if (!call.sdk || !SDK_SERVICES[call.sdk.sdk]?.paths || target === undefined || !call.sdk.body) return undefined;
  const body = call.sdk.body;
  return earlier.find((read) => {
    if (read.target === undefined || !read.target.startsWith(`${target}/`) || exclusive(read, write)) return false;
    const use = readUse(call.call, read.target, body, ctx, (v) => sdkReadUrl(v, ctx));
    return use !== undefined && !use.createsAfterMiss && !use.sendsNothingRead;
  });
}
