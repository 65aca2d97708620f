// The 412 workflow (issue 7) against the demo API: a stale write is explained in the response view, offers
// "Refresh ETag and retry" as a quick fix and a lens, and one click ends in 200 with If-Match updated, undoably.
import * as assert from 'assert';
import { currentEtag } from './demo-api';
import { test } from './harness';
import { RETRY, retryInOneClick } from './one-click-retry';
import { lensesTitled, waitForResponseView } from './runner-util';
import { STALE_TAG, staleWrite } from './stale-write';
import { actionsAt, quickFixes, titles } from './util';

test('412 workflow: the response view explains the 412 (If-Match, cause changed, sent vs current)', async () => {
  const { itemUrl } = await staleWrite();
  const current = await currentEtag(itemUrl);
  // this request's view: other files' 412s (after-412.test.ts's Send all) are explained in their own views
  const view = await waitForResponseView((t) => t.includes(`PUT ${itemUrl}\n`) && t.includes('HTTP 412') && t.includes('412 explained:'),
    'the 412 explanation of stale-write.http');
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

test('412 workflow: one click on "Refresh ETag and retry" → 412 then 200, If-Match updated in the file to the ETag the write returned, one undo restores it', async () => {
  const { doc, line, itemUrl } = await staleWrite();
  await retryInOneClick({
    doc, line, sent: STALE_TAG, current: () => currentEtag(itemUrl), retried: 200,
    landed: async () => {
      const item = (await (await fetch(itemUrl)).json()) as { name: string };
      assert.strictEqual(item.name, 'stale write', 'the retried write did not reach the demo API');
    },
  });
});
