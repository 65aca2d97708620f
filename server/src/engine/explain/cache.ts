/**
 * The cache side of a 412: did the refresh read bypass caches (`Cache-Control: no-cache`), did it still come
 * from one, and does the ETag the request was built from — captured from a response that passed through an
 * intermediary (`Age`, `Via`, `X-Cache`, `CF-Cache-Status`…) — differ from the one the origin returns now?
 * A stale cached ETag makes every write fail with 412 until the cache is bypassed.
 */
import { headerValue } from './header-value';

/** A response as the explainer sees it (lower- or mixed-case header names). */
interface Headers {
  readonly headers: Readonly<Record<string, string>>;
}

export interface CacheComparison {
  /** The refresh read sent `Cache-Control: no-cache` (or `no-store`/`max-age=0`): caches had to ask the origin. */
  rereadBypassedCache: boolean;
  /** The ETag of the capturing response, when that response came through an intermediary. */
  cachedEtag?: string;
  /** One or two sentences for the explanation; undefined when there is nothing to say. */
  note?: string;
  /** Set when the cached ETag differs from the origin's (the cache, not another writer, is the likely cause): the sentence for the advice. */
  staleAdvice?: string;
}

/** Headers an intermediary adds; shared with the diagnosis' list of suspects. */
export const INTERMEDIARY_HEADERS = ['via', 'age', 'x-cache', 'x-cache-hits', 'cf-cache-status', 'x-served-by', 'x-varnish', 'x-proxy-cache', 'x-akamai-transformed'];


/** `name: value` for each intermediary header present. */
export function intermediaryHeaders(s: Headers): string[] {
  return INTERMEDIARY_HEADERS.filter((h) => headerValue(s.headers, h) !== undefined).map((h) => `${h}: ${headerValue(s.headers, h)}`);
}

/** Compares what a cache served with what the origin answered to the no-cache re-read. */
export function compareCache(input: { captured?: Headers; reread?: Headers; rereadRequest?: Readonly<Record<string, string>> }): CacheComparison {
  const cacheControl = input.rereadRequest ? headerValue(input.rereadRequest, 'cache-control') ?? '' : '';
  const rereadBypassedCache = /\b(no-cache|no-store|max-age=0)\b/i.test(cacheControl);
  const notes: string[] = [];
  const current = input.reread ? headerValue(input.reread.headers, 'etag') : undefined;
  if (rereadBypassedCache) notes.push(`The re-read sent Cache-Control: ${cacheControl}, so any cache in the path had to revalidate with the origin${current ? `: ${current} is the origin's ETag` : ''}.`);
  const servedByCache = input.reread ? cacheHit(input.reread) : undefined;
  if (rereadBypassedCache && servedByCache) notes.push(`Yet the re-read's response still looks cached (${servedByCache}): an intermediary ignores no-cache, so even the "current" ETag may be stale — ask the API provider.`);
  const via = input.captured ? intermediaryHeaders(input.captured) : [];
  const cachedEtag = via.length > 0 && input.captured ? headerValue(input.captured.headers, 'etag') : undefined;
  const staleAdvice = cachedEtag !== undefined && current !== undefined && cachedEtag !== current
    ? `The ETag you hold, ${cachedEtag}, came through an intermediary (${via.join('; ')}); the origin answers ${current}: a cache served a stale representation. Read with Cache-Control: no-cache before writing.`
    : undefined;
  if (staleAdvice) notes.push(staleAdvice);
  else if (cachedEtag !== undefined && current !== undefined) notes.push(`The ETag captured through an intermediary (${via.join('; ')}) is the origin's too (${current}): the cache was not stale.`);
  return { rereadBypassedCache, cachedEtag, staleAdvice, note: notes.length > 0 ? notes.join(' ') : undefined };
}

/** Evidence that a response came from a cache rather than the origin, or undefined. */
function cacheHit(s: Headers): string | undefined {
  const age = headerValue(s.headers, 'age');
  if (age !== undefined && Number(age) > 0) return `Age: ${age}`;
  for (const name of ['x-cache', 'cf-cache-status', 'x-proxy-cache']) {
    const v = headerValue(s.headers, name);
    if (v !== undefined && /\bHIT\b/i.test(v)) return `${name}: ${v}`;
  }
  return undefined;
}
