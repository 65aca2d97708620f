/**
 * Resource identity of a request target: scheme and host lower-cased, query and fragment dropped, trailing
 * slash removed. Unresolved `{{templates}}` stay as written, so `/items/{{id}}` equals only itself.
 */

import { stringMemo } from '../text/string-memo';

/**
 * The resource identity of a URL (see above). Most URLs are their own key, which a few native scans tell; the others
 * are normalised once per distinct URL. A memo of every URL cost more than the check: a hash and an entry per request,
 * most URLs of a file being distinct (`…/items/7`, `…/items/8`).
 */
export function resourceKey(url: string): string {
  return isOwnKey(url) ? url : normalisedKey(url);
}

const normalisedKey = stringMemo(resourceKeyOf);

const GOOGLE_UPLOAD = /^(https?:\/\/(?:www\.)?googleapis\.com)\/upload\//;

/** The resource identity of any URL, the long way (exported for the test that holds `resourceKey` to it). */
export function resourceKeyOf(url: string): string {
  let u = url.trim();
  const hash = u.indexOf('#');
  if (hash >= 0 && !u.slice(hash).startsWith('#{')) u = u.slice(0, hash);
  const query = u.indexOf('?');
  if (query >= 0) u = u.slice(0, query);
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)(.*)$/i.exec(u);
  if (m) u = m[1].toLowerCase() + m[2].toLowerCase() + m[3];
  // Google's media upload URI names the resource its metadata URI names: `PATCH …/upload/drive/v3/files/ID` replaces
  // the content of `GET …/drive/v3/files/ID?alt=media` (the same for Storage's `/upload/storage/v1/b/…`).
  u = u.replace(GOOGLE_UPLOAD, '$1/');
  return u.length > 1 && u.endsWith('/') ? u.slice(0, -1) : u;
}

/**
 * True when `url` is its own resource key (what `resourceKeyOf` gives equals it): nothing to trim, no fragment or
 * query, no upper-case or non-ASCII character before the path, no Google upload path, no trailing slash. Most URLs
 * of a file are (`https://api.example.com/items/7`): they are checked by native scans instead of being matched, cut,
 * lower-cased and put together again. Conservative: a URL it is unsure of takes the full way.
 */
function isOwnKey(url: string): boolean {
  const n = url.length;
  if (n < 2 || !isPrintableAscii(url.charCodeAt(0)) || !isPrintableAscii(url.charCodeAt(n - 1))) return false;
  if (url.charCodeAt(n - 1) === 47 /* / */ || url.includes('#') || url.includes('?') || url.includes('googleapis.com/upload/')) return false;
  return !url.includes('://') || PLAIN_AUTHORITY.test(url);
}

/**
 * The scheme and authority (from the start to the first `/` after the first `://`) hold no upper-case or non-ASCII
 * character: the full way lower-cases them, so none may change. One pattern test instead of a loop over their
 * characters (in a first lint that loop ran in the interpreter, for every request). The prefix before `://` is
 * matched lazily, so the first `://` is the one read, as `indexOf` finds it; a later one could only be matched past
 * a prefix the test already cleared.
 */
const PLAIN_AUTHORITY = /^[^A-Z\u007f-\uffff]*?:\/\/[^/A-Z\u007f-\uffff]*(?:\/|$)/;

/** `!` to `~`: a character neither `trim` removes nor `toLowerCase` could touch outside A–Z. */
function isPrintableAscii(c: number): boolean {
  return c > 32 && c < 127;
}

/** Most URLs have no query: they share one empty set instead of allocating one each. */
const NO_PARAMS: ReadonlySet<string> = new Set();

/** Names of the query parameters in a URL (`?a=1&b` → a, b); read-only, shared by the URL's every ask. */
export function queryParamNames(url: string): ReadonlySet<string> {
  return url.indexOf('?') < 0 ? NO_PARAMS : paramsOfQuery(url);
}

/** Once per distinct URL with a query: a write's rules ask for its parameters several times. */
const paramsOfQuery = stringMemo((url: string): ReadonlySet<string> => {
  const names = new Set<string>();
  for (const pair of url.slice(url.indexOf('?') + 1).split('#')[0].split('&')) {
    const name = pair.split('=')[0].trim();
    if (name) names.add(name);
  }
  return names;
});

/** The host of an absolute URL, lower-cased, without port; undefined for relative or templated hosts. Once per distinct URL. */
export const hostOf = stringMemo(hostOfUrl);

function hostOfUrl(url: string): string | undefined {
  const host = writtenHost(url);
  return host === undefined || host.includes('{{') || host === '' ? undefined : host.toLowerCase();
}

/** The host of an absolute URL as written (templates kept, case kept), without user info and port. */
export function writtenHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim());
  if (!m) return undefined;
  const authority = m[1].slice(m[1].lastIndexOf('@') + 1);
  const colon = authority.indexOf(':');
  return authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : colon < 0 ? authority : authority.slice(0, colon);
}

/**
 * False only when two resource keys certainly name different resources. An unresolved `{{template}}` may stand
 * for anything, so `/items/{{id}}` may be `/items/42`; the rules must not claim a difference they cannot prove.
 */
export function mayBeSameResource(a: string, b: string): boolean {
  if (a === b) return true;
  return templatePattern(a).test(b) || templatePattern(b).test(a);
}

function templatePattern(key: string): RegExp {
  const parts = key.split(/\{\{.*?\}\}/);
  return new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
}
