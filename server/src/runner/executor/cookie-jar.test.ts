import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CookieJar } from './cookie-jar';

describe('CookieJar', () => {
  const url = (u: string) => new URL(u);

  it('sends host-only cookies back to the same host only, longest path first', () => {
    const jar = new CookieJar();
    jar.store(url('http://api.example.test/a/b'), ['root=1; Path=/', 'deep=2; Path=/a']);
    assert.equal(jar.headerFor(url('http://api.example.test/a/c')), 'deep=2; root=1');
    assert.equal(jar.headerFor(url('http://api.example.test/other')), 'root=1');
    assert.equal(jar.headerFor(url('http://www.example.test/a')), undefined);
  });

  it('shares Domain cookies with subdomains and refuses a foreign Domain', () => {
    const jar = new CookieJar();
    jar.store(url('http://api.example.test/'), ['shared=1; Domain=.example.test', 'evil=1; Domain=other.test']);
    assert.equal(jar.headerFor(url('http://www.example.test/')), 'shared=1');
    assert.equal(jar.size, 1);
  });

  it('expires by Max-Age and Expires, and keeps Secure cookies off plain http (except loopback)', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.store(url('https://example.test/'), ['short=1; Max-Age=10', 'old=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 's=1; Secure']);
    assert.equal(jar.headerFor(url('https://example.test/')), 'short=1; s=1');
    assert.equal(jar.headerFor(url('http://example.test/')), 'short=1');
    now += 11_000;
    assert.equal(jar.headerFor(url('https://example.test/')), 's=1');
    jar.store(url('http://127.0.0.1:8080/'), ['local=1; Secure']);
    assert.equal(jar.headerFor(url('http://127.0.0.1:8080/')), 'local=1');
  });

  it('deletes a cookie set again with Max-Age=0', () => {
    const jar = new CookieJar();
    jar.store(url('http://example.test/'), ['sid=abc']);
    jar.store(url('http://example.test/'), ['sid=; Max-Age=0']);
    assert.equal(jar.headerFor(url('http://example.test/')), undefined);
  });
});

describe('CookieJar: the public-suffix list', () => {
  const url = (u: string) => new URL(u);

  it('refuses a cookie for a public suffix (Domain=co.uk, Domain=com), keeps one for the registrable domain', () => {
    const jar = new CookieJar();
    jar.store(url('https://shop.example.co.uk/'), ['wide=1; Domain=co.uk', 'mine=1; Domain=example.co.uk']);
    jar.store(url('https://api.example.com/'), ['tld=1; Domain=com']);
    assert.equal(jar.headerFor(url('https://other.co.uk/')), undefined);
    assert.equal(jar.headerFor(url('https://elsewhere.com/')), undefined);
    assert.equal(jar.headerFor(url('https://www.example.co.uk/')), 'mine=1');
    assert.equal(jar.size, 1);
  });
});
