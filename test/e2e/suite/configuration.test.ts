// The `etagGuard.rules` setting reaches the language server and re-lints open documents live.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import { describeDiagnostics, lacksCode, openWithDiagnostics, waitForDiagnostics, withCode } from './util';

async function setRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('etagGuard').update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

async function setStrict(strict: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('etagGuard').update('strict', strict, vscode.ConfigurationTarget.Workspace);
}

const severityIs = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
  withCode(ds, 'missing-precondition').some((d) => d.severity === severity);

test('etagGuard.rules: "off" removes a rule\'s diagnostics, "error" raises its severity, live', async () => {
  // legacy.rest's DELETE has no evidence that the API versions the widget, so missing-precondition is a hint
  // whatever its level; `etagGuard.strict` makes it the configured level (warning by default), live too.
  const { uri } = await openWithDiagnostics('legacy.rest', severityIs(vscode.DiagnosticSeverity.Hint));
  try {
    const warned = waitForDiagnostics(uri, severityIs(vscode.DiagnosticSeverity.Warning), 15_000, { what: 'strict: a warning' });
    await setStrict(true);
    await warned;
    const gone = waitForDiagnostics(uri, lacksCode('missing-precondition'), 15_000, { afterEvent: true, what: 'rule turned off' });
    await setRules({ 'missing-precondition': 'off' });
    await gone;
    const raised = waitForDiagnostics(uri, severityIs(vscode.DiagnosticSeverity.Error), 15_000, { what: 'missing-precondition as an Error' });
    await setRules({ 'missing-precondition': 'error' });
    const diags = await raised;
    assert.strictEqual(withCode(diags, 'missing-precondition').length, 1, describeDiagnostics(diags));
  } finally {
    const back = waitForDiagnostics(uri, severityIs(vscode.DiagnosticSeverity.Hint), 15_000, { what: 'default (a hint without evidence) restored' });
    await setRules(undefined);
    await setStrict(undefined);
    await back;
  }
});
