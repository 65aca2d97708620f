// After a 412, as a user lives it (issue 15, items 1-6), against the demo API: the clocks of the moment of
// the 412, "Send all" explaining each 412 as it arrives, a reference refreshed by a retry, the report built
// from what happened, history that shows instead of resending, and the resend dated when it went out.
import * as assert from 'assert';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { currentEtag, demoApi } from './demo-api';
import { test } from './harness';
import { restoreText, RETRY } from './one-click-retry';
import { acceptingQuickInput, clickLens, lensesTitled, openRequests, send, waitForResponseView, withPreconditionFailed, type ExchangeSummary } from './runner-util';
import { staleWrite } from './stale-write';
import { fixture } from './util';

const exec = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `act` with `etagGuard.retry.confirm: never` (a modal would block an unattended run). */
async function withoutConfirmation<T>(act: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('etagGuard');
  await config.update('retry.confirm', 'never', vscode.ConfigurationTarget.Workspace);
  try {
    return await act();
  } finally {
    await config.update('retry.confirm', undefined, vscode.ConfigurationTarget.Workspace);
  }
}

/** Clicks the retry lens on `doc` without a confirmation; the file's text is put back afterwards. */
async function clickRetry(doc: vscode.TextDocument): Promise<{ attempts: { status: number }[]; stopped?: string } | undefined> {
  const original = doc.getText();
  try {
    return await withoutConfirmation(async () => {
      const [lens] = await lensesTitled(doc.uri, RETRY);
      assert.ok(lens, 'no "Refresh ETag and retry" lens');
      return clickLens<{ attempts: { status: number }[]; stopped?: string } | undefined>(lens);
    });
  } finally {
    await restoreText(doc, original);
  }
}

/** Accepts the first item of the quick pick `command` opens (the way Enter does) and resolves to what the command returned. */
function pickFirst<T>(command: string): Promise<T> {
  return acceptingQuickInput<T>('workbench.action.acceptSelectedQuickOpenItem', command);
}

test('issue 15 #1: a retry clicked seconds after the 412 judges the 412\'s Date against when it arrived: no false clock skew', async () => {
  const { doc } = await staleWrite();
  // The user reads the explanation before clicking; the server is on this machine, so the clocks agree.
  await pause(3500);
  const outcome = await clickRetry(doc);
  assert.deepStrictEqual(outcome?.attempts.map((a) => a.status), [412, 200], outcome?.stopped);
  const text = (await waitForResponseView((t) => t.includes('Refresh and retry: 412 → 200'), 'the retry outcome')).getText();
  assert.doesNotMatch(text, /clock:/, `a server on the same host reported as skewed:\n${text}`);
}, 60_000);

test('issue 15 #1: "Send all" explains each 412 as it arrives, before a later request of the batch changes the resource', async () => {
  await demoApi();
  const { uri } = await openRequests('send-all-412.http');
  const [all] = await lensesTitled(uri, /^Send all/);
  assert.ok(all, 'no "Send all" lens');
  const exchanges = (await clickLens<ExchangeSummary[]>(all)) ?? [];
  assert.deepStrictEqual(exchanges.map((e) => e.response?.status), [412, 200, 200]);
  const atTheTime = exchanges[1].response!.headers.etag as string;
  const view = await waitForResponseView((t) => t.includes('412 explained:') && t.includes('Stale write, explained as it arrives'), 'the batch\'s 412 explained');
  const text = view.getText();
  assert.ok(text.includes(`current:  ${atTheTime}`), `the explanation should show the ETag when the 412 arrived (${atTheTime}), not after the batch:\n${text}`);
}, 60_000);

test('issue 15 #2: after a retry, the capture a {{reference}} reads holds the fresh ETag: sending the write again passes', async () => {
  const base = await demoApi();
  await send('reference-retry.http', /^GET /);
  // Another client changes the item after our read.
  const other = await fetch(`${base}/items/1`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"price": 11}' });
  assert.strictEqual(other.status, 200);
  const { result } = await withPreconditionFailed(fixture('reference-retry.http'), () => send('reference-retry.http', /^PUT /));
  const { doc, line } = result;
  const before = doc.getText();
  try {
    const outcome = await withoutConfirmation(async () => {
      const [lens] = await lensesTitled(doc.uri, RETRY);
      assert.ok(lens, 'no retry lens');
      return clickLens<{ attempts: { status: number }[] } | undefined>(lens);
    });
    assert.deepStrictEqual(outcome?.attempts.map((a) => a.status), [412, 200]);
    assert.strictEqual(doc.getText(), before, 'the reference stays in the file');
    const again = await send('reference-retry.http', /^PUT /);
    assert.strictEqual(again.line, line);
    assert.deepStrictEqual(again.exchanges.map((e) => e.response?.status), [200], 'the next send reused the stale capture');
  } finally {
    await restoreText(doc, before);
  }
}, 60_000);

test('issue 15 #4: the 412 report tells what happened: the live diagnosis, the retry to 200, one clock figure — nothing re-read at export', async () => {
  const { uri, doc, itemUrl } = await staleWrite();
  const atTheTime = await currentEtag(itemUrl);
  const outcome = await clickRetry(doc);
  assert.deepStrictEqual(outcome?.attempts.map((a) => a.status), [412, 200], outcome?.stopped);
  // The item moves on after the retry: a report that re-read now would tell a different story.
  await fetch(itemUrl, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"price": 99}' });
  const target = path.join(os.tmpdir(), `etag-guard-e2e-report-${process.pid}.md`);
  const markdown = await exec<string>('etagGuard.exportReport', uri.toString(), target);
  assert.ok(markdown, 'no report');
  const last = markdown.slice(markdown.lastIndexOf('\n## '));
  assert.match(last, /- Outcome: retried → 200/, last);
  assert.match(last, /- Cause: \*\*changed\*\*/, last);
  assert.ok(last.includes(`current \`${atTheTime}\``), `the report should keep the ETag seen when the 412 was explained (${atTheTime}):\n${last}`);
  assert.match(last, /Server and local clocks agree within [0-2] s/, last);
  const rows = [...last.matchAll(/\| ([+-]\d+) s \|/g)].map((m) => Math.abs(Number(m[1])));
  assert.ok(rows.length > 0 && rows.every((s) => s <= 2), `clock rows: ${rows}`);
}, 60_000);

test('issue 15 #5: picking a run in the request history shows its stored response; nothing is sent again', async () => {
  const { itemUrl } = await staleWrite();
  const tag = await currentEtag(itemUrl);
  const shown = await pickFirst<unknown>('etagGuard.showHistory');
  assert.ok(shown && !Array.isArray(shown), `picking history re-sent the request: ${JSON.stringify(shown)?.slice(0, 300)}`);
  assert.strictEqual((shown as ExchangeSummary).response?.status, 412, 'the stored 412 is shown');
  assert.strictEqual(await currentEtag(itemUrl), tag, 'the server saw a write');
  const trace = await pickFirst<string | undefined>('etagGuard.showTrace');
  assert.match(trace ?? '', /412/, 'Show Trace from the palette opens the stored trace');
  assert.strictEqual(await currentEtag(itemUrl), tag, 'the server saw a write');
}, 60_000);

test('issue 15 #6: the resend is dated when it went out, not when the retry began (a retry that waits out a weak-ETag window)', async () => {
  const base = await demoApi();
  const { result } = await withPreconditionFailed(fixture('weak-window-stale.http'), () => send('weak-window-stale.http', /^PUT /));
  const { doc } = result;
  const original = doc.getText();
  const [lens] = await lensesTitled(doc.uri, RETRY);
  assert.ok(lens, 'no retry lens');
  let clicked = 0;
  const outcome = await withoutConfirmation(async () => {
    // Another client writes just before the click: the route serves a weak ETag for a second after it, so the
    // retry waits that out before it resends.
    const other = await fetch(`${base}/weak-window/items/1`, { method: 'PUT', headers: { 'If-Match': '*', 'Content-Type': 'application/json' }, body: '{"id": 1, "name": "other"}' });
    assert.ok(other.status < 300, `the other client's write answered ${other.status}`);
    clicked = Date.now();
    return clickLens<{ attempts: { status: number }[]; stopped?: string } | undefined>(lens);
  });
  const done = Date.now();
  assert.deepStrictEqual(outcome?.attempts.map((a) => a.status), [412, 204], outcome?.stopped);
  const view = await waitForResponseView((t) => t.includes('Refresh and retry: 412 → 204'), 'the retry outcome');
  const shownTime = /^# .* — (\S+(?: [AP]M)?)$/m.exec(view.getText())?.[1];
  // The window keeps the resend at least ~1 s after the click: any second after the click's own, up to `done`.
  const possible = new Set<string>();
  for (let t = clicked + 900; t <= done + 250; t += 250) possible.add(new Date(Math.min(t, done)).toLocaleTimeString());
  possible.delete(new Date(clicked).toLocaleTimeString());
  assert.ok(shownTime && possible.has(shownTime), `the view shows ${shownTime}; the resend went out between ${[...possible].join(', ')} (the retry began at ${new Date(clicked).toLocaleTimeString()})`);
  await restoreText(doc, original);
}, 60_000);
