// Evidence the runner remembers (issue 13) against the launcher's Apache mod_dav: an unguarded PUT that nothing in
// its file shows to be on a versioned resource is a hint; "Send request" on the GET above it sees Apache's ETag,
// and the open file's PUT turns into a warning that says so, without reopening; "Forget Remembered Evidence"
// turns it back into a hint.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { apacheDav, settledFile } from './apache';
import { FIRST_VERSION } from './apache-requests';
import { test } from './harness';
import { header, send } from './runner-util';
import { describeDiagnostics, fixture, lineOf, openWithDiagnostics, waitForDiagnostics, withCode, type DiagnosticsPredicate } from './util';

const FILE = 'apache-evidence.http';
/** The store "Send request" writes and "Forget Remembered Evidence" deletes (docs/precision.md). */
const STORE = '.etag-guard/observations.json';

/** The file's one missing-precondition diagnostic, on the PUT's request line, at `severity`. */
const putAt = (severity: vscode.DiagnosticSeverity): DiagnosticsPredicate => (ds) => {
  const found = withCode(ds, 'missing-precondition');
  return found.length === 1 && found[0].severity === severity;
};

test('Apache: an unguarded PUT below a GET is a hint; after "Send request" on the GET (ETag) a warning saying so, without reopening; "Forget Remembered Evidence" makes it a hint again', async () => {
  const base = await apacheDav();
  const fileUrl = `${base}/dav/remembered.txt`;
  const etag = await settledFile(fileUrl, FIRST_VERSION);
  const { doc, uri, diags } = await openWithDiagnostics(FILE, putAt(vscode.DiagnosticSeverity.Hint), { what: 'missing-precondition as a Hint' });
  const putLine = lineOf(doc, /^PUT /);
  assert.strictEqual(withCode(diags, 'missing-precondition')[0].range.start.line, putLine, describeDiagnostics(diags));
  assert.ok(!fs.existsSync(fixture(STORE).fsPath) || !fs.readFileSync(fixture(STORE).fsPath, 'utf8').includes('/dav/remembered.txt'),
    'the store already knows the page before the GET was sent');

  // "Send request" on the GET, as a click on its lens: Apache answers with the page's ETag.
  const warned = waitForDiagnostics(uri, putAt(vscode.DiagnosticSeverity.Warning), 15_000, { afterEvent: true, what: 'missing-precondition as a Warning after the GET' });
  warned.catch(() => undefined); // awaited below, after the send
  const { exchanges } = await send(FILE, /^GET /);
  assert.deepStrictEqual(exchanges.map((e) => e.response?.status ?? e.error?.message), [200]);
  assert.strictEqual(header(exchanges[0], 'etag'), etag);
  const warning = withCode(await warned, 'missing-precondition')[0];
  assert.strictEqual(warning.range.start.line, putLine);
  assert.match(warning.message, /GET \/dav\/remembered\.txt returned ETag and Last-Modified at \d\d:\d\d/, warning.message);
  assert.ok(fs.readFileSync(fixture(STORE).fsPath, 'utf8').includes(`${base}/dav/remembered.txt`), 'the observation is not in the store');

  // Forget what the runner has seen: the warning goes back to a hint, and the store is gone.
  const hinted = waitForDiagnostics(uri, putAt(vscode.DiagnosticSeverity.Hint), 15_000, { afterEvent: true, what: 'missing-precondition as a Hint after forgetting' });
  hinted.catch(() => undefined);
  await vscode.commands.executeCommand('etagGuard.forgetEvidence');
  const hint = withCode(await hinted, 'missing-precondition')[0];
  assert.strictEqual(hint.range.start.line, putLine);
  assert.doesNotMatch(hint.message, /returned ETag/, hint.message);
  assert.ok(!fs.existsSync(fixture(STORE).fsPath), 'the store is still there after forgetting');
});
