/**
 * Read-only checks on the validators themselves: is there an ETag, is it strong, do two reads agree, is there a
 * Last-Modified. They need no request of their own: the probe's first two GETs are their evidence.
 */
import { header } from './probe-client';
import { etagOf, verdict, type Check } from './context';

export const etagPresent: Check = async ({ first }) => {
  const etag = header(first, 'etag');
  if (etag !== undefined && etagOf(first)) return [verdict('etag-present', 'pass', `The response carries ETag ${etag}.`, [first.line])];
  if (etag !== undefined) return [verdict('etag-present', 'fail', `The ETag ${etag} is not a quoted entity-tag: clients cannot send it back reliably.`, [first.line])];
  if (header(first, 'last-modified') !== undefined) {
    return [verdict('etag-present', 'warn', 'No ETag, only Last-Modified: clients can guard writes with If-Unmodified-Since, to the second.', [first.line])];
  }
  return [verdict('etag-present', 'fail', 'No ETag and no Last-Modified: clients have nothing to put in a precondition.', [first.line])];
};

export const etagStrong: Check = async ({ first, settled }) => {
  const before = etagOf(first);
  const after = etagOf(settled);
  const evidence = [first.line, settled.line];
  if (!before || !after) return [verdict('etag-strong', 'skipped', 'No usable ETag to judge.', evidence)];
  if (!after.weak) {
    const note = before.weak ? ` (it was weak, ${header(first, 'etag')}, right after a recent write: see weak-after-write)` : '';
    return [verdict('etag-strong', 'pass', `The ETag ${header(settled, 'etag')} is strong${note}.`, evidence)];
  }
  return [verdict('etag-strong', 'warn', `The ETag ${header(settled, 'etag')} is weak: If-Match compares strongly, so it can never match.`, evidence)];
};

export const etagStable: Check = async ({ first, settled }) => {
  const a = etagOf(first);
  const b = etagOf(settled);
  const evidence = [first.line, settled.line];
  if (!a || !b) return [verdict('etag-stable', 'skipped', 'No usable ETag to compare.', evidence)];
  if (a.opaque === b.opaque && a.weak === b.weak) return [verdict('etag-stable', 'pass', `Two reads gave the same ETag ${header(first, 'etag')}.`, evidence)];
  if (a.opaque === b.opaque) {
    return [verdict('etag-stable', 'warn', `The ETag went from ${header(first, 'etag')} to ${header(settled, 'etag')} without a change: weak right after a write, strong later.`, evidence)];
  }
  if (!first.body.equals(settled.body)) {
    return [verdict('etag-stable', 'warn', 'The resource changed between the two reads (someone is writing to it): stability could not be judged.', evidence)];
  }
  return [verdict('etag-stable', 'fail', `Two reads of identical content gave different ETags (${header(first, 'etag')}, ${header(settled, 'etag')}): If-Match with either fails.`, evidence)];
};

export const lastModifiedPresent: Check = async ({ settled }) => {
  const lm = header(settled, 'last-modified');
  if (lm !== undefined) return [verdict('last-modified-present', 'pass', `The response carries Last-Modified: ${lm}.`, [settled.line])];
  const status = etagOf(settled) ? 'info' : 'warn';
  return [verdict('last-modified-present', status, 'No Last-Modified: If-Unmodified-Since cannot guard writes here.', [settled.line])];
};
