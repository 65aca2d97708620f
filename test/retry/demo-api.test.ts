// Refresh-and-retry against the demo API: every cause the 412 workflow distinguishes, end to end over HTTP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runAll, runRequest, type Exchange } from '../../server/src/runner/executor';
import { useDemoApi } from '../runner/demo-session';
import { source } from '../runner/helpers';
import { runAndRetry } from './retry-harness';

describe('refresh-and-retry against the demo API', () => {
  let now = Date.parse('2026-11-26T10:00:00Z');
  const api = useDemoApi({ clock: () => now, weakWindowMs: 1000, beforeEach: () => { now += 60_000; } });
  const base = () => ({ overrides: { base: api.url() } });

  it('stale If-Match: explains "changed", shows the diff, edits the literal, resends → 200', async () => {
    const text = [
      'PATCH {{base}}/items/1', 'Content-Type: application/json', '', '{"price": 11}', '###',
      'PUT {{base}}/items/1', 'If-Match: "stale"', 'Content-Type: application/json', '', '{"id": 1, "name": "Widget", "price": 12}',
    ].join('\n');
    const run = await runAndRetry(api.session(), text, base());
    assert.equal(run.outcome.diagnosis.cause, 'changed');
    assert.equal(run.outcome.diagnosis.failed, 'If-Match');
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412, 200]);
    assert.equal(run.questions.length, 1, 'a real change is confirmed before the resend');
    assert.deepEqual(run.questions[0].changes, ['~ /price: 11 → 12']);
    // The file gets the ETag the write returned: the re-read's one is stale as soon as the write lands (issue 15).
    const written = run.outcome.final!.headers.etag as string;
    assert.notEqual(written, run.outcome.diagnosis.current);
    assert.deepEqual(run.outcome.fresh && { value: run.outcome.fresh.value, from: run.outcome.fresh.from }, { value: written, from: 'write' });
    assert.match(run.edited, new RegExp(`If-Match: ${written}\\n`));
  });

  it('a {{read.response.headers.ETag}} reference: the file is left alone and the capture holds the ETag after the write, so sending again passes (issue 15)', async () => {
    const text = [
      '# @name read', 'GET {{base}}/items/3', '###',
      'PUT {{base}}/items/3', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: application/json', '', '{"id": 3, "name": "Gizmo", "price": 32}',
    ].join('\n');
    const session = api.session();
    // Another client changes the item between the read and the write.
    const otherClient = async (e: Exchange) => {
      if (e.name === 'read') await fetch(`${api.url()}/items/3`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"price": 31}' });
    };
    const run = await runAndRetry(session, text, { ...base(), confirm: 'never', onExchange: otherClient });
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412, 200]);
    assert.equal(run.edited, text, 'the reference stays in the file');
    assert.equal(run.outcome.edit?.refreshes, 'read');
    const written = run.outcome.final!.headers.etag as string;
    assert.equal(session.responses.get('read')!.response!.headers.etag, written);
    const src = source(text);
    const again = await runRequest(src, src.file.requests[1], session, base());
    assert.equal(again.response?.status, 200, 'the next send reuses the refreshed capture');
  });

  it('masks secret-looking fields in the change lines (they reach logs and CI output)', async () => {
    const text = 'PUT {{base}}/items/2\nIf-Match: "stale"\nContent-Type: application/json\n\n{"id": 2, "name": "Gadget", "price": 25, "apiToken": "hunter2"}';
    const run = await runAndRetry(api.session(), text, { ...base(), answer: false });
    assert.ok(run.questions[0].changes.includes('+ /apiToken: "•••"'), run.questions[0].changes.join('\n'));
    assert.ok(!run.questions[0].changes.join('\n').includes('hunter2'));
  });

  it('declining the confirmation sends nothing', async () => {
    const text = 'PUT {{base}}/items/1\nIf-Match: "stale"\nContent-Type: application/json\n\n{"name": "x"}';
    const run = await runAndRetry(api.session(), text, { ...base(), answer: false });
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412]);
    assert.match(run.outcome.stopped!, /declined/);
    assert.equal(run.edited, text);
  });

  it('gzip suffix trap: diagnosed as transformed-etag naming the Apache directive, fixed with the identity ETag', async () => {
    const text = [
      '# @name item', 'GET {{base}}/gzip/items/1', 'Accept-Encoding: gzip', '###',
      'PUT {{base}}/gzip/items/1', 'If-Match: {{item.response.headers.ETag}}', 'Content-Type: application/json', '', '{"id": 1, "name": "Widget", "price": 10}',
    ].join('\n');
    const run = await runAndRetry(api.session(), text, base());
    assert.match(run.results[0].response!.headers.etag as string, /-gzip"$/);
    assert.equal(run.outcome.diagnosis.cause, 'transformed-etag');
    assert.match(run.outcome.diagnosis.advice, /DeflateAlterETag NoChange/);
    assert.equal(run.questions.length, 0, 'nothing changed on the server: no question under whenChanged');
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412, 200]);
  });

  it('weak-after-write window: a strong tag sent while the server serves W/ is retried with backoff → 200', async () => {
    const body = '{"id": 1, "name": "Widget", "price": 30}';
    await runAll(source(`PUT {{base}}/weak-window/items/1\nIf-Match: *\nContent-Type: application/json\n\n${body}`), api.session(), base());
    now += 5000; // the first write is long past its window: reads now give the strong tag
    const text = [
      '# @name item', 'GET {{base}}/weak-window/items/1', '###',
      // Another client rewrites the same content: same strong tag, but weak for a second again (as Apache does).
      'PUT {{base}}/weak-window/items/1', 'If-Match: *', 'Content-Type: application/json', '', body, '###',
      'PUT {{base}}/weak-window/items/1', 'If-Match: {{item.response.headers.ETag}}', 'Content-Type: application/json', '', body,
    ].join('\n');
    const run = await runAndRetry(api.session(), text, { ...base(), onSleep: (ms) => { now += ms; } });
    assert.doesNotMatch(run.results[0].response!.headers.etag as string, /^W\//);
    assert.equal(run.outcome.diagnosis.cause, 'weak-etag');
    assert.equal(run.outcome.diagnosis.transient, true);
    // Two bounded backoffs: before the resend, and for the read after it (the write's own window).
    assert.deepEqual(run.sleeps.slice(0, 2), [300, 600], `backoff before the resend, got ${run.sleeps}`);
    assert.ok(run.sleeps.length >= 3 && run.sleeps.length <= 6, `bounded backoff, got ${run.sleeps}`);
    // Writes on this route answer 204 with no ETag, as Apache mod_dav does: the file gets a read after the write.
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412, 204]);
    assert.equal(run.outcome.fresh?.from, 'read');
    assert.doesNotMatch(run.outcome.fresh!.value, /^W\//);
  });

  it('a weak tag captured inside the window is replaced by the strong one once the server serves it', async () => {
    const body = '{"id": 1, "name": "Widget", "price": 40}';
    const text = [
      'PUT {{base}}/weak-window/items/1', 'If-Match: *', 'Content-Type: application/json', '', body, '###',
      '# @name item', 'GET {{base}}/weak-window/items/1', '###',
      'PUT {{base}}/weak-window/items/1', 'If-Match: {{item.response.headers.ETag}}', 'Content-Type: application/json', '', body,
    ].join('\n');
    const run = await runAndRetry(api.session(), text, { ...base(), onSleep: (ms) => { now += ms; } });
    assert.match(run.results[1].response!.headers.etag as string, /^W\//);
    assert.equal(run.outcome.diagnosis.cause, 'weak-etag');
    assert.equal(run.outcome.diagnosis.transient, false);
    assert.ok(run.sleeps.length >= 1);
    // Writes on this route answer 204 with no ETag, as Apache mod_dav does.
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412, 204]);
    assert.doesNotMatch(run.outcome.final!.sentHeaders.find(([n]) => n === 'If-Match')![1], /^W\//);
  });

  it('If-None-Match: * on an existing resource: explained as "exists" and not retried', async () => {
    const run = await runAndRetry(api.session(), 'PUT {{base}}/items/1\nIf-None-Match: *\nContent-Type: application/json\n\n{"name": "dup"}', base());
    assert.equal(run.outcome.diagnosis.cause, 'exists');
    assert.equal(run.outcome.action.kind, 'stop');
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412]);
  });

  it('428 Precondition Required: a read and If-Match are added to the file, the resend succeeds', async () => {
    const text = 'PATCH {{base}}/strict/items/2\nContent-Type: application/json\n\n{"price": 5}';
    const run = await runAndRetry(api.session(), text, base());
    assert.equal(run.outcome.diagnosis.cause, 'precondition-required');
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [428, 200]);
    assert.equal(run.edited, '# @name resourceBefore1\nGET {{base}}/strict/items/2\n\n###\nPATCH {{base}}/strict/items/2\nContent-Type: application/json\nIf-Match: {{resourceBefore1.response.headers.ETag}}\n\n{"price": 5}');
  });

});
