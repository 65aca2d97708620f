import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Exchange } from '../executor/types';
import { diagnose } from '../../engine';
import { RunRecorder } from './recorder';
import { findCapture } from './incident';

const DATE = 'Thu, 26 Nov 2026 10:00:05 GMT';
const AT = Date.parse('2026-11-26T10:00:00Z');

function exchange(line: number, method: string, status: number, headers: Record<string, string>, sent: [string, string][] = []): Exchange {
  return {
    line, startedAt: AT + line, warnings: [], attempts: [{ url: 'http://api.test/items/1', status, headers }],
    request: { method, url: 'http://api.test/items/1', headers: sent },
    response: { status, statusText: '', headers, body: Buffer.alloc(0), size: 0, truncated: false, contentType: '' },
    timings: { waitMs: 1, downloadMs: 0, totalMs: 1 },
  };
}

const meta = { file: 'a.http', generatedAt: AT, tool: 'etag-guard test', platform: 'test' };

describe('412 incident report', () => {
  it('finds where the sent validator came from, whatever carried it', () => {
    const read = exchange(0, 'GET', 200, { etag: '"v1"' });
    const other = exchange(3, 'GET', 200, { etag: '"v9"' });
    const failing = exchange(6, 'PUT', 412, {}, [['If-Match', '"v1"']]);
    assert.equal(findCapture([read, other], failing), read);
    assert.equal(findCapture([other], failing), undefined);
  });

  it('renders the cache comparison, the resend verdict in the diagnosis, the clock difference, and escapes table cells', () => {
    const recorder = new RunRecorder();
    const read = exchange(0, 'GET', 200, { etag: '"v1"', age: '300', 'x-cache': 'HIT', date: DATE });
    const failing = exchange(4, 'PUT', 412, { date: DATE }, [['If-Match', '"v1"'], ['If-None-Match', '"a|b"']]);
    recorder.exchange(read);
    recorder.exchange(failing);
    const diagnosis = diagnose({
      method: 'PUT', sent: { 'If-Match': '"v1"' }, response: { status: 412, headers: { date: DATE } }, localTime: AT,
      reread: { status: 200, headers: { etag: '"v2"' } }, captured: recorder.capturedSnapshot(failing), rereadRequest: { 'Cache-Control': 'no-cache' },
    });
    recorder.found(failing, { diagnosis, stopped: 'declined' });
    recorder.found(failing, { resend: { status: 204, removed: ['If-Match: "v1"'], verdict: 'without preconditions the server answers 204: the failure was the precondition' } });
    const md = recorder.report(meta);
    assert.match(md, /- ETag seen through a cache: `"v1"` vs origin `"v2"`/);
    assert.match(md, /- cachedEtag: `"v1"`/);
    assert.match(md, /a cache served a stale representation/);
    assert.match(md, /- Outcome: not retried — declined/);
    assert.match(md, /Without preconditions the server answers 204: the failure was the precondition\./);
    assert.match(md, /\| Failing request: PUT http:\/\/api\.test\/items\/1 \(line 5\) with If-Match: "v1", If-None-Match: "a\\\|b" \| 2026-11-26T10:00:00\.004Z \| Thu, 26 Nov 2026 10:00:05 GMT \| \+5 s \|/);
    assert.match(md, /The server's clock differs from the local one by 5 s/);
    assert.match(md, /> If-None-Match: "a\|b"/);
    assert.match(md, /Remote address not recorded/);
  });

  it('says so when the run had no 412', () => {
    const recorder = new RunRecorder();
    recorder.exchange(exchange(0, 'GET', 200, {}));
    assert.match(recorder.report(meta), /No request failed with 412 or 428 in this run\.\n$/);
  });
});
