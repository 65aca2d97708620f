/**
 * Relative paths on a client made with a base URL (`httpx.Client(base_url=B)`, `axios.create({ baseURL: B })`,
 * `ky.create({ prefixUrl: B })`, `got.extend({ prefixUrl: B })`): the request goes to the base joined with the path,
 * so a read and a write of `/repos/o/r/contents/f` through such a client are judged as the full URLs they are (real
 * code: GitHub contents writes through an httpx client on `self`, Graph clients with `base_url`). A URL that may be
 * absolute (a scheme, or a name whose value is not known) is left as it is: the libraries send an absolute URL as
 * given.
 */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `base` + `/` + `path` without doubled slashes, for a path that is relative; the URL as given otherwise. */
export function joinedToBase(url: string, base: string | undefined): string {
  if (base === undefined || ABSOLUTE.test(url) || url.startsWith('{{')) return url;
  if (url === '') return base;
  return joinPath(base, url);
}

/** `base` + `/` + `path` with the slashes between them made one (SDK object URLs use it too: sdk-calls.ts). */
export function joinPath(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
