// The request runner against the demo API started in the extension host: lenses, commands, the response view,
// the session between requests, and the 412 diagnostic.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { currentEtag, demoApi } from './demo-api';
import { test } from './harness';
import {
  acceptingQuickInput, clickLens, header, lensesTitled, openRequests, responseTabs, send, sentHeader, waitForResponseView, type ExchangeSummary,
} from './runner-util';
import { STALE_TAG, staleWrite } from './stale-write';
import { lineOf } from './util';

const STRONG_ETAG = /^"[0-9a-f]{16}"$/;

test('runner: each request has a "Send request" lens running etagGuard.sendRequest(uri, line)', async () => {
  const { doc, uri } = await openRequests('runner.http');
  const lenses = await lensesTitled(uri, /^Send request$/);
  const expected = [lineOf(doc, /^GET /), lineOf(doc, /^PUT /)];
  assert.deepStrictEqual(lenses.map((l) => l.command!.command), ['etagGuard.sendRequest', 'etagGuard.sendRequest']);
  assert.deepStrictEqual(lenses.map((l) => l.command!.arguments), expected.map((line) => [uri.toString(), line]));
});

test('runner: a GET gets 200 with the server\'s ETag, shown in the response view', async () => {
  const base = await demoApi();
  const { exchanges } = await send('runner.http', /^GET /);
  assert.strictEqual(exchanges.length, 1);
  const [get] = exchanges;
  assert.strictEqual(get.error, undefined, get.error?.message);
  assert.strictEqual(get.response?.status, 200);
  assert.strictEqual(get.name, 'item');
  const etag = header(get, 'etag');
  assert.match(etag ?? '', STRONG_ETAG);
  assert.strictEqual(etag, await currentEtag(`${base}/items/1`));
  const view = await waitForResponseView((t) => t.includes(`${base}/items/1`) && t.includes('HTTP 200 OK'), 'HTTP 200 OK for items/1');
  assert.ok(view.getText().includes(`ETag: ${etag}`), `no "ETag: ${etag}" line in the response view:\n${view.getText()}`);
  assert.match(view.getText(), /"name": "Widget"/, 'the JSON body is pretty-printed in the view');
});

test('runner: sending the same request again reuses its response tab and refreshes it', async () => {
  const base = await demoApi();
  await send('runner.http', /^GET /);
  // runner.http's GET (@name item); other files' views (after-412.test.ts's reference-retry.http) show item 1 too
  const first = await waitForResponseView((t) => t.startsWith('# item — ') && t.includes('runner.http:') && t.includes('"name": "Widget"'), 'the seed item');
  const tabsBefore = responseTabs().map((t) => t.label);
  // the item changes behind the editor's back; the second send must show the new state in the same tab
  const etag = await currentEtag(`${base}/items/1`);
  const put = await fetch(`${base}/items/1`, { method: 'PUT', headers: { 'If-Match': etag, 'Content-Type': 'application/json' }, body: '{"name":"Changed elsewhere"}' });
  assert.strictEqual(put.status, 200, await put.text());
  const refreshed = waitForResponseView((t) => t.includes('"name": "Changed elsewhere"'), 'the changed item');
  await send('runner.http', /^GET /);
  const second = await refreshed;
  assert.strictEqual(second.uri.toString(), first.uri.toString(), 'the second response went to another document');
  assert.strictEqual(responseTabs(first.uri).length, 1, 'more than one tab shows this request\'s response');
  assert.deepStrictEqual(responseTabs().map((t) => t.label), tabsBefore, 'sending again opened a new response tab');
});

test('runner: "Send all" runs GET then PUT in one session: If-Match is the ETag just read', async () => {
  const base = await demoApi();
  const { uri } = await openRequests('runner.http');
  const all = await lensesTitled(uri, /^Send all/);
  assert.strictEqual(all.length, 1);
  assert.strictEqual(all[0].command!.command, 'etagGuard.sendAll');
  const exchanges = (await clickLens<ExchangeSummary[]>(all[0])) ?? [];
  assert.deepStrictEqual(exchanges.map((e) => `${e.request.method} ${e.response?.status ?? e.error?.message}`), ['GET 200', 'PUT 200']);
  const [get, put] = exchanges;
  assert.strictEqual(sentHeader(put, 'If-Match'), header(get, 'etag'));
  assert.notStrictEqual(header(put, 'etag'), header(get, 'etag'), 'the write did not change the ETag');
  assert.strictEqual(header(put, 'etag'), await currentEtag(`${base}/items/1`));
});

test('runner: a stale PUT gets 412 and a precondition-failed diagnostic on its request line', async () => {
  const { exchanges, diagnostic } = await staleWrite();
  assert.strictEqual(sentHeader(exchanges[0], 'If-Match'), STALE_TAG);
  assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
  // Before the explanation's re-read, the diagnostic names what was sent; after it, the diagnosed cause (in-the-editor.test.ts).
  assert.ok([`412 Precondition Failed: The precondition did not hold (If-Match: ${STALE_TAG})`, '412 Precondition Failed: If-Match failed; cause: changed (sent ' + STALE_TAG]
    .some((start) => diagnostic.message.startsWith(start)), diagnostic.message);
  await waitForResponseView((t) => t.includes('HTTP 412 Precondition Failed') && t.includes('/items/2'), 'HTTP 412 for items/2');
});

test('runner: a `# @prompt` variable is asked for in an input box when the request is sent, and the answer is sent', async () => {
  await demoApi();
  const { doc, uri } = await openRequests('prompt.http');
  const line = lineOf(doc, /^GET /);
  // Enter accepts the input box with the value it offers: empty the first time.
  const exchanges = await acceptingQuickInput<ExchangeSummary[]>('quickInput.accept', 'etagGuard.sendRequest', uri.toString(), line);
  assert.strictEqual(exchanges?.length, 1);
  const [get] = exchanges;
  assert.strictEqual(get.error, undefined, get.error?.message);
  assert.strictEqual(get.response?.status, 200);
  assert.strictEqual(sentHeader(get, 'X-Note'), '[]');
});
