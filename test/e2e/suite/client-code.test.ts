// Client code (issue 6): the language server lints TypeScript and Python HTTP calls with the .http rule ids,
// and its quick fixes edit the code in the library's idiom.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import {
  actionsAt, applyCodeAction, describeDiagnostics, hasCode, lacksCode, lineOf, openWithDiagnostics, quickFixes, titles,
  waitForDiagnostics, withCode,
} from './util';

/** The range of `callee` on the line matching `needle`: where missing-precondition points in code. */
function calleeRange(doc: vscode.TextDocument, needle: RegExp, callee: string): vscode.Range {
  const line = lineOf(doc, needle);
  const start = doc.lineAt(line).text.indexOf(callee);
  return new vscode.Range(line, start, line, start + callee.length);
}

/** Opens `rel`, checks its single missing-precondition (a hint: no evidence) is on `callee`, applies the fix titled `title`. */
/** How missing-precondition judges the fixture: a hint without evidence, a warning naming the evidence. */
interface Expected {
  severity: vscode.DiagnosticSeverity;
  message: RegExp;
}

/** The fixtures' URL is a parameter and nothing in the workspace says the API versions it (docs/configuration.md, `strict`). */
const WITHOUT_EVIDENCE: Expected = { severity: vscode.DiagnosticSeverity.Hint, message: /nothing in the workspace says it does/ };

async function fixUnguardedWrite(rel: string, languageId: string, needle: RegExp, callee: string, title: RegExp, expected = WITHOUT_EVIDENCE): Promise<vscode.TextDocument> {
  const { doc, uri, diags } = await openWithDiagnostics(rel, hasCode('missing-precondition'));
  assert.strictEqual(doc.languageId, languageId);
  const found = withCode(diags, 'missing-precondition');
  assert.strictEqual(found.length, 1, describeDiagnostics(diags));
  assert.deepStrictEqual(found[0].range, calleeRange(doc, needle, callee), `diagnostic range: ${describeDiagnostics(found)}`);
  // Hint or warning, its fixes are offered all the same.
  assert.strictEqual(found[0].severity, expected.severity, describeDiagnostics(found));
  assert.match(found[0].message, expected.message, describeDiagnostics(found));
  const actions = await actionsAt(uri, found[0].range);
  const fix = quickFixes(actions).find((a) => title.test(a.title));
  assert.ok(fix, `no quick fix matching ${title} among: ${titles(actions)}`);
  const cleared = waitForDiagnostics(uri, lacksCode('missing-precondition'), 15_000, { afterEvent: true, what: 'missing-precondition fixed' });
  await applyCodeAction(fix);
  await cleared;
  return doc;
}

async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

test('client code (TypeScript): fetch PUT without If-Match → missing-precondition on `fetch`; the fix inserts a read', async () => {
  const doc = await fixUnguardedWrite('client-code/save.ts', 'typescript', /await fetch\(url/, 'fetch', /^Insert a GET/);
  try {
    const text = doc.getText();
    assert.match(text, /\n {2}const current = await fetch\(url\);\n {2}const etag = current\.headers\.get\('ETag'\);\n {2}if \(etag === null\) throw new Error\('The server sent no ETag: refusing to write without a precondition\.'\);\n/, text);
    assert.match(text, /\n {2}await fetch\(url, \{ method: 'PUT', body, headers: \{ 'If-Match': etag \} \}\);/, text);
  } finally {
    await revert(doc);
  }
});

test('client code (Python): requests.put without If-Match → missing-precondition on `requests.put`; the fix uses the ETag in scope', async () => {
  // The function reads the resource's ETag before it writes (and writes without it): evidence enough to warn, and
  // the message names it first, before the read-modify-write it also is.
  const etagRead = { severity: vscode.DiagnosticSeverity.Warning, message: /the file reads the ETag of the response to the GET on line 6/ };
  const doc = await fixUnguardedWrite('client-code/save.py', 'python', /return requests\.put/, 'requests.put', /^Add If-Match from/, etagRead);
  try {
    assert.strictEqual(doc.lineAt(lineOf(doc, /requests\.put/)).text, '    return requests.put(url, json={"name": name}, headers={"If-Match": etag})');
  } finally {
    await revert(doc);
  }
});
