/** A request's write target (`writeTargetOf` its method and URL), once per method and URL. */
import type { RequestModel } from '../model/types';
import { writeTargetOf } from './route';
import type { WriteTarget } from './types';
import { stringMemo } from '../text/string-memo';

/**
 * Targets by method, then URL: a request's target depends on nothing else, a file repeats both, and every rule and
 * the evidence index ask about each request. One shared (read-only) object per method and URL, no per-request record.
 */
const targetsByMethod = new Map<string, (url: string) => WriteTarget | null>();
/** Odd files could name any number of methods: past this many, targets are worked out each time. */
const METHODS_MEMOISED = 64;

/** `writeTargetOf` a request's method and URL (memoised per method and URL). */
export function targetOf(r: RequestModel): WriteTarget | undefined {
  const { method, url } = r;
  if (!method || url === undefined) return undefined;
  let memo = targetsByMethod.get(method);
  if (!memo) {
    if (targetsByMethod.size >= METHODS_MEMOISED) return writeTargetOf(method, url);
    targetsByMethod.set(method, memo = stringMemo((u: string) => writeTargetOf(method, u) ?? null));
  }
  return memo(url) ?? undefined;
}
