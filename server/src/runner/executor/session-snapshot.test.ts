import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Session } from './session';
import { applySnapshot, snapshotOf, SNAPSHOT_BODY_BYTES } from './session-snapshot';
import type { Exchange } from './types';

function exchange(etag: string, body = '{}'): Exchange {
  return {
    line: 3, request: { method: 'GET', url: 'http://x/items/1', headers: [] }, startedAt: 1000, warnings: [],
    attempts: [{ url: 'http://x/items/1', status: 200, headers: { etag }, receivedAt: 1234 }],
    response: { status: 200, statusText: 'OK', headers: { etag }, body: Buffer.from(body), size: body.length, truncated: false, contentType: 'application/json' },
    timings: { waitMs: 1, downloadMs: 1, totalMs: 2 },
  };
}

describe('session snapshots for the language server', () => {
  const session = new Session();
  after(() => session.close());

  it('captures each named response with when it arrived, and cuts large bodies', () => {
    session.responses.set('read', exchange('"v1"', 'x'.repeat(SNAPSHOT_BODY_BYTES + 10)));
    session.globals.set('tag', '"v1"');
    const s = snapshotOf(session);
    assert.equal(s.responses.length, 1);
    assert.equal(s.responses[0].at, 1234);
    assert.equal(s.responses[0].response?.body.length, SNAPSHOT_BODY_BYTES);
    assert.equal(s.responses[0].response?.cut, true);
    assert.deepEqual(s.globals, [['tag', '"v1"']]);
  });

  it('sends only what changed since the last update, and the server side keeps the rest', () => {
    const sent = new Map<string, Exchange>();
    session.responses.set('read', exchange('"v1"'));
    session.responses.set('other', exchange('"o1"'));
    let held = applySnapshot(undefined, snapshotOf(session, sent));
    assert.deepEqual(held.responses.map((r) => r.name).sort(), ['other', 'read']);
    session.responses.set('read', exchange('"v2"'));
    const update = snapshotOf(session, sent);
    assert.deepEqual(update.responses.map((r) => r.name), ['read']);
    held = applySnapshot(held, update);
    assert.deepEqual(held.responses.map((r) => `${r.name} ${r.response?.headers.etag}`).sort(), ['other "o1"', 'read "v2"']);
    session.responses.delete('other');
    held = applySnapshot(held, snapshotOf(session, sent));
    assert.deepEqual(held.responses.map((r) => r.name), ['read']);
  });
});
