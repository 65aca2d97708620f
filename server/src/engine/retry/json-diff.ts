/**
 * A structural diff between what the server has now and what a write will send, so refresh-and-retry can
 * show the user exactly whose update they are about to overwrite. Bounded in size for huge documents.
 */
export interface Change {
  /** JSON Pointer (RFC 6901) of the value. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const MAX_CHANGES = 200;

function pointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Lists the differences from `before` (the server's current body) to `after` (the body the write sends). */
export function jsonDiff(before: unknown, after: unknown, path = '', out: Change[] = []): Change[] {
  if (out.length >= MAX_CHANGES) return out;
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      if (!(key in after)) out.push({ path: pointer(path, key), kind: 'removed', before: before[key] });
      else jsonDiff(before[key], after[key], pointer(path, key), out);
    }
    for (const key of Object.keys(after)) if (!(key in before)) out.push({ path: pointer(path, key), kind: 'added', after: after[key] });
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n && out.length < MAX_CHANGES; i++) {
      if (i >= after.length) out.push({ path: pointer(path, i), kind: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ path: pointer(path, i), kind: 'added', after: after[i] });
      else jsonDiff(before[i], after[i], pointer(path, i), out);
    }
    return out;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: path || '/', kind: 'changed', before, after });
  return out;
}

/** One line per change, for a confirmation dialog or the terminal. */
export function formatChanges(changes: readonly Change[]): string[] {
  const show = (v: unknown) => {
    const s = JSON.stringify(v);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  };
  return changes.map((c) => c.kind === 'added' ? `+ ${c.path}: ${show(c.after)}`
    : c.kind === 'removed' ? `- ${c.path}: ${show(c.before)}`
    : `~ ${c.path}: ${show(c.before)} → ${show(c.after)}`);
}
