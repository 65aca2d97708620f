import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exchange } from '../executor';
import { preconditionMessage } from './failure-message';

describe('preconditionMessage', () => {
  const exchange = (status: number, body = '', contentType = '') => ({
    request: { method: 'PUT', url: 'http://x/items/1', headers: [['If-Match', '"abc"'], ['Accept', '*/*']] },
    response: { status, statusText: '', headers: {}, body: Buffer.from(body), size: body.length, truncated: false, contentType },
  } as unknown as Exchange);

  it('is silent for other statuses and failed requests', () => {
    assert.equal(preconditionMessage(exchange(200)), undefined);
    assert.equal(preconditionMessage({ request: exchange(200).request } as Exchange), undefined);
  });

  it('names the precondition sent and quotes the server problem detail on 412', () => {
    const message = preconditionMessage(exchange(412, '{"title":"Precondition Failed","detail":"ETag changed"}', 'application/problem+json'));
    assert.match(message!, /^412 Precondition Failed: The precondition did not hold \(If-Match: "abc"\)/);
    assert.match(message!, /Server: ETag changed$/);
  });

  it('explains 428', () => {
    assert.match(preconditionMessage(exchange(428))!, /^428 Precondition Required: the server refuses unconditional PUT requests/);
  });
});
