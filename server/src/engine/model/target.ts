/**
 * Resource identity of a request target: scheme and host lower-cased, query and fragment dropped, trailing
 * slash removed. Unresolved `{{templates}}` stay as written, so `/items/{{id}}` equals only itself.
 */

import { stringMemo } from '../text/string-memo';

/** The resource identity of a URL (see above), once per distinct URL. */
export const resourceKey = stringMemo(resourceKeyOf);

const GOOGLE_UPLOAD = /^(https?:\/\/(?:www\.)?googleapis\.com)\/upload\//;

function resourceKeyOf(url: string): string {
  if (isOwnKey(url)) return url;
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
 * of a file are (`https://api.example.com/items/7`): they are checked by a scan of their first characters instead of
 * being matched, cut, lower-cased and put together again, a few objects per distinct URL of the file. Conservative:
 * a URL it is unsure of takes the full way.
 */
function isOwnKey(url: string): boolean {
  const n = url.length;
  if (n < 2 || !isPrintableAscii(url.charCodeAt(0)) || !isPrintableAscii(url.charCodeAt(n - 1))) return false;
  if (url.charCodeAt(n - 1) === 47 /* / */ || url.includes('#') || url.includes('?') || url.includes('googleapis.com/upload/')) return false;
  const scheme = url.indexOf('://');
  if (scheme < 0) return true;
  // The scheme and authority (up to the path's first `/`) are lower-cased by the full way: none of their characters may change.
  const pathStart = url.indexOf('/', scheme + 3);
  const end = pathStart < 0 ? n : pathStart;
  for (let i = 0; i < end; i++) {
    const c = url.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 126) return false;
  }
  return true;
}

/** `!` to `~`: a character neither `trim` removes nor `toLowerCase` could touch outside A–Z. */
function isPrintableAscii(c: number): boolean {
  return c > 32 && c < 127;
}

/** Most URLs have no query: they share one empty set instead of allocating one each. */
const NO_PARAMS: ReadonlySet<string> = new Set();

/** Names of the query parameters in a URL (`?a=1&b` → a, b). */
export function queryParamNames(url: string): ReadonlySet<string> {
  const q = url.indexOf('?');
  if (q < 0) return NO_PARAMS;
  const names = new Set<string>();
  for (const pair of url.slice(q + 1).split('#')[0].split('&')) {
    const name = pair.split('=')[0].trim();
    if (name) names.add(name);
  }
  return names;
}

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
