import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnosis } from '../../engine';
import type { RetryOutcome } from './refresh-and-retry';
import { explanationLines, nextStepLine, retryLines, withExplanation } from './explanation-text';

const changed: Diagnosis = {
  failed: 'If-Match', sent: '"v1"', current: '"v2"', cause: 'changed', transient: false,
  advice: 'The resource changed since you read it.', steps: ['1. If-Match: "v1" against current ETag "v2" (strong comparison) → false'],
  intermediaries: [], clockSkewSeconds: 0,
};

describe('explanationLines', () => {
  it('says which precondition failed, why, sent vs current, the §13.2.2 replay and the advice', () => {
    assert.deepEqual(explanationLines(412, changed), [
      '412 explained: If-Match failed (cause: changed)',
      '  sent:     "v1"',
      '  current:  "v2"',
      '  RFC 9110 §13.2.2, replayed against a fresh read:',
      '    1. If-Match: "v1" against current ETag "v2" (strong comparison) → false',
      '  advice:   The resource changed since you read it.',
    ]);
  });

  it('names intermediaries and a clock skew worth mentioning, and marks transient causes', () => {
    const lines = explanationLines(412, { ...changed, cause: 'weak-etag', transient: true, intermediaries: ['via: 1.1 varnish', 'age: 3'], clockSkewSeconds: -40 });
    assert.equal(lines[0], '412 explained: If-Match failed (cause: weak-etag, transient)');
    assert.ok(lines.includes('  intermediaries: via: 1.1 varnish; age: 3'));
    assert.ok(lines.includes("  clock:    the server's Date is 40 s behind this machine"));
    assert.ok(!explanationLines(412, { ...changed, clockSkewSeconds: 1 }).some((l) => l.includes('clock')));
  });

  it('explains a 428 that sent no precondition', () => {
    const d: Diagnosis = { failed: null, cause: 'precondition-required', transient: false, advice: 'Add If-Match.', steps: [], intermediaries: [], current: '"v9"' };
    assert.deepEqual(explanationLines(428, d), ['428 explained: no precondition was sent (cause: precondition-required)', '  current:  "v9"', '  advice:   Add If-Match.']);
  });
});

describe('nextStepLine', () => {
  it('points at the quick fix when a retry can help, and says why not otherwise', () => {
    assert.match(nextStepLine('PUT', changed), /"Refresh ETag and retry"/);
    assert.match(nextStepLine('PUT', { ...changed, cause: 'exists', failed: 'If-None-Match' }), /not retried automatically: The resource exists/);
  });
});

describe('retryLines', () => {
  it('lists the attempts, the file edit and the explanation of the first failure', () => {
    const outcome = {
      attempts: [{ url: 'u', status: 412, headers: {} }, { url: 'u', status: 204, headers: {} }],
      diagnosis: changed, action: { kind: 'refresh', header: 'If-Match' }, changes: ['~ /price: 11 → 12'],
      edit: { edits: [], description: 'If-Match: "v1" → "v2"', header: 'If-Match', value: '"v2"' },
    } as RetryOutcome;
    const lines = retryLines(outcome);
    assert.deepEqual(lines.slice(0, 4), [
      'Refresh and retry: 412 → 204',
      '  file:     If-Match: "v1" → "v2"',
      "  the write changed 1 value(s) on the server's current version",
      '412 explained: If-Match failed (cause: changed)',
    ]);
  });

  it('says why it stopped', () => {
    const outcome = { attempts: [{ url: 'u', status: 412, headers: {} }], diagnosis: changed, action: { kind: 'stop', reason: 'r' }, changes: [], stopped: 'Not resent: you declined.' } as RetryOutcome;
    assert.deepEqual(retryLines(outcome).slice(0, 2), ['Refresh and retry: 412', '  stopped:  Not resent: you declined.']);
  });
});

describe('withExplanation', () => {
  const text = 'PUT http://x/items/1\n> If-Match: "v1"\n\nHTTP 412 Precondition Failed\nETag: "v2"\n\n# total 3 ms';

  it('puts the lines right under the status line, as comments', () => {
    assert.equal(withExplanation(text, ['a', '  b']), 'PUT http://x/items/1\n> If-Match: "v1"\n\nHTTP 412 Precondition Failed\n# a\n#   b\nETag: "v2"\n\n# total 3 ms');
  });

  it('leaves the text alone without lines, and appends when there is no status line', () => {
    assert.equal(withExplanation(text, []), text);
    assert.equal(withExplanation('PUT x\n\nfailed: refused', ['a']), 'PUT x\n\nfailed: refused\n# a');
  });
});
