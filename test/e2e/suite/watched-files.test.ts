// Editing `.etagguardrc.json` re-lints open documents without a reload: the server registers file watchers
// for the project and environment files, VS Code reports the change, diagnostics follow.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import { describeDiagnostics, fixture, hasCode, lacksCode, openWithDiagnostics, waitForDiagnostics, withCode } from './util';

const FOLDER = 'rc-watch';
const encode = (text: string) => new TextEncoder().encode(text);

async function writeRc(rules: Record<string, string>): Promise<void> {
  await vscode.workspace.fs.writeFile(fixture(`${FOLDER}/.etagguardrc.json`), encode(JSON.stringify({ rules }, null, 2)));
}

test('editing .etagguardrc.json turns a rule off and back to error in open documents, live', async () => {
  // Its own folder, so the rc file governs only this document.
  await writeRc({});
  await vscode.workspace.fs.writeFile(fixture(`${FOLDER}/wildcard.http`), encode('PUT https://api.example.com/items/1\nIf-Match: *\n'));
  try {
    const { uri } = await openWithDiagnostics(`${FOLDER}/wildcard.http`, hasCode('wildcard-if-match'));
    const gone = waitForDiagnostics(uri, lacksCode('wildcard-if-match'), 15_000, { afterEvent: true, what: 'rule turned off in the rc file' });
    await writeRc({ 'wildcard-if-match': 'off' });
    await gone;
    const isError = (ds: vscode.Diagnostic[]) => withCode(ds, 'wildcard-if-match').some((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const raised = waitForDiagnostics(uri, isError, 15_000, { afterEvent: true, what: 'wildcard-if-match as an Error' });
    await writeRc({ 'wildcard-if-match': 'error' });
    const diags = await raised;
    assert.strictEqual(withCode(diags, 'wildcard-if-match').length, 1, describeDiagnostics(diags));
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(fixture(FOLDER), { recursive: true });
  }
});
