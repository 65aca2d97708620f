import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROBE_CHECKS, probeCheckInfo } from './catalogue';
import { evidenceFor, probeEvidence, probeFacts } from './evidence';
import { READ_CHECK_IDS, WRITE_CHECK_IDS, type ProbeCheckId, type ProbeResult, type ProbeStatus } from './types';

function result(url: string, statuses: Partial<Record<ProbeCheckId, ProbeStatus>>, probedAt = '2026-01-01T00:00:00.000Z'): ProbeResult {
  return {
    url, probedAt, wrote: true, tool: 'etag-guard test',
    checks: Object.entries(statuses).map(([id, status]) => ({ id: id as ProbeCheckId, status: status!, summary: '', evidence: [] })),
  };
}

describe('probe catalogue', () => {
  it('describes every check once, read-only ones first, with an RFC link and a consequence', () => {
    assert.deepEqual(PROBE_CHECKS.map((c) => c.id), [...READ_CHECK_IDS, ...WRITE_CHECK_IDS]);
    for (const c of PROBE_CHECKS) {
      assert.match(c.referenceUrl, /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/, c.id);
      assert.ok(c.consequence.length > 20 && c.title.length > 10, c.id);
      assert.equal(c.write, (WRITE_CHECK_IDS as readonly string[]).includes(c.id));
    }
    assert.equal(probeCheckInfo('if-match-mismatch-write').reference, 'RFC 9110 §13.1.1');
  });
});

describe('probe facts (linter evidence)', () => {
  it('nginx: versioned, strong ETags, If-Match ignored on writes', () => {
    const facts = probeFacts(result('http://h/dav/a', {
      'etag-present': 'pass', 'etag-strong': 'pass', 'last-modified-present': 'pass', 'if-match-mismatch-write': 'fail', 'precondition-required': 'info',
    }));
    assert.deepEqual(facts, { versioned: true, etag: 'strong', ifMatchOnWrite: 'ignored', preconditionRequired: false, gzipEtagRejected: false });
  });

  it('a read-only run leaves write behaviour unknown; a server without ETag or Last-Modified is not versioned', () => {
    const facts = probeFacts(result('http://h/x', { 'etag-present': 'fail', 'last-modified-present': 'warn', 'if-match-mismatch-write': 'skipped', 'precondition-required': 'skipped' }));
    assert.deepEqual(facts, { versioned: false, etag: 'none', ifMatchOnWrite: 'unknown', gzipEtagRejected: false });
  });

  it('Apache with mod_deflate: the gzip ETag is rejected; 428 means preconditions are required', () => {
    const facts = probeFacts(result('http://h/davgz/a', { 'etag-present': 'pass', 'etag-strong': 'warn', 'encoding-changes-etag': 'fail', 'if-match-mismatch-write': 'pass', 'precondition-required': 'pass' }));
    assert.deepEqual(facts, { versioned: true, etag: 'weak', ifMatchOnWrite: 'honoured', preconditionRequired: true, gzipEtagRejected: true });
  });

  it('evidenceFor: the same origin and path first, newest first, then the rest of the origin; other origins never', () => {
    const old = probeEvidence(result('http://api.test/items/1', {}, '2026-01-01T00:00:00.000Z'));
    const recent = probeEvidence(result('http://api.test/items/1', {}, '2026-02-01T00:00:00.000Z'));
    const sibling = probeEvidence(result('http://api.test/items/2', {}, '2026-03-01T00:00:00.000Z'));
    const other = probeEvidence(result('http://other.test/items/1', {}));
    assert.deepEqual(evidenceFor([old, sibling, other, recent], 'http://api.test/items/1?x=1'), [recent, old, sibling]);
    assert.deepEqual(evidenceFor([old], 'not a url'), []);
    assert.deepEqual([recent.origin, recent.path], ['http://api.test', '/items/1']);
  });
});
