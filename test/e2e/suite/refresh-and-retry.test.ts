// The 412 workflow (issue 7) against the demo API: a stale write is explained in the response view, offers
// "Refresh ETag and retry" as a quick fix and a lens, and one click ends in 200 with If-Match updated, undoably.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { currentEtag } from './demo-api';
import { test } from './harness';
import { clickLens, lensesTitled, waitForResponseView } from './runner-util';
import { STALE_TAG, staleWrite } from './stale-write';
import { actionsAt, describeDiagnostics, lacksCode, lineOf, quickFixes, titles, waitForDiagnostics, withCode } from './util';

const RETRY = /Refresh ETag and retry$/;

/** What etagGuard.refreshAndRetry resolves to (the subset asserted; client/src/retry/refresh-and-retry.ts). */
interface RetryOutcomeSummary {
  attempts: { status: number }[];
  diagnosis: { cause: string; failed?: string; sent?: string; current?: string };
  stopped?: string;
}

const ifMatchLine = (doc: vscode.TextDocument) => doc.lineAt(lineOf(doc, /^If-Match:/)).text;

test('412 workflow: the response view explains the 412 (If-Match, cause changed, sent vs current)', async () => {
  const { itemUrl } = await staleWrite();
  const current = await currentEtag(itemUrl);
  const view = await waitForResponseView((t) => t.includes('HTTP 412') && t.includes('412 explained:'), 'the 412 explanation');
  const text = view.getText();
  assert.match(text, /^# 412 explained: If-Match failed \(cause: changed\)$/m, text);
  assert.match(text, new RegExp(`^#\\s+sent:\\s+${STALE_TAG}$`, 'm'), text);
  assert.ok(text.includes(`current:  ${current}`), `the view does not show the current ETag ${current}:\n${text}`);
});

test('412 workflow: the precondition-failed diagnostic offers "Refresh ETag and retry", and so does a lens', async () => {
  const { uri, line, diagnostic } = await staleWrite();
  const actions = await actionsAt(uri, diagnostic.range);
  const fix = quickFixes(actions).find((a) => RETRY.test(a.title));
  assert.ok(fix, `no "Refresh ETag and retry" quick fix among: ${titles(actions)}`);
  assert.ok(fix.isPreferred, 'the retry should be the preferred fix for a 412');
  assert.deepStrictEqual([fix.command?.command, fix.command?.arguments], ['etagGuard.refreshAndRetry', [uri.toString(), line]]);
  const lenses = await lensesTitled(uri, RETRY);
  assert.deepStrictEqual(lenses.map((l) => [l.range.start.line, l.command!.command, l.command!.arguments]),
    [[line, 'etagGuard.refreshAndRetry', [uri.toString(), line]]]);
});

test('412 workflow: one click on "Refresh ETag and retry" → 412 then 200, If-Match updated in the file, one undo restores it', async () => {
  const { doc, uri, line, itemUrl } = await staleWrite();
  const config = vscode.workspace.getConfiguration('etagGuard');
  await config.update('retry.confirm', 'never', vscode.ConfigurationTarget.Workspace); // no modal in an unattended run
  try {
    const before = await currentEtag(itemUrl);
    const [lens] = await lensesTitled(uri, RETRY);
    assert.ok(lens, 'no "Refresh ETag and retry" lens after the 412');
    const cleared = waitForDiagnostics(uri, lacksCode('precondition-failed'), 15_000, { afterEvent: true, what: 'the 412 diagnostic cleared by the retry' });
    cleared.catch(() => undefined);
    const outcome = await clickLens<RetryOutcomeSummary | undefined>(lens);
    assert.ok(outcome, 'refreshAndRetry attempted nothing');
    assert.deepStrictEqual(outcome.attempts.map((a) => a.status), [412, 200], outcome.stopped);
    assert.strictEqual(outcome.diagnosis.cause, 'changed');
    assert.strictEqual(ifMatchLine(doc), `If-Match: ${before}`);
    assert.strictEqual(lineOf(doc, /^PUT /), line, 'the request moved');
    // the retried write really reached the server
    const item = (await (await fetch(itemUrl)).json()) as { name: string };
    assert.strictEqual(item.name, 'stale write');
    assert.deepStrictEqual(withCode(await cleared, 'precondition-failed'), [], describeDiagnostics(await cleared));
    await waitForResponseView((t) => t.includes('Refresh and retry: 412 → 200') && t.includes('HTTP 200'), 'the retry outcome');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(ifMatchLine(doc), `If-Match: ${STALE_TAG}`, 'one undo did not restore the sent If-Match');
    assert.ok(!doc.isDirty, 'after one undo the file should be back to its saved text');
  } finally {
    await config.update('retry.confirm', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
});
