// Quick fixes through vscode.executeCodeActionProvider, applied and checked on the text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import { applyCodeAction, hasCode, lacksCode, lineOf, openWithDiagnostics, waitForDiagnostics, withCode } from './util';

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<(vscode.CodeAction | vscode.Command)[]> {
  return (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, undefined, 50)) ?? [];
}

test('invalid-etag offers a "quote it" quick fix tied to the diagnostic', async () => {
  const { uri, diags } = await openWithDiagnostics('invalid-etag.http', hasCode('invalid-etag'));
  const d = withCode(diags, 'invalid-etag')[0];
  const actions = (await actionsAt(uri, d.range)).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a);
  const fix = actions.find((a) => /quot/i.test(a.title));
  assert.ok(fix, `no quoting fix among: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
  assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind is ${fix.kind?.value}`);
  assert.ok(fix.isPreferred, 'the quoting fix should be preferred (auto-fix)');
});

test('applying the "quote it" fix rewrites If-Match and clears invalid-etag', async () => {
  const { doc, uri, diags } = await openWithDiagnostics('invalid-etag.http', hasCode('invalid-etag'));
  const d = withCode(diags, 'invalid-etag')[0];
  const fix = (await actionsAt(uri, d.range)).find((a) => /quot/i.test(a.title));
  assert.ok(fix, 'no quoting fix');
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
  const fixes = actions.filter((a) => 'kind' in a && a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
  assert.deepStrictEqual(fixes.map((a) => a.title), []);
});
