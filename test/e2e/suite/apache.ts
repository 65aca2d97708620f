// The launcher's private Apache httpd with mod_dav (test/e2e/apache.js; its URL arrives as ETAG_E2E_APACHE_URL),
// and direct requests to it that bypass the extension: setting a file up, reading it back, waiting out the
// weak-ETag window. Plain node:http without keep-alive, so no socket outlives a test.
import * as http from 'http';
import { selectBaseUrl } from './environment';

/** What Apache answered. */
export interface ApacheReply {
  status: number;
  etag?: string;
  body: string;
}

/** How long Apache may keep serving the weak ETag after a write (about a second; bounded generously). */
const SETTLE_TIMEOUT_MS = 5000;
const SETTLE_POLL_MS = 100;

/** The Apache base URL, selected as the fixtures' `{{baseUrl}}`. */
export async function apacheDav(): Promise<string> {
  const url = process.env.ETAG_E2E_APACHE_URL;
  if (!url) throw new Error('ETAG_E2E_APACHE_URL is not set: test/e2e/run.js could not start the private Apache httpd (see its log above)');
  await selectBaseUrl(url);
  return url;
}

/** One request to Apache, outside the extension. */
export function apacheRequest(method: string, url: string, headers: Record<string, string> = {}, body?: string): Promise<ApacheReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers: { 'Accept-Encoding': 'identity', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Writes `body` to `url` unconditionally, then waits until Apache serves its strong ETag: Apache marks the ETag
 * weak for about a second after a write (and If-Match never matches a weak tag), and no event says when that
 * ends, so HEAD is polled, bounded. Resolves to the strong ETag a user reading the settled file would get.
 */
export async function settledFile(url: string, body: string): Promise<string> {
  const put = await apacheRequest('PUT', url, { 'Content-Type': 'text/plain' }, body);
  if (put.status !== 201 && put.status !== 204) throw new Error(`PUT ${url} answered ${put.status}: ${put.body}`);
  return strongEtag(url);
}

/** The strong ETag of `url`, once Apache serves one (see settledFile). */
export async function strongEtag(url: string): Promise<string> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const head = await apacheRequest('HEAD', url);
    if (head.status !== 200) throw new Error(`HEAD ${url} answered ${head.status}`);
    if (head.etag?.startsWith('"')) return head.etag;
    if (Date.now() > deadline) throw new Error(`Apache still serves the weak ETag ${head.etag} for ${url} after ${SETTLE_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
  }
}

/** The file's content as Apache serves it now. */
export async function apacheContent(url: string): Promise<string> {
  const get = await apacheRequest('GET', url);
  if (get.status !== 200) throw new Error(`GET ${url} answered ${get.status}`);
  return get.body;
}
