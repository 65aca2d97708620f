// One click on "Refresh ETag and retry" after a 412, checked end to end — shared by the demo-API and the Apache
// tests: the attempts, the file's If-Match, the cleared diagnostic, the outcome in the response view, one undo.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { clickLens, lensesTitled, waitForResponseView } from './runner-util';
import { describeDiagnostics, lacksCode, lineOf, waitForDiagnostics, withCode } from './util';

/** The title of the retry lens and quick fix. */
export const RETRY = /Refresh ETag and retry$/;

/** What etagGuard.refreshAndRetry resolves to (the subset asserted; client/src/retry/refresh-and-retry.ts). */
interface RetryOutcomeSummary {
  attempts: { status: number }[];
  diagnosis: { cause: string };
  stopped?: string;
}

export interface OneClickRetry {
  /** The request file and the line of the request that got 412 (it has one If-Match line). */
  doc: vscode.TextDocument;
  line: number;
  /** The If-Match it sent. */
  sent: string;
  /**
   * The server's ETag after the retried write, read straight from the server: what the retry must write into
   * the file (the tag before the write is stale as soon as the write lands, issue 15).
   */
  current: () => Promise<string>;
  /** The status the retried write must get. */
  retried: number;
  /** Checks, through the server, that the retried write landed. */
  landed: () => Promise<void>;
}

const ifMatchLine = (doc: vscode.TextDocument) => doc.lineAt(lineOf(doc, /^If-Match:/)).text;

/**
 * Clicks the lens with `etagGuard.retry.confirm: never` (a modal would block an unattended run) and checks the
 * whole outcome; the file is reverted at the end whatever happens.
 */
export async function retryInOneClick({ doc, line, sent, current, retried, landed }: OneClickRetry): Promise<string> {
  const config = vscode.workspace.getConfiguration('etagGuard');
  const original = doc.getText();
  await config.update('retry.confirm', 'never', vscode.ConfigurationTarget.Workspace);
  try {
    const [lens] = await lensesTitled(doc.uri, RETRY);
    assert.ok(lens, 'no "Refresh ETag and retry" lens after the 412');
    const cleared = waitForDiagnostics(doc.uri, lacksCode('precondition-failed'), 15_000, { afterEvent: true, what: 'the 412 diagnostic cleared by the retry' });
    cleared.catch(() => undefined);
    const outcome = await clickLens<RetryOutcomeSummary | undefined>(lens);
    assert.ok(outcome, 'refreshAndRetry attempted nothing');
    assert.deepStrictEqual(outcome.attempts.map((a) => a.status), [412, retried], outcome.stopped);
    assert.strictEqual(outcome.diagnosis.cause, 'changed');
    assert.strictEqual(ifMatchLine(doc), `If-Match: ${await current()}`, 'the file should hold the ETag the resource has after the write');
    assert.strictEqual(lineOf(doc, /^(PUT|PATCH|DELETE|POST) /), line, 'the request moved');
    await landed();
    assert.deepStrictEqual(withCode(await cleared, 'precondition-failed'), [], describeDiagnostics(await cleared));
    const view = await waitForResponseView((t) => t.includes(`Refresh and retry: 412 → ${retried}`) && t.includes(`HTTP ${retried}`), 'the retry outcome');
    const viewText = view.getText();
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(ifMatchLine(doc), `If-Match: ${sent}`, 'one undo did not restore the sent If-Match');
    assert.ok(!doc.isDirty, 'after one undo the file should be back to its saved text');
    return viewText;
  } finally {
    await config.update('retry.confirm', undefined, vscode.ConfigurationTarget.Workspace);
    await restoreText(doc, original);
  }
}

/** Puts `original` back (and on disk), whatever a failed assertion left behind: later tests use the same file. */
export async function restoreText(doc: vscode.TextDocument, original: string): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  if (doc.getText() === original) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
  await vscode.workspace.applyEdit(edit);
  await doc.save();
}
