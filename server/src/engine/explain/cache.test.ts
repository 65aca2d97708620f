import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareCache } from './cache';
import { diagnose, type DiagnoseInput } from './diagnose';

const NOW = Date.parse('2026-11-26T10:00:00Z');

function input(over: Partial<DiagnoseInput>): DiagnoseInput {
  return {
    method: 'PUT',
    sent: { 'If-Match': '"v1"' },
    response: { status: 412, headers: {} },
    reread: { status: 200, headers: { etag: '"v2"' } },
    rereadRequest: { 'Cache-Control': 'no-cache' },
    localTime: NOW,
    ...over,
  };
}

describe('cache-aware diagnosis', () => {
  it('says the re-read bypassed caches, so the current ETag is the origin\'s', () => {
    const d = diagnose(input({}));
    assert.equal(d.rereadBypassedCache, true);
    assert.equal(d.cachedEtag, undefined);
    assert.match(d.cacheNote!, /re-read sent Cache-Control: no-cache.*"v2" is the origin's ETag/);
    assert.equal(d.steps.at(-1), d.cacheNote);
  });

  it('a validator captured through a cache that differs from the origin\'s: cachedEtag vs current, the advice blames the cache', () => {
    const d = diagnose(input({ captured: { status: 200, headers: { ETag: '"v1"', Age: '120', 'X-Cache': 'HIT' } } }));
    assert.equal(d.cause, 'changed');
    assert.equal(d.cachedEtag, '"v1"');
    assert.equal(d.current, '"v2"');
    assert.match(d.advice, /came through an intermediary \(age: 120; x-cache: HIT\); the origin answers "v2": a cache served a stale representation/);
    assert.match(d.advice, /the re-read already bypassed caches with Cache-Control: no-cache/);
    assert.deepEqual(d.intermediaries, ['age: 120', 'x-cache: HIT']);
  });

  it('a cached validator equal to the origin\'s is reported as not stale and does not change the advice', () => {
    const d = diagnose(input({ sent: { 'If-Match': '"v2"' }, captured: { status: 200, headers: { etag: '"v2"', via: '1.1 varnish' } } }));
    assert.equal(d.cachedEtag, '"v2"');
    assert.match(d.cacheNote!, /is the origin's too \("v2"\): the cache was not stale/);
    assert.doesNotMatch(d.advice, /stale representation/);
  });

  it('a re-read that still looks cached despite no-cache is called out', () => {
    const d = diagnose(input({ reread: { status: 200, headers: { etag: '"v2"', 'cf-cache-status': 'HIT' } } }));
    assert.match(d.cacheNote!, /still looks cached \(cf-cache-status: HIT\): an intermediary ignores no-cache/);
  });

  it('backward compatible: without the new inputs the diagnosis has no cache fields', () => {
    const d = diagnose(input({ rereadRequest: undefined }));
    assert.equal(d.rereadBypassedCache, undefined);
    assert.equal(d.cacheNote, undefined);
    assert.equal('cachedEtag' in d, false);
  });

  it('a captured response without intermediary headers gives no cached ETag', () => {
    assert.equal(compareCache({ captured: { headers: { etag: '"v1"' } }, reread: { headers: { etag: '"v2"' } } }).cachedEtag, undefined);
    assert.equal(compareCache({ rereadRequest: { 'cache-control': 'max-age=0' } }).rereadBypassedCache, true);
  });
});
