// Entity tags (RFC 9110 §8.8.3) for the demo API: generation here; parsing and comparison are the engine's.
import { createHash } from 'node:crypto';
import { formatEntityTag, parseEntityTagList, strongMatch, weakMatch } from '../../server/src/engine/semantics/entity-tag';

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
  return formatEntityTag(tag);
}

/** The value of If-Match / If-None-Match: either `*` or a list of entity-tags. */
export type EtagCondition = { any: true } | { any: false; tags: EntityTag[] };

/**
 * Parses an If-Match / If-None-Match field value with the engine's RFC 9110 §8.8.3 parser. Members that are
 * not valid entity-tags (the classic mistake is an unquoted `abc`) are dropped rather than rejected: they can
 * never match anything, so If-Match with only garbage fails (412) and If-None-Match with only garbage passes —
 * the same outcome a strict server gives, without a 400.
 */
export function parseEtagCondition(value: string): EtagCondition {
  const list = parseEntityTagList(value);
  return list.any ? { any: true } : { any: false, tags: list.tags.map(({ weak, opaque }) => ({ weak, opaque })) };
}

export { strongMatch, weakMatch };
