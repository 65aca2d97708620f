import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { diagnose, type DiagnoseInput } from './diagnose';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const DATE = 'Thu, 26 Nov 2026 10:00:00 GMT';

function input(over: Partial<DiagnoseInput>): DiagnoseInput {
  return {
    method: 'PUT',
    sent: { 'If-Match': '"v1"' },
    response: { status: 412, headers: { date: DATE } },
    reread: { status: 200, headers: { etag: '"v2"', 'last-modified': 'Thu, 26 Nov 2026 09:59:00 GMT' } },
    localTime: NOW,
    ...over,
  };
}

describe('diagnose a 412', () => {
  it('changed: the sent ETag is no longer current', () => {
    const d = diagnose(input({ capturedBy: 'item (GET on line 2)' }));
    assert.equal(d.cause, 'changed');
    assert.equal(d.failed, 'If-Match');
    assert.equal(d.sent, '"v1"');
    assert.equal(d.current, '"v2"');
    assert.equal(d.transient, false);
    assert.match(d.advice, /captured by item \(GET on line 2\)/);
    assert.match(d.steps[0], /^1\. If-Match: "v1" against current ETag "v2" \(strong comparison\) → false/);
  });

  it('weak-etag: a weak tag was sent', () => {
    const d = diagnose(input({ sent: { 'If-Match': 'W/"v2"' } }));
    assert.equal(d.cause, 'weak-etag');
    assert.equal(d.transient, false);
  });

  it('weak-etag (transient): the server serves only a weak ETag right after a write, as Apache does', () => {
    const d = diagnose(input({ sent: { 'If-Match': '"5-abc"' }, reread: { status: 200, headers: { etag: 'W/"5-abc"' } } }));
    assert.equal(d.cause, 'weak-etag');
    assert.equal(d.transient, true);
    assert.match(d.advice, /Apache/);
  });

  it('transformed-etag: Apache mod_deflate -gzip suffix, naming the directive', () => {
    const d = diagnose(input({
      sent: { 'If-Match': '"2a-5f1-gzip"' },
      response: { status: 412, headers: { date: DATE, server: 'Apache/2.4.62 (Debian)' } },
      reread: { status: 200, headers: { etag: '"2a-5f1"', server: 'Apache/2.4.62 (Debian)' } },
    }));
    assert.equal(d.cause, 'transformed-etag');
    assert.match(d.advice, /DeflateAlterETag NoChange/);
    assert.match(d.advice, /45023/);
  });

  it('transformed-etag: nginx gzip weakening', () => {
    const d = diagnose(input({
      sent: { 'If-Match': '"65a-1f"' },
      reread: { status: 200, headers: { etag: 'W/"65a-1f"', 'content-encoding': 'gzip', server: 'nginx/1.22.1' } },
    }));
    assert.equal(d.cause, 'transformed-etag');
    assert.match(d.advice, /nginx/);
  });

  it('exists: If-None-Match: * on an existing resource is not retried', () => {
    const d = diagnose(input({ sent: { 'If-None-Match': '*' } }));
    assert.equal(d.cause, 'exists');
    assert.equal(d.failed, 'If-None-Match');
    assert.equal(d.transient, false);
  });

  it('missing: the re-read answers 404', () => {
    const d = diagnose(input({ reread: { status: 404, headers: {} } }));
    assert.equal(d.cause, 'missing');
    assert.equal(d.failed, 'If-Match');
  });

  it('precondition-required: a 428 offers the current ETag', () => {
    const d = diagnose(input({ sent: {}, response: { status: 428, headers: {} } }));
    assert.equal(d.cause, 'precondition-required');
    assert.match(d.advice, /If-Match with the current ETag \("v2"\)/);
  });

  it('modified-since: If-Unmodified-Since older than Last-Modified', () => {
    const d = diagnose(input({ sent: { 'If-Unmodified-Since': 'Thu, 26 Nov 2026 09:00:00 GMT' } }));
    assert.equal(d.cause, 'modified-since');
    assert.equal(d.failed, 'If-Unmodified-Since');
  });

  it('clock-skew: If-Unmodified-Since later than the server clock', () => {
    const d = diagnose(input({
      sent: { 'If-Unmodified-Since': 'Thu, 26 Nov 2026 10:05:00 GMT' },
      response: { status: 412, headers: { date: 'Thu, 26 Nov 2026 09:55:00 GMT' } },
    }));
    assert.equal(d.cause, 'clock-skew');
    assert.equal(d.clockSkewSeconds, -300);
  });

  it('unexplained: the preconditions pass on replay', () => {
    const d = diagnose(input({ sent: { 'If-Match': '"v2"' } }));
    assert.equal(d.cause, 'unexplained');
    assert.match(d.steps.at(-1)!, /would apply/);
  });

  it('names intermediaries seen in the responses', () => {
    const d = diagnose(input({ response: { status: 412, headers: { date: DATE, via: '1.1 varnish', age: '30' } } }));
    assert.deepEqual(d.intermediaries, ['via: 1.1 varnish', 'age: 30']);
    assert.match(d.advice, /Cache-Control: no-cache/);
  });
});
