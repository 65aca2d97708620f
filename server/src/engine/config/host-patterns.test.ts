import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { hostMatches } from './host-patterns';

describe('hostMatches', () => {
  it('matches a name exactly, case-insensitively, and nothing else', () => {
    assert.equal(hostMatches('api.example.org', ['api.example.org']), true);
    assert.equal(hostMatches('API.Example.ORG', [' api.example.org ']), true);
    assert.equal(hostMatches('api.example.org', ['example.org']), false);
    assert.equal(hostMatches('notexample.org', ['example.org']), false);
  });

  it('*.suffix matches every subdomain and the suffix itself, but not a name that merely ends alike', () => {
    assert.equal(hostMatches('fhir.example.org', ['*.example.org']), true);
    assert.equal(hostMatches('a.b.example.org', ['*.Example.org']), true);
    assert.equal(hostMatches('example.org', ['*.example.org']), true);
    assert.equal(hostMatches('badexample.org', ['*.example.org']), false);
  });

  it('* matches every host; an unknown host matches nothing', () => {
    assert.equal(hostMatches('anything.test', ['*']), true);
    assert.equal(hostMatches(undefined, ['*']), false);
    assert.equal(hostMatches('', ['*']), false);
  });

  it('a list edited in place to another length is read again, its earlier answers forgotten', () => {
    const list = ['a.example.org'];
    assert.equal(hostMatches('b.example.org', list), false);
    list.push('B.example.org');
    assert.equal(hostMatches('b.example.org', list), true);
    assert.equal(hostMatches('a.example.org', list), true);
  });

  it('IPv6 literals match with or without brackets on either side', () => {
    assert.equal(hostMatches('[::1]', ['::1']), true);
    assert.equal(hostMatches('::1', ['[::1]']), true);
    assert.equal(hostMatches('::2', ['::1']), false);
  });
});
