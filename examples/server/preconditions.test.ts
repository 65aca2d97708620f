// Unit tests for the RFC 9110 §13.2.2 decision table, independent of HTTP plumbing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseEtagCondition } from './etag';
import { formatHttpDate } from './http-date';
import { evaluatePreconditions, PreconditionOutcome, Validators } from './preconditions';

const LAST_MODIFIED = Date.UTC(2025, 0, 1, 12, 0, 0, 700);
const CURRENT: Validators = { etag: { weak: false, opaque: '"v2"' }, lastModified: LAST_MODIFIED };
const BEFORE = formatHttpDate(LAST_MODIFIED - 1000);
const SAME_SECOND = formatHttpDate(LAST_MODIFIED); // truncated to 12:00:00, still "not after"

/** `null` = the resource does not exist (a default parameter would swallow `undefined`). */
function run(method: string, headers: Record<string, string>, current: Validators | null = CURRENT): string {
  const outcome: PreconditionOutcome = evaluatePreconditions({
    method,
    headers,
    current: current ?? undefined,
    now: LAST_MODIFIED,
  });
  return outcome.result === 'failed' ? `412 ${outcome.header}` : outcome.result;
}

describe('evaluatePreconditions', () => {
  it('step 1: If-Match uses strong comparison', () => {
    assert.equal(run('PUT', { 'if-match': '"v2"' }), 'proceed');
    assert.equal(run('PUT', { 'if-match': '"v1", "v2"' }), 'proceed');
    assert.equal(run('PUT', { 'if-match': '"v1"' }), '412 If-Match');
    assert.equal(run('PUT', { 'if-match': 'W/"v2"' }), '412 If-Match');
    assert.equal(run('PUT', { 'if-match': '"v2"' }, { ...CURRENT, etag: { weak: true, opaque: '"v2"' } }), '412 If-Match');
    assert.equal(run('PUT', { 'if-match': '*' }), 'proceed');
    assert.equal(run('PUT', { 'if-match': '*' }, null), '412 If-Match');
  });

  it('step 2: If-Unmodified-Since only without If-Match, at one-second resolution', () => {
    assert.equal(run('PUT', { 'if-unmodified-since': BEFORE }), '412 If-Unmodified-Since');
    assert.equal(run('PUT', { 'if-unmodified-since': SAME_SECOND }), 'proceed');
    assert.equal(run('PUT', { 'if-match': '"v2"', 'if-unmodified-since': BEFORE }), 'proceed');
    assert.equal(run('PUT', { 'if-unmodified-since': 'garbage' }), 'proceed');
    assert.equal(run('PUT', { 'if-unmodified-since': BEFORE }, null), 'proceed', 'no modification date: ignored');
  });

  it('step 3: If-None-Match uses weak comparison; 304 for GET/HEAD, 412 otherwise', () => {
    assert.equal(run('GET', { 'if-none-match': 'W/"v2"' }), 'not-modified');
    assert.equal(run('HEAD', { 'if-none-match': '"v2"' }), 'not-modified');
    assert.equal(run('PUT', { 'if-none-match': '"v2"' }), '412 If-None-Match');
    assert.equal(run('PUT', { 'if-none-match': '*' }), '412 If-None-Match');
    assert.equal(run('PUT', { 'if-none-match': '*' }, null), 'proceed');
    assert.equal(run('GET', { 'if-none-match': '"v1"' }), 'proceed');
  });

  it('step 1 wins over step 3 when both fail', () => {
    assert.equal(run('PUT', { 'if-match': '"v1"', 'if-none-match': '"v2"' }), '412 If-Match');
    assert.equal(run('PUT', { 'if-match': '"v2"', 'if-none-match': '"v2"' }), '412 If-None-Match');
  });

  it('step 4: If-Modified-Since for GET/HEAD only, and only without If-None-Match', () => {
    assert.equal(run('GET', { 'if-modified-since': SAME_SECOND }), 'not-modified');
    assert.equal(run('GET', { 'if-modified-since': BEFORE }), 'proceed');
    assert.equal(run('PUT', { 'if-modified-since': SAME_SECOND }), 'proceed');
    assert.equal(run('GET', { 'if-none-match': '"v1"', 'if-modified-since': SAME_SECOND }), 'proceed');
  });
});

describe('parseEtagCondition', () => {
  it('keeps commas inside quoted tags and drops invalid members', () => {
    assert.deepEqual(parseEtagCondition(' "a,b" , W/"c", d, "e'), {
      any: false,
      tags: [
        { weak: false, opaque: '"a,b"' },
        { weak: true, opaque: '"c"' },
      ],
    });
    assert.deepEqual(parseEtagCondition(' * '), { any: true });
    assert.deepEqual(parseEtagCondition('*, "a"'), { any: false, tags: [{ weak: false, opaque: '"a"' }] });
  });
});
