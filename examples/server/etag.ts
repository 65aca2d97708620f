// Entity tags (RFC 9110 §8.8.3): generation, parsing and the two comparison functions.
import { createHash } from 'node:crypto';

/** A parsed entity-tag. `opaque` keeps its surrounding quotes, exactly as on the wire. */
export interface EntityTag {
  weak: boolean;
  opaque: string;
}

/**
 * Strong ETag derived from the representation bytes. Hashing the content (rather than a
 * version counter) means identical bytes always get the same tag, which is precisely the
 * guarantee a strong validator makes, and it survives /admin/reset.
 */
export function strongEtagFor(body: string | Buffer): EntityTag {
  const hex = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { weak: false, opaque: `"${hex}"` };
}

export function formatEtag(tag: EntityTag): string {
  return tag.weak ? `W/${tag.opaque}` : tag.opaque;
}

/** The value of If-Match / If-None-Match: either `*` or a list of entity-tags. */
export type EtagCondition = { any: true } | { any: false; tags: EntityTag[] };

// etagc = %x21 / %x23-7E / obs-text — anything visible except DQUOTE.
const ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;

/**
 * Parses an If-Match / If-None-Match field value. Members that are not valid entity-tags
 * (the classic mistake is an unquoted `abc`) are dropped rather than rejected: they can
 * never match anything, so If-Match with only garbage fails (412) and If-None-Match with
 * only garbage passes — the same outcome a strict server gives, without a 400.
 */
export function parseEtagCondition(value: string): EtagCondition {
  if (value.trim() === '*') return { any: true };
  const tags: EntityTag[] = [];
  for (const member of splitList(value)) {
    const m = ENTITY_TAG.exec(member);
    if (m) tags.push({ weak: m[1] !== undefined, opaque: m[2] });
  }
  return { any: false, tags };
}

/** Splits a comma-separated list, ignoring commas inside quoted strings (etagc allows ','). */
function splitList(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current.trim());
  return out.filter((m) => m.length > 0);
}

/** Strong comparison (used by If-Match): both must be strong and byte-identical. */
export function strongMatch(a: EntityTag, b: EntityTag): boolean {
  return !a.weak && !b.weak && a.opaque === b.opaque;
}

/** Weak comparison (used by If-None-Match): opaque-tags equal, W/ prefix ignored. */
export function weakMatch(a: EntityTag, b: EntityTag): boolean {
  return a.opaque === b.opaque;
}
