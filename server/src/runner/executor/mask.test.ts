import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MASK, maskBody, maskHeaderPairs, maskHeaderRecord, maskUrl } from './mask';

describe('mask', () => {
  it('keeps the auth scheme and hides the credential', () => {
    assert.deepEqual(maskHeaderPairs([['Authorization', 'Bearer abc.def'], ['Proxy-Authorization', 'Basic dXNlcg=='], ['Accept', 'text/plain']]),
      [['Authorization', 'Bearer •••'], ['Proxy-Authorization', 'Basic •••'], ['Accept', 'text/plain']]);
  });

  it('hides cookie values but keeps names and attributes', () => {
    assert.deepEqual(maskHeaderRecord({ 'set-cookie': ['sid=abc; Path=/; HttpOnly'], cookie: 'a=1; b=2' }),
      { 'set-cookie': ['sid=•••; Path=/; HttpOnly'], cookie: 'a=•••; b=•••' });
  });

  it('hides headers and query parameters named like secrets', () => {
    assert.deepEqual(maskHeaderPairs([['X-Api-Key', 'k'], ['X-Auth-Token', 't'], ['ETag', '"x"']]),
      [['X-Api-Key', '•••'], ['X-Auth-Token', '•••'], ['ETag', '"x"']]);
    assert.equal(maskUrl('https://u:pw@h.test/p?access_token=abc&page=2'), 'https://u:•••@h.test/p?access_token=•••&page=2');
    assert.equal(maskUrl('https://h.test/p?page=2'), 'https://h.test/p?page=2');
  });
});

describe('maskBody', () => {
  it('masks secret-named JSON fields at any depth and form parameters; other text is left alone', () => {
    assert.equal(maskBody('{"name":"x","auth":{"password":"p"},"apiToken":"t"}'), JSON.stringify({ name: 'x', auth: { password: MASK }, apiToken: MASK }, null, 2));
    assert.equal(maskBody('user=a&password=b'), `user=a&password=${MASK}`);
    assert.equal(maskBody('plain text, password=maybe'), 'plain text, password=maybe');
  });
});
