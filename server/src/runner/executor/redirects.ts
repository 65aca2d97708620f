/**
 * Following redirects the way browsers and curl do, with the security rules a request runner needs: across
 * origins every credential-like header (`Authorization`, `Cookie`, `Proxy-Authorization`, and any name the
 * masking treats as secret: `X-Api-Key`, `X-Auth-Token`, …) and the preconditions (`If-Match` & co., which name
 * a representation of the old resource) are dropped; a 307/308 that would resend the body to another origin
 * is refused (the body may hold what the credentials protected, and nobody confirmed sending it there); 303,
 * and 301/302 after a POST, turn into a GET without body.
 */
import { RunnerError } from './errors';
import { isSecretName, maskUrl } from './mask';
import type { PreparedRequest } from './request-builder';

export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
export const DEFAULT_MAX_REDIRECTS = 10;

const CROSS_ORIGIN_DROPPED = new Set([
  'authorization', 'cookie', 'proxy-authorization',
  'if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since', 'if-range',
]);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding']);

/** The request to send after a redirect response, or undefined when `status`/`location` is not a redirect. */
export function redirectTarget(previous: PreparedRequest, status: number, location: string | undefined): PreparedRequest | undefined {
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined;
  let url: URL;
  try {
    url = new URL(location, previous.url);
  } catch {
    throw new RunnerError('redirects', `The server redirected to an invalid URL: ${location}`);
  }
  const toGet = status === 303 ? previous.method !== 'HEAD' : (status === 301 || status === 302) && previous.method === 'POST';
  const crossOrigin = url.origin !== previous.url.origin;
  if (crossOrigin && !toGet && previous.body !== undefined && previous.body.length > 0) {
    throw new RunnerError('redirects', `The server answered ${status} to ${maskUrl(url.href)}, another origin: the request body is not resent ` +
      'there without your say. Send the request to that URL yourself if it is meant to go there.');
  }
  const headers = previous.headers.filter(([name]) => {
    const n = name.toLowerCase();
    if (n === 'host') return !crossOrigin;
    return !(crossOrigin && (CROSS_ORIGIN_DROPPED.has(n) || isSecretName(n))) && !(toGet && BODY_HEADERS.has(n));
  });
  return { method: toGet ? 'GET' : previous.method, url, headers, body: toGet ? undefined : previous.body };
}
