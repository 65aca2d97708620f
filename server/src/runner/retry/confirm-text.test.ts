import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnosis } from '../../engine';
import { confirmationText, SHOWN_CHANGES } from './confirm-text';

const diagnosis: Diagnosis = { failed: 'If-Match', sent: '"v1"', current: '"v2"', cause: 'changed', transient: false, advice: 'Someone changed it.', steps: [], intermediaries: [] };

describe('confirmationText', () => {
  it('shows the diagnosis, sent vs current, and what the write changes', () => {
    const text = confirmationText({ diagnosis, changes: ['~ /price: 11 → 12'], mandatory: false }, 'PUT', 'http://127.0.0.1:8080/items/1?x=1');
    assert.equal(text.message, 'Refresh the precondition and resend PUT /items/1?x=1?');
    assert.equal(text.confirm, 'Retry');
    assert.equal(text.detail, [
      'If-Match failed (cause: changed).', 'Sent: "v1" · now on the server: "v2"', 'Someone changed it.', '',
      "Your write changes the server's current version (1 change):", '~ /price: 11 → 12',
    ].join('\n'));
  });

  it(`lists the first ${SHOWN_CHANGES} changes and points at the diff for the rest`, () => {
    const changes = Array.from({ length: 20 }, (_, i) => `+ /a${i}: ${i}`);
    const lines = confirmationText({ diagnosis, changes, mandatory: false }, 'PUT', 'http://x/i').detail.split('\n');
    assert.ok(lines.includes('+ /a14: 14'));
    assert.ok(!lines.includes('+ /a15: 15'));
    assert.equal(lines.at(-1), '… and 5 more: Show diff lists them all.');
  });

  it('shows no diff for a DELETE, and makes a POST confirmation explicit', () => {
    assert.match(confirmationText({ diagnosis, changes: [], mandatory: false }, 'DELETE', 'http://x/i').detail, /This DELETE removes the version the server has now\.$/);
    const post = confirmationText({ diagnosis, changes: [], mandatory: true }, 'POST', 'http://x/i');
    assert.equal(post.confirm, 'Resend POST');
    assert.match(post.detail, /This is a POST: it may not be idempotent/);
  });
});
