// The four route families serve the same store but present validators differently.
// Each flag reproduces one real-world behaviour the etag-guard explainer should recognise.
import { EntityTag } from './etag';
import { StoredItem } from './store';

export interface Variant {
  /** Path prefix before `/items`, e.g. '' or '/strict'. */
  readonly prefix: string;
  readonly description: string;
  /** RFC 6585 §3: writes without any precondition are refused with 428. */
  readonly requirePrecondition: boolean;
  /** Apache mod_dav/core: ETags of just-written files are weak for about a second. */
  readonly weakWindow: boolean;
  /** Apache mod_deflate bug 45023: gzip responses get a "-gzip" suffixed ETag. */
  readonly gzipSuffix: boolean;
}

export const VARIANTS: ReadonlyArray<Variant> = [
  {
    prefix: '',
    description: 'Well-behaved: strong ETags, full RFC 9110 precondition evaluation.',
    requirePrecondition: false,
    weakWindow: false,
    gzipSuffix: false,
  },
  {
    prefix: '/strict',
    description: 'Writes without If-Match / If-None-Match / If-Unmodified-Since get 428 Precondition Required.',
    requirePrecondition: true,
    weakWindow: false,
    gzipSuffix: false,
  },
  {
    prefix: '/weak-window',
    description:
      'Like Apache mod_dav: for a short window after a write, GET returns a weak ETag that no If-Match can satisfy; writes return no ETag.',
    requirePrecondition: false,
    weakWindow: true,
    gzipSuffix: false,
  },
  {
    prefix: '/gzip',
    description:
      'Like Apache mod_deflate (bug 45023): with Accept-Encoding: gzip the ETag gets a "-gzip" suffix that If-Match then rejects.',
    requirePrecondition: false,
    weakWindow: false,
    gzipSuffix: true,
  },
];

/**
 * The entity-tag this variant reports for an item at time `now`, which is also what
 * preconditions are compared against. In the weak window Apache cannot promise byte
 * equality (a second write within the same mtime second would not change the tag), so it
 * downgrades to weak — and strong comparison in If-Match then fails for everyone.
 */
export function presentedEtag(variant: Variant, item: StoredItem, now: number, weakWindowMs: number): EntityTag {
  if (variant.weakWindow && now - item.modifiedAt < weakWindowMs) return { weak: true, opaque: item.etag.opaque };
  return item.etag;
}

/** `"abc"` → `"abc-gzip"`, `W/"abc"` → `W/"abc-gzip"`: mod_deflate edits inside the quotes. */
export function gzipSuffixed(etagHeader: string): string {
  return etagHeader.endsWith('"') ? `${etagHeader.slice(0, -1)}-gzip"` : etagHeader;
}
