import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../http/parser';
import { applyTextEdits } from '../text/edits';
import type { Diagnosis } from '../explain/diagnose';
import { formatChanges, jsonDiff } from './json-diff';
import { backoffDelays, DEFAULT_BACKOFF, planRetry } from './plan';
import { preconditionEdit } from './precondition-edit';

const diagnosis = (over: Partial<Diagnosis>): Diagnosis =>
  ({ failed: 'If-Match', cause: 'changed', advice: '', transient: false, steps: [], intermediaries: [], current: '"v2"', ...over });

describe('planRetry', () => {
  it('refreshes on a real change, waits on the weak window, stops on create-only and gone', () => {
    assert.deepEqual(planRetry('PUT', diagnosis({})), { kind: 'refresh', header: 'If-Match' });
    assert.deepEqual(planRetry('PUT', diagnosis({ cause: 'weak-etag', transient: true })), { kind: 'wait-and-retry' });
    assert.equal(planRetry('PUT', diagnosis({ cause: 'exists' })).kind, 'stop');
    assert.equal(planRetry('DELETE', diagnosis({ cause: 'missing', current: undefined })).kind, 'stop');
    assert.deepEqual(planRetry('PUT', diagnosis({ cause: 'modified-since' })), { kind: 'refresh', header: 'If-Unmodified-Since' });
  });

  it('never retries a POST without explicit confirmation', () => {
    assert.deepEqual(planRetry('POST', diagnosis({})), { kind: 'refresh', header: 'If-Match', mustConfirm: true });
  });
});

describe('backoffDelays', () => {
  it('by default waits at least 2.1 s in all, past Apache\'s weak-ETag window', () => {
    const least = backoffDelays({ ...DEFAULT_BACKOFF, random: () => 0 });
    assert.equal(least.length, 3);
    assert.ok(least.reduce((a, b) => a + b, 0) >= 2100, String(least));
  });

  it('grows exponentially with jitter, capped and bounded in count', () => {
    assert.deepEqual(backoffDelays({ attempts: 3, baseMs: 100, maxMs: 1000, random: () => 0 }), [50, 100, 200]);
    assert.deepEqual(backoffDelays({ attempts: 5, baseMs: 100, maxMs: 300, random: () => 0.999 }), [100, 200, 300, 300, 300]);
  });
});

describe('jsonDiff', () => {
  it('lists added, removed and changed values by JSON Pointer', () => {
    const changes = jsonDiff({ name: 'A', price: 10, tags: ['x'], 'a/b': 1 }, { name: 'B', tags: ['x', 'y'], stock: 3, 'a/b': 1 });
    assert.deepEqual(formatChanges(changes), ['~ /name: "A" → "B"', '- /price: 10', '+ /tags/1: "y"', '+ /stock: 3']);
  });
});

describe('preconditionEdit', () => {
  it('replaces a literal validator', () => {
    const text = 'PUT https://x.test/items/1\nIf-Match: "old"\n\n{}\n';
    const { edits } = preconditionEdit(parseHttp(text), 0, 'If-Match', '"new"');
    assert.equal(applyTextEdits(text, edits), 'PUT https://x.test/items/1\nIf-Match: "new"\n\n{}\n');
  });

  it('inserts a refreshing read when the validator came from a reference made stale by a write', () => {
    const text = '# @name item\nGET https://x.test/items/1\n\n###\nPUT https://x.test/items/1\nIf-Match: {{item.response.headers.ETag}}\n\n###\nPUT https://x.test/items/1\nIf-Match: {{item.response.headers.ETag}}\n';
    const { edits } = preconditionEdit(parseHttp(text), 2, 'If-Match', '"v3"');
    const fixed = applyTextEdits(text, edits);
    assert.match(fixed, /### Fresh read for the write below\n# @name resourceBefore3\nGET https:\/\/x.test\/items\/1\n\n###\nPUT https:\/\/x.test\/items\/1\nIf-Match: \{\{resourceBefore3.response.headers.ETag\}\}\n$/);
  });

  it('leaves a file alone whose reference is already fresh', () => {
    const text = '# @name item\nGET https://x.test/items/1\n\n###\nPUT https://x.test/items/1\nIf-Match: {{item.response.headers.ETag}}\n';
    assert.deepEqual(preconditionEdit(parseHttp(text), 1, 'If-Match', '"v3"').edits, []);
  });

  it('adds a missing precondition (428) from a new named read', () => {
    const text = 'PATCH https://x.test/strict/items/1\nContent-Type: application/json\n\n{"a":1}\n';
    const fixed = applyTextEdits(text, preconditionEdit(parseHttp(text), 0, 'If-Match', '"v1"').edits);
    assert.equal(fixed, '# @name resourceBefore1\nGET https://x.test/strict/items/1\n\n###\nPATCH https://x.test/strict/items/1\nContent-Type: application/json\nIf-Match: {{resourceBefore1.response.headers.ETag}}\n\n{"a":1}\n');
  });

  it('points If-Unmodified-Since at Last-Modified', () => {
    const text = '# @name item\nGET https://x.test/i\n\n###\nDELETE https://x.test/i\n\n###\nDELETE https://x.test/i\nIf-Unmodified-Since: {{item.response.headers.Last-Modified}}\n';
    const fixed = applyTextEdits(text, preconditionEdit(parseHttp(text), 2, 'If-Unmodified-Since', 'x').edits);
    assert.match(fixed, /If-Unmodified-Since: \{\{resourceBefore3.response.headers.Last-Modified\}\}/);
  });
});
