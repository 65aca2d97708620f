import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redirectTarget } from './redirects';
import type { PreparedRequest } from './request-builder';

describe('redirectTarget', () => {
  const request: PreparedRequest = {
    method: 'POST', url: new URL('http://a.test/x'), body: 'b',
    headers: [['Authorization', 'Bearer t'], ['If-Match', '"1"'], ['Content-Type', 'text/plain'], ['Accept', '*/*']],
  };

  it('is undefined for non-redirects and redirects without Location', () => {
    assert.equal(redirectTarget(request, 200, '/y'), undefined);
    assert.equal(redirectTarget(request, 302, undefined), undefined);
  });

  it('keeps method, body and headers for 307/308 on the same origin', () => {
    const next = redirectTarget(request, 308, '/y')!;
    assert.equal(next.url.href, 'http://a.test/y');
    assert.equal(next.method, 'POST');
    assert.equal(next.body, 'b');
    assert.deepEqual(next.headers, request.headers);
  });

  it('turns POST into GET for 301/302/303 and drops body headers', () => {
    for (const status of [301, 302, 303]) {
      const next = redirectTarget(request, status, '/y')!;
      assert.equal(next.method, 'GET');
      assert.equal(next.body, undefined);
      assert.deepEqual(next.headers.map(([n]) => n), ['Authorization', 'If-Match', 'Accept']);
    }
  });

  it('drops credentials and preconditions across origins (a different port is another origin)', () => {
    const next = redirectTarget({ ...request, method: 'PUT', body: undefined }, 307, 'http://a.test:8080/y')!;
    assert.deepEqual(next.headers.map(([n]) => n), ['Content-Type', 'Accept']);
  });

  it('refuses to resend a body to another origin', () => {
    assert.throws(() => redirectTarget(request, 307, 'http://a.test:8080/y'), /another origin/);
  });
});
