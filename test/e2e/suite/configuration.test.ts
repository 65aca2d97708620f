// The `etagGuard.rules` setting reaches the language server and re-lints open documents live.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import { describeDiagnostics, hasCode, lacksCode, openWithDiagnostics, waitForDiagnostics, withCode } from './util';

async function setRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('etagGuard').update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

test('etagGuard.rules: "off" removes a rule\'s diagnostics, "error" raises its severity, live', async () => {
  const { uri } = await openWithDiagnostics('legacy.rest', hasCode('missing-precondition'));
  try {
    const gone = waitForDiagnostics(uri, lacksCode('missing-precondition'), 15_000, { afterEvent: true, what: 'rule turned off' });
    await setRules({ 'missing-precondition': 'off' });
    await gone;
    const isError = (ds: vscode.Diagnostic[]) => withCode(ds, 'missing-precondition').some((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const raised = waitForDiagnostics(uri, isError, 15_000, { what: 'missing-precondition as an Error' });
    await setRules({ 'missing-precondition': 'error' });
    const diags = await raised;
    assert.strictEqual(withCode(diags, 'missing-precondition').length, 1, describeDiagnostics(diags));
  } finally {
    const back = waitForDiagnostics(uri, (ds) => withCode(ds, 'missing-precondition').some((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      15_000, { what: 'default level (warning) restored' });
    await setRules(undefined);
    await back;
  }
});
