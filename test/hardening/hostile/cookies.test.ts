/**
 * Cookies for public suffixes (issue #19, attack 6): a site may not set a cookie for `co.uk` or `com`, which
 * the jar would then send to every other site under that suffix. The public-suffix-aware jar is issue #18's
 * (tough-cookie); until it lands this test is a `todo` (reported as such, never counted as a pass). The names
 * cannot be served from 127.0.0.1, so the session's jar is driven with the responses a hostile server sends.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Session } from '../../../server/src/runner/executor';


describe('cookies for public suffixes', () => {
  it('are not stored, so they never reach another site', async () => {
    const session = new Session();
    try {
      await session.cookies.store(new URL('http://shop.example.co.uk/'), ['sid=stolen; Domain=co.uk; Path=/']);
      await session.cookies.store(new URL('http://shop.example.com/'), ['sid2=stolen; Domain=com; Path=/']);
      assert.equal(await session.cookies.headerFor(new URL('http://evil.co.uk/')) ?? '', '');
      assert.equal(await session.cookies.headerFor(new URL('http://evil.com/')) ?? '', '');
      // A cookie for the site's own registrable domain still works.
      await session.cookies.store(new URL('http://shop.example.com/'), ['ok=1; Domain=example.com; Path=/']);
      assert.equal(await session.cookies.headerFor(new URL('http://www.example.com/')), 'ok=1');
    } finally {
      await session.close();
    }
  });
});
