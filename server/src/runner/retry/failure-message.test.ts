import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exchange } from '../executor';
import type { Diagnosis } from '../../engine';
import { diagnosedMessage, preconditionMessage } from './failure-message';

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

describe('diagnosedMessage', () => {
  const exchange = (status: number) => ({
    request: { method: 'PUT', url: 'http://x/items/1', headers: [['If-Match', '"abc"']] },
    response: { status, statusText: status === 412 ? 'Precondition Failed' : 'OK', headers: {}, body: Buffer.from(''), size: 0, truncated: false, contentType: '' },
  } as unknown as Exchange);
  const changed: Diagnosis = {
    failed: 'If-Match', sent: '"abc"', current: '"def"', cause: 'changed', transient: false, steps: [], intermediaries: [],
    advice: 'Someone changed it since you read it: re-read, merge, retry.',
  };

  it('states the diagnosed cause with sent and current instead of the list of possible causes', () => {
    const message = diagnosedMessage(exchange(412), changed)!;
    assert.equal(message, '412 Precondition Failed: If-Match failed; cause: changed (sent "abc", current "def"). Someone changed it since you read it: re-read, merge, retry.');
    assert.doesNotMatch(message, /probably|-gzip/);
  });

  it('marks a transient cause and stays silent for other statuses', () => {
    assert.match(diagnosedMessage(exchange(412), { ...changed, cause: 'weak-etag', transient: true })!, /cause: weak-etag \(transient\)/);
    assert.equal(diagnosedMessage(exchange(200), changed), undefined);
  });
});
