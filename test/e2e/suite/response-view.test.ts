// The response view as people like it (issue 15, item 7): its own language (coloured by the http-response
// grammar), word wrap on, the request echoed with its body, and the body saved or copied as the server sent it.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { test } from './harness';
import { RESPONSE_SCHEME, waitForResponseView } from './runner-util';
import { staleWrite } from './stale-write';

test('issue 15 #7: the response opens in the http-response language, wrapped, with the request body echoed', async () => {
  const { itemUrl } = await staleWrite();
  // the tab already shows the earlier retry's 200 (refresh-and-retry.test.ts); its refresh to this 412 arrives
  // through the content provider's change event, so wait for it instead of reading the document at once
  const doc = await waitForResponseView((t) => t.includes(`PUT ${itemUrl}\n`) && /^HTTP 412 /m.test(t), 'the 412 of stale-write.http');
  assert.strictEqual(doc.languageId, 'http-response');
  assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'http-response' }).get('wordWrap'), 'on');
  const text = doc.getText();
  assert.match(text, /^> \s*"name": "stale write"$/m, `the request body is not echoed:\n${text}`);
  assert.match(text, /^HTTP 412 /m, text);
});

test('issue 15 #7: "Save Response Body" writes the bytes the server sent; "Copy Response Body" copies them', async () => {
  await staleWrite();
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === RESPONSE_SCHEME && d.getText().includes('/items/2'));
  assert.ok(doc, 'no response view');
  const target = path.join(os.tmpdir(), `etag-guard-e2e-body-${process.pid}.json`);
  const written = await vscode.commands.executeCommand<string>('etagGuard.saveResponseBody', doc.uri, target);
  assert.strictEqual(written, target);
  const saved = fs.readFileSync(target, 'utf8');
  assert.ok(JSON.parse(saved), 'the body is JSON');
  const copied = await vscode.commands.executeCommand<string>('etagGuard.copyResponseBody', doc.uri);
  assert.strictEqual(copied, saved);
  fs.rmSync(target, { force: true });
});
