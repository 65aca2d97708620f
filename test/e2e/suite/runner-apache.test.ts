// The runner and the 412 workflow from the editor against a real Apache httpd with mod_dav (issues 5 and 7):
// the GET → PUT → stale PUT session, the 412 explained in the response view, and one click on "Refresh ETag
// and retry" ending in 204 with If-Match updated in the file, undoably.
import * as assert from 'assert';
import { apacheContent, strongEtag } from './apache';
import { APACHE_STALE_TAG, apacheSession, apacheStaleWrite, FIRST_VERSION } from './apache-requests';
import { test } from './harness';
import { retryInOneClick } from './one-click-retry';
import { header, sentHeader, waitForResponseView } from './runner-util';
import { lineOf } from './util';

test('Apache: "Send all" GET → PUT (If-Match from the GET) → PUT reusing that ETag = 200 / 204 / 412, diagnosed on the stale PUT', async () => {
  const { fileUrl, etag, doc, exchanges, diagnostic } = await apacheSession();
  assert.deepStrictEqual(exchanges.map((e) => `${e.request.method} ${e.response?.status ?? e.error?.message}`), ['GET 200', 'PUT 204', 'PUT 412']);
  const [get, put, stale] = exchanges;
  assert.strictEqual(header(get, 'etag'), etag, 'the GET did not read the settled file\'s strong ETag');
  assert.strictEqual(sentHeader(put, 'If-Match'), etag);
  assert.strictEqual(sentHeader(stale, 'If-Match'), etag);
  assert.strictEqual(await apacheContent(fileUrl), 'my edit', 'the guarded write did not land, or the stale one did');
  const staleLine = lineOf(doc, /^PUT /, lineOf(doc, /^PUT /) + 1);
  assert.strictEqual(diagnostic.range.start.line, staleLine, 'the 412 diagnostic is not on the stale PUT');
  // Before the explanation's re-read, the diagnostic names what was sent; after it, the diagnosed cause.
  assert.ok([`412 Precondition Failed: The precondition did not hold (If-Match: ${etag})`, `412 Precondition Failed: If-Match failed; cause: changed (sent ${etag}`]
    .some((start) => diagnostic.message.startsWith(start)), diagnostic.message);
});

test('Apache: the response view explains the 412 (If-Match, cause changed, sent vs Apache\'s current ETag)', async () => {
  const { fileUrl, current } = await apacheStaleWrite();
  const view = await waitForResponseView((t) => t.includes(fileUrl) && t.includes(`current:  ${current}`), `the 412 explained with Apache's ETag ${current}`);
  const text = view.getText();
  assert.match(text, /^HTTP 412 Precondition Failed/m, text);
  assert.match(text, /^# 412 explained: If-Match failed \(cause: changed\)$/m, text);
  assert.match(text, new RegExp(`^#\\s+sent:\\s+${APACHE_STALE_TAG}$`, 'm'), text);
  assert.strictEqual(await apacheContent(fileUrl), FIRST_VERSION, 'the stale write changed the file');
});

test('Apache: one click on "Refresh ETag and retry" → 412 then 204, If-Match updated in the file to Apache\'s ETag after the write (read after it: a PUT returns none), one undo restores it', async () => {
  const { doc, line, fileUrl } = await apacheStaleWrite();
  await retryInOneClick({
    doc, line, sent: APACHE_STALE_TAG, current: () => strongEtag(fileUrl), retried: 204,
    landed: async () => assert.strictEqual(await apacheContent(fileUrl), 'my stale write', 'the retried write did not reach Apache'),
  });
});
