// Quick fixes through vscode.executeCodeActionProvider, applied and checked on the text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import {
  actionsAt, applyCodeAction, describeDiagnostics, hasCode, lacksCode, lineOf, openWithDiagnostics, quickFixes, titles, waitForDiagnostics, withCode,
} from './util';

// the rule's fix for an unquoted tag is titled `Write "abc"`: it writes the quoted form
const QUOTE_FIX = /^Write "abc"$|quot/i;

test('invalid-etag offers a preferred quick fix writing the quoted tag, only on the diagnostic', async () => {
  const { uri, diags } = await openWithDiagnostics('invalid-etag.http', hasCode('invalid-etag'));
  const d = withCode(diags, 'invalid-etag')[0];
  const actions = await actionsAt(uri, d.range);
  const fix = quickFixes(actions).find((a) => QUOTE_FIX.test(a.title));
  assert.ok(fix, `no quoting quick fix among: ${titles(actions)}`);
  assert.ok(fix.isPreferred, 'the quoting fix should be preferred (auto-fix)');
  // (the API command drops CodeAction.diagnostics, so the link to the diagnostic is checked through the range)
  const elsewhere = await actionsAt(uri, new vscode.Range(d.range.start.line + 1, 0, d.range.start.line + 1, 1));
  assert.ok(!quickFixes(elsewhere).some((a) => QUOTE_FIX.test(a.title)), 'the quoting fix is offered off the diagnostic');
});

test('applying the "quote it" fix rewrites If-Match and clears invalid-etag', async () => {
  const { doc, uri, diags } = await openWithDiagnostics('invalid-etag.http', hasCode('invalid-etag'));
  const d = withCode(diags, 'invalid-etag')[0];
  const actions = await actionsAt(uri, d.range);
  const fix = quickFixes(actions).find((a) => QUOTE_FIX.test(a.title));
  assert.ok(fix, `no quoting quick fix among: ${titles(actions)}`);
  const cleared = waitForDiagnostics(uri, lacksCode('invalid-etag'), 15_000, { afterEvent: true, what: 'invalid-etag cleared by the fix' });
  await applyCodeAction(fix);
  assert.strictEqual(doc.lineAt(lineOf(doc, /^If-Match:/)).text, 'If-Match: "abc"');
  await cleared;
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('no quick fix is offered on a line without a problem', async () => {
  const { doc, uri } = await openWithDiagnostics('invalid-etag.http', hasCode('invalid-etag'));
  const line = lineOf(doc, /^Content-Type:/);
  const actions = await actionsAt(uri, doc.lineAt(line).range);
  assert.deepStrictEqual(quickFixes(actions).map((a) => a.title), []);
});

test('missing-precondition: "Add If-Match from" the earlier GET names it and references its ETag', async () => {
  const { doc, uri, diags } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  const d = withCode(diags, 'missing-precondition')[0];
  const actions = await actionsAt(uri, d.range);
  const fixes = quickFixes(actions);
  const fix = fixes.find((a) => /^Add If-Match from/.test(a.title));
  assert.ok(fix, `no "Add If-Match from" fix among: ${titles(actions)}`);
  assert.ok(fix.isPreferred, 'reusing the earlier read should be the preferred fix');
  assert.ok(fixes.some((a) => /If-None-Match: \*/.test(a.title)), `no create-only alternative for a PUT among: ${titles(actions)}`);
  const cleared = waitForDiagnostics(uri, lacksCode('missing-precondition'), 15_000, { afterEvent: true, what: 'missing-precondition fixed' });
  await applyCodeAction(fix);
  await cleared;
  const get = lineOf(doc, /^GET /);
  const name = /^# @name (\w+)$/.exec(doc.lineAt(get - 1).text)?.[1];
  assert.ok(name, `the GET was not named; line above it: "${doc.lineAt(get - 1).text}"`);
  const put = lineOf(doc, /^PUT /);
  const ifMatch = lineOf(doc, /^If-Match:/, put);
  assert.ok(ifMatch < lineOf(doc, /^\{"name": "blue"\}/), 'If-Match landed in the body');
  assert.strictEqual(doc.lineAt(ifMatch).text, `If-Match: {{${name}.response.headers.ETag}}`);
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('stale-etag: reusing an ETag after another write is flagged on the value, and the refresh fix clears it', async () => {
  const { doc, uri, diags } = await openWithDiagnostics('stale.http', hasCode('stale-etag'));
  const stale = withCode(diags, 'stale-etag');
  const patch = lineOf(doc, /^PATCH /);
  assert.deepStrictEqual(stale.map((d) => d.range.start.line), [lineOf(doc, /^If-Match:/, patch)], describeDiagnostics(diags));
  assert.strictEqual(doc.getText(stale[0].range), '{{widget.response.headers.ETag}}');
  assert.match(stale[0].message, /stale|412/i);
  const actions = await actionsAt(uri, stale[0].range);
  const fix = quickFixes(actions).find((a) => /refresh/i.test(a.title));
  assert.ok(fix, `no refreshing-GET fix among: ${titles(actions)}`);
  const cleared = waitForDiagnostics(uri, lacksCode('stale-etag'), 15_000, { afterEvent: true, what: 'stale-etag fixed' });
  await applyCodeAction(fix);
  await cleared;
  const newPatch = lineOf(doc, /^PATCH /);
  const refresh = lineOf(doc, /^GET /, lineOf(doc, /^PUT /));
  assert.ok(refresh < newPatch, 'no GET inserted between the writes');
  const name = /^# @name (\w+)$/.exec(doc.lineAt(refresh - 1).text)?.[1];
  assert.ok(name && name !== 'widget', `inserted GET is not freshly named: "${doc.lineAt(refresh - 1).text}"`);
  assert.strictEqual(doc.lineAt(lineOf(doc, /^If-Match:/, newPatch)).text, `If-Match: {{${name}.response.headers.ETag}}`);
  // Later tests (providers.test.ts) read stale.http's diagnostics: leave it once the reverted text is diagnosed again.
  const restored = waitForDiagnostics(uri, hasCode('stale-etag'), 15_000, { afterEvent: true, what: 'stale-etag back after the revert' });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await restored;
});
