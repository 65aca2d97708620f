import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exchange } from '../executor';
import type { HopResult } from '../executor/send';
import type { RetryOutcome } from './refresh-and-retry';
import { retriedExchange } from './retried-exchange';

describe('retriedExchange', () => {
  const original = {
    name: 'update', line: 4, startedAt: 1, warnings: ['old'], attempts: [{ url: 'u', status: 412, headers: {} }],
    request: { method: 'PUT', url: 'http://x/items/1', headers: [['If-Match', '"v1"']], body: '{"a":1}' },
    timings: { waitMs: 1, downloadMs: 1, totalMs: 2 },
  } as Exchange;
  const final: HopResult = {
    status: 204, statusText: 'No Content', headers: { etag: '"v3"', 'content-type': 'text/plain' }, sentHeaders: [['If-Match', '"v2"']],
    body: Buffer.alloc(0), size: 0, truncated: false, connectMs: 2, waitMs: 3, downloadMs: 1,
  };

  it('is the resend as an exchange at the request line it has now, with the precondition it sent', () => {
    const outcome = { attempts: [original.attempts[0], { url: 'u', status: 204, headers: final.headers }], final } as unknown as RetryOutcome;
    const exchange = retriedExchange(original, outcome, 8, 1000)!;
    assert.equal(exchange.line, 8);
    assert.equal(exchange.name, 'update');
    assert.equal(exchange.startedAt, 1000);
    assert.deepEqual(exchange.request, { method: 'PUT', url: 'http://x/items/1', headers: [['If-Match', '"v2"']], body: '{"a":1}' });
    assert.deepEqual(exchange.attempts.map((a) => a.status), [204]);
    assert.equal(exchange.response!.status, 204);
    assert.equal(exchange.response!.contentType, 'text/plain');
    assert.deepEqual(exchange.timings, { connectMs: 2, waitMs: 3, downloadMs: 1, totalMs: 6 });
    assert.deepEqual(exchange.warnings, []);
  });

  it('is dated when the resend went out, not when the retry flow began (issue 15)', () => {
    const sentLater = { ...final, sentAt: 5000 };
    const outcome = { attempts: [original.attempts[0], { url: 'u', status: 204, headers: final.headers }], final: sentLater } as unknown as RetryOutcome;
    assert.equal(retriedExchange(original, outcome, 8, 1000)!.startedAt, 5000);
  });

  it('is undefined when nothing was resent', () => {
    assert.equal(retriedExchange(original, { attempts: original.attempts } as RetryOutcome, 4, 0), undefined);
  });
});
