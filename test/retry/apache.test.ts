// Refresh-and-retry against a real Apache httpd with mod_dav: the stale update, the mod_deflate -gzip trap,
// the weak-after-write window and the create-only conflict, as they really happen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runAll, Session } from '../../server/src/runner/executor';
import { startApacheDav, type RealServer } from '../servers/real-servers';
import { source } from '../runner/helpers';
import { runAndRetry } from './retry-harness';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('refresh-and-retry against Apache mod_dav', () => {
  let apache: RealServer;
  let session: Session;
  before(async () => {
    apache = await startApacheDav();
    session = new Session();
  });
  after(async () => {
    await session.close();
    await apache.stop();
  });
  const base = () => ({ overrides: { base: apache.url } });
  const put = (path: string, body: string) => runAll(source(`PUT {{base}}${path}\nContent-Type: text/plain\n\n${body}`), session, base());

  /** Apache serves W/ for about a second after a write; wait (bounded) until a read gives the strong tag. */
  async function settle(path: string): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const [head] = await runAll(source(`HEAD {{base}}${path}`), session, base());
      if (String(head.response?.headers.etag ?? '').startsWith('"')) return;
      await sleep(100);
    }
    throw new Error(`Apache kept a weak ETag on ${path} for 5 s`);
  }

  it('stale If-Match → 412 → re-read, explain "changed", edit the file, resend → 204', async () => {
    await put('/dav/stale.txt', 'v1');
    await settle('/dav/stale.txt');
    const text = [
      '# @name read', 'GET {{base}}/dav/stale.txt', '###',
      'PUT {{base}}/dav/stale.txt', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: text/plain', '', 'v2', '###',
      'PUT {{base}}/dav/stale.txt', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: text/plain', '', 'v3',
    ].join('\n');
    const run = await runAndRetry(session, text, base());
    assert.deepEqual(run.results.map((r) => r.response?.status), [200, 204, 412]);
    assert.equal(run.outcome.diagnosis.cause, 'changed');
    assert.equal(run.questions.length, 1);
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412, 204]);
    assert.match(run.edited, /# @name resourceBefore3\nGET \{\{base\}\}\/dav\/stale.txt\n\n###\nPUT \{\{base\}\}\/dav\/stale.txt\nIf-Match: \{\{resourceBefore3.response.headers.ETag\}\}/);
  });

  it('the /davgz/ gzip trap is diagnosed as transformed-etag naming DeflateAlterETag, and fixed', async () => {
    await put('/davgz/big.txt', 'x'.repeat(4096));
    await settle('/davgz/big.txt');
    const text = [
      '# @name read', 'GET {{base}}/davgz/big.txt', 'Accept-Encoding: gzip', '###',
      'PUT {{base}}/davgz/big.txt', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: text/plain', '', 'y'.repeat(4096),
    ].join('\n');
    const run = await runAndRetry(session, text, base());
    assert.match(String(run.results[0].response?.headers.etag), /-gzip"$/);
    assert.equal(run.outcome.diagnosis.cause, 'transformed-etag');
    assert.match(run.outcome.diagnosis.advice, /DeflateAlterETag NoChange/);
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412, 204]);
  });

  it('the weak-after-write window is ridden out with bounded backoff', async () => {
    const text = [
      'PUT {{base}}/dav/window.txt', 'Content-Type: text/plain', '', 'fresh', '###',
      '# @name read', 'GET {{base}}/dav/window.txt', '###',
      'PUT {{base}}/dav/window.txt', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: text/plain', '', 'second',
    ].join('\n');
    const run = await runAndRetry(session, text, base());
    assert.match(String(run.results[1].response?.headers.etag), /^W\//, 'Apache serves W/ right after the write');
    assert.equal(run.outcome.diagnosis.cause, 'weak-etag');
    assert.ok(run.sleeps.length >= 1 && run.sleeps.length <= 6, `bounded backoff (before the resend, then for the read after it), slept ${run.sleeps}`);
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412, 204]);
    // Apache returns no ETag with a PUT: the capture is refreshed from a strong read after the write (issue 15).
    assert.equal(run.outcome.fresh?.from, 'read');
    assert.match(run.outcome.fresh!.value, /^"/);
  });

  it('If-None-Match: * on an existing file is explained as "exists" and not retried', async () => {
    await put('/dav/exists.txt', 'here');
    const run = await runAndRetry(session, 'PUT {{base}}/dav/exists.txt\nIf-None-Match: *\nContent-Type: text/plain\n\nagain', base());
    assert.equal(run.outcome.diagnosis.cause, 'exists');
    assert.deepEqual(run.outcome.attempts.map((a) => a.status), [412]);
  });
});
