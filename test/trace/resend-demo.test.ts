// Resend without preconditions (test systems only) against the demo API, and its refusals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runAll, Session } from '../../server/src/runner/executor';
import { DEFAULT_PROTECTED_HOSTS, isProtectedHost } from '../../server/src/runner/resend/host-policy';
import { resendRefusal, resendVerdict, resendWithoutPreconditions, withoutPreconditions, withResendResult } from '../../server/src/runner/resend/resend';
import { diagnose } from '../../server/src/engine';
import { startDemoServer, type DemoServer } from '../../examples/server/demo-server';
import { source } from '../runner/helpers';

const LIMITS = { timeoutMs: 5000, maxResponseBytes: 1 << 20 };

describe('resend without preconditions', () => {
  let demo: DemoServer;
  before(async () => { demo = await startDemoServer({ port: 0 }); });
  after(async () => { await demo.close(); });

  it('on localhost, with the setting on: a stale If-Match 412 resent without it answers 2xx, and the diagnosis says so', async () => {
    const session = new Session();
    try {
      const [failing] = await runAll(source(`PUT {{base}}/items/2\nIf-Match: "stale"\nPrefer: return=minimal\nContent-Type: application/json\n\n{"name": "forced"}`),
        session, { overrides: { base: demo.url } });
      assert.equal(failing.response?.status, 412);
      const result = await resendWithoutPreconditions(session, failing.request, { allowUnconditionalResend: true }, LIMITS);
      assert.equal(result.status, 204);
      assert.deepEqual(result.removed, ['If-Match: "stale"']);
      assert.equal(result.verdict, 'without preconditions the server answers 204: the failure was the precondition');
      assert.match(result.serverDate!, /GMT$/);
      const [after] = await runAll(source('GET {{base}}/items/2'), session, { overrides: { base: demo.url } });
      assert.equal(JSON.parse(after.response!.body.toString()).name, 'forced');
      const d = withResendResult(diagnose({ method: 'PUT', sent: { 'If-Match': '"stale"' }, response: { status: 412, headers: {} },
        reread: { status: 200, headers: { etag: '"x"' } }, localTime: Date.now() }), result);
      assert.match(d.advice, /Without preconditions the server answers 204: the failure was the precondition\.$/);
      assert.equal(d.steps.at(-1), 'Resent once without If-Match: "stale": without preconditions the server answers 204: the failure was the precondition.');
    } finally {
      await session.close();
    }
  });

  it('refuses when the setting is off, and for protected hosts, without sending anything', async () => {
    const session = new Session();
    try {
      const sent = { method: 'PUT', url: `${demo.url}/items/3`, headers: [['If-Match', '"x"']] as [string, string][], body: '{}' };
      await assert.rejects(resendWithoutPreconditions(session, sent, { allowUnconditionalResend: false }, LIMITS), /etagGuard\.allowUnconditionalResend/);
      await assert.rejects(resendWithoutPreconditions(session, { ...sent, url: 'https://api.example.com/items/3' }, { allowUnconditionalResend: true }, LIMITS),
        /api\.example\.com is protected by etagGuard\.protectedHosts.*"!api\.example\.com"/);
      await assert.rejects(resendWithoutPreconditions(session, sent, { allowUnconditionalResend: true, protectedHosts: ['127.0.0.1'] }, LIMITS), /protected/);
      const [item] = await runAll(source('GET {{base}}/items/3'), session, { overrides: { base: demo.url } });
      assert.notEqual(JSON.parse(item.response!.body.toString()).name, undefined);
    } finally {
      await session.close();
    }
  });
});

describe('protected hosts (last matching pattern wins, ! un-protects)', () => {
  it('the default protects everything except loopback and the reserved test domains', () => {
    for (const host of ['localhost', '127.0.0.1', '::1', '[::1]', 'api.test', 'my.box.local']) assert.equal(isProtectedHost(host), false, host);
    for (const host of ['api.example.com', '10.0.0.5', 'localhost.evil.com', '127.0.0.2']) assert.equal(isProtectedHost(host), true, host);
  });

  it('a user list can open a staging host or close localhost', () => {
    assert.equal(isProtectedHost('staging.example.com', [...DEFAULT_PROTECTED_HOSTS, '!staging.example.com']), false);
    assert.equal(isProtectedHost('localhost', [...DEFAULT_PROTECTED_HOSTS, 'localhost']), true);
    assert.equal(isProtectedHost('anything', []), false);
  });

  it('strips every precondition and words each outcome', () => {
    const { headers, removed } = withoutPreconditions([['If-Match', '"a"'], ['if-unmodified-since', 'x'], ['If-None-Match', '*'], ['If-Range', '"a"'], ['If-Modified-Since', 'y'], ['Accept', '*/*']]);
    assert.deepEqual(headers, [['Accept', '*/*']]);
    assert.equal(removed.length, 5);
    assert.match(resendVerdict(412), /still answers 412/);
    assert.match(resendVerdict(428), /requires a precondition/);
    assert.match(resendVerdict(403), /answers 403: the request fails for another reason/);
    assert.equal(resendRefusal('http://localhost:8080/x', { allowUnconditionalResend: true }), undefined);
  });
});
