// The two Apache scenarios the editor tests start from, sent through the lenses as a click would: the done-when
// session of apache-session.http (200 / 204 / 412) and the stale write of apache-stale.http (412).
import * as assert from 'assert';
import { apacheDav, settledFile } from './apache';
import { clickLens, lensesTitled, openRequests, send, withPreconditionFailed, type ExchangeSummary } from './runner-util';
import { fixture } from './util';

/** The If-Match value apache-stale.http sends. */
export const APACHE_STALE_TAG = '"10-5f0e1d2c3b4a5"';

/** What the set-up file holds before a test's requests run. */
export const FIRST_VERSION = 'first version';

/**
 * Writes notes.txt, waits until Apache serves its strong ETag, then "Send all" on apache-session.http:
 * GET, PUT with the ETag just read, PUT again with it. Resolves to the exchanges and the diagnostic of the 412.
 */
export async function apacheSession() {
  const base = await apacheDav();
  const fileUrl = `${base}/dav/notes.txt`;
  const etag = await settledFile(fileUrl, FIRST_VERSION);
  const { doc, uri } = await openRequests('apache-session.http');
  const [all] = await lensesTitled(uri, /^Send all/);
  assert.ok(all, 'no "Send all" lens on apache-session.http');
  const { result, diagnostic } = await withPreconditionFailed(uri, async () => (await clickLens<ExchangeSummary[]>(all)) ?? []);
  return { base, fileUrl, etag, doc, uri, exchanges: result, diagnostic };
}

/**
 * Writes report.txt, waits until Apache serves its strong ETag, then sends apache-stale.http's PUT (If-Match with
 * a tag Apache never served) through its lens: checks the 412 and the diagnostic on the request line.
 */
export async function apacheStaleWrite() {
  const base = await apacheDav();
  const fileUrl = `${base}/dav/report.txt`;
  const current = await settledFile(fileUrl, FIRST_VERSION);
  const { result, diagnostic } = await withPreconditionFailed(fixture('apache-stale.http'), () => send('apache-stale.http', /^PUT /));
  assert.deepStrictEqual(result.exchanges.map((e) => e.response?.status ?? e.error?.message), [412]);
  assert.strictEqual(diagnostic.range.start.line, result.line, 'the diagnostic is not on the request line');
  return { base, fileUrl, current, ...result, diagnostic };
}
