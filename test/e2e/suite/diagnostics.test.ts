// Diagnostics: rule ids, ranges, messages, docs links, and live updates on edit.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import { codeOf, describeDiagnostics, hasCode, lacksCode, lineOf, openWithDiagnostics, SOURCE, waitForDiagnostics, withCode } from './util';

test('missing-precondition: flags the unguarded PUT, on its request line', async () => {
  const { doc, diags } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  const put = lineOf(doc, /^PUT /);
  const found = withCode(diags, 'missing-precondition');
  assert.strictEqual(found.length, 1, describeDiagnostics(diags));
  const d = found[0];
  assert.strictEqual(d.source, SOURCE);
  assert.strictEqual(d.range.start.line, put, `range starts on line ${d.range.start.line}, PUT is on ${put}`);
  assert.strictEqual(d.range.end.line, put, 'range spills past the request line');
  assert.ok(!d.range.isEmpty, 'empty range');
  assert.ok(doc.getText(d.range).length > 0 && doc.lineAt(put).text.includes(doc.getText(d.range)));
  assert.match(d.message, /If-Match/i);
  assert.ok(d.severity === vscode.DiagnosticSeverity.Warning || d.severity === vscode.DiagnosticSeverity.Error,
    `severity ${d.severity}`);
});

test('missing-precondition: GET and the If-Match-guarded DELETE are not flagged', async () => {
  const { doc, diags } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  const get = lineOf(doc, /^GET /);
  const del = lineOf(doc, /^DELETE /);
  const onRequest = (l: number) => withCode(diags, 'missing-precondition').filter((d) => d.range.start.line === l);
  assert.deepStrictEqual(onRequest(get), [], 'GET flagged');
  assert.deepStrictEqual(onRequest(del), [], 'guarded DELETE flagged');
});

test('diagnostic code carries the rule id and a docs link', async () => {
  const { diags } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  const d = withCode(diags, 'missing-precondition')[0];
  assert.ok(typeof d.code === 'object' && d.code !== null, `code is ${JSON.stringify(d.code)}, expected { value, target }`);
  const target = (d.code as { value: string | number; target: vscode.Uri }).target;
  assert.ok(target instanceof vscode.Uri, 'code.target is not a Uri');
  // The page shipped in the extension (opened offline inside VS Code), not the web address the server sends.
  assert.strictEqual(target.scheme, 'file');
  assert.match(target.path, /\/docs\/rules\/missing-precondition\.md$/);
});

test('If-Unmodified-Since and If-None-Match: * count as preconditions', async () => {
  const { diags } = await openWithDiagnostics('other-preconditions.http', () => true, { afterEvent: true, what: 'first publish' });
  assert.deepStrictEqual(withCode(diags, 'missing-precondition').map((d) => d.range.start.line), [], describeDiagnostics(diags));
});

test('invalid-etag: unquoted If-Match value, range on the value', async () => {
  const { doc, diags } = await openWithDiagnostics('invalid-etag.http', hasCode('invalid-etag'));
  const line = lineOf(doc, /^If-Match: abc$/);
  const d = withCode(diags, 'invalid-etag')[0];
  assert.strictEqual(d.range.start.line, line);
  assert.strictEqual(doc.getText(d.range), 'abc', `range covers "${doc.getText(d.range)}"`);
  assert.match(d.message, /quot|entity.tag|etag/i);
  assert.ok(!diags.some((x) => codeOf(x) === 'missing-precondition'), 'an If-Match header, even malformed, is a precondition');
});

test('weak-etag-in-if-match: W/"abc" in If-Match is flagged', async () => {
  const { doc, diags } = await openWithDiagnostics('weak-etag.http', hasCode('weak-etag-in-if-match'));
  const d = withCode(diags, 'weak-etag-in-if-match')[0];
  assert.strictEqual(d.range.start.line, lineOf(doc, /^If-Match: W\//));
  assert.match(doc.getText(d.range), /W\//);
  assert.match(d.message, /weak|strong/i);
});

test('a clean file gets no diagnostics', async () => {
  const { diags } = await openWithDiagnostics('clean.http', () => true, { afterEvent: true, what: 'first publish' });
  assert.deepStrictEqual(describeDiagnostics(diags), '[]');
});

test('diagnostics follow edits: adding If-Match clears missing-precondition', async () => {
  const { doc, editor } = await openWithDiagnostics('edit-me.http', hasCode('missing-precondition'));
  const put = lineOf(doc, /^PUT /);
  const cleared = waitForDiagnostics(doc.uri, lacksCode('missing-precondition'), 15_000,
    { afterEvent: true, what: 'missing-precondition to go away after the edit' });
  assert.ok(await editor.edit((b) => b.insert(new vscode.Position(put + 1, 0), 'If-Match: "v1"\n')));
  await cleared;
  const back = waitForDiagnostics(doc.uri, hasCode('missing-precondition'), 15_000, { what: 'missing-precondition back after undo' });
  await vscode.commands.executeCommand('undo');
  await back;
});

test('hardcoded-etag: a literal tag in If-Match on a write is an Information on the value', async () => {
  const { doc, diags } = await openWithDiagnostics('requests.http', hasCode('hardcoded-etag'));
  const found = withCode(diags, 'hardcoded-etag');
  const del = lineOf(doc, /^DELETE /);
  assert.deepStrictEqual(found.map((d) => d.range.start.line), [lineOf(doc, /^If-Match: "v7"$/, del)], describeDiagnostics(diags));
  assert.strictEqual(doc.getText(found[0].range), '"v7"');
  assert.strictEqual(found[0].severity, vscode.DiagnosticSeverity.Information);
});
