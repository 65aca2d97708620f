/**
 * `firstChangeBetween` (vocabulary.ts) answers a capture a few requests above its write by looking at the requests in
 * between, and a farther one from the target index's changes: both must give what the definition says, for every
 * pair of positions in a list that mixes targets, reads, create-only writes and client code's exclusive branches.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { RequestModel } from '../model/types';
import { exclusive } from '../model/types';
import { changesResource, firstChangeBetween } from './vocabulary';

/** A request with only what the question reads: method, target, headers and branch. */
function request(index: number, method: string, target: string | undefined, extra: { ifNoneMatch?: string; branch?: string[] } = {}): RequestModel {
  const headers = extra.ifNoneMatch === undefined ? [] : [{ name: 'if-none-match', value: extra.ifNoneMatch }];
  return { index, method, target, headers, branch: extra.branch } as unknown as RequestModel;
}

/** The definition: the first request strictly between that may change `target` and can run before `write`. */
function expected(requests: readonly RequestModel[], target: string, after: number, write: RequestModel): RequestModel | undefined {
  return requests.find((r) => r.index > after && r.index < write.index && r.target === target && r.method !== 'GET' &&
    r.method !== 'HEAD' && changesResource(r) && !exclusive(r, write));
}

/** Requests to two targets: reads, writes, a create-only PUT, an OPTIONS and writes in the two arms of an `if`. */
function mixed(): RequestModel[] {
  const shapes: Array<[string, string | undefined, { ifNoneMatch?: string; branch?: string[] }?]> = [
    ['GET', 'a'], ['PUT', 'a'], ['GET', 'b'], ['PUT', 'a', { ifNoneMatch: '*' }], ['HEAD', 'a'], ['DELETE', 'b'],
    ['PATCH', 'a', { branch: ['if1:then'] }], ['PUT', 'a', { branch: ['if1:else'] }], ['OPTIONS', 'a'], ['GET', undefined],
    ['POST', 'a'], ['PUT', 'a', { ifNoneMatch: '"x"' }], ['GET', 'a'], ['DELETE', 'a', { branch: ['if2:then'] }],
  ];
  const requests: RequestModel[] = [];
  // Three rounds, so that some pairs are farther apart than the look between reaches.
  for (let round = 0; round < 3; round++) for (const [method, target, extra] of shapes) requests.push(request(requests.length, method, target, extra));
  return requests;
}

describe('firstChangeBetween', () => {
  it('gives the definition\'s answer for every capture above every write, near or far', () => {
    const requests = mixed();
    let near = 0;
    let found = 0;
    for (const write of requests) {
      for (let after = 0; after < write.index; after++) {
        for (const target of ['a', 'b']) {
          const want = expected(requests, target, after, write);
          assert.equal(firstChangeBetween(requests, target, after, write), want, `after ${after}, write ${write.index}, target ${target}`);
          if (write.index - after <= 8) near++;
          if (want) found++;
        }
      }
    }
    // Both ways were asked, and both kinds of answer given.
    assert.ok(near > 100 && found > 100, `${near} near, ${found} found`);
  });

  it('gives the definition\'s answer on a list whose indexes are not its positions (the near look is not taken)', () => {
    const requests = mixed().filter((r) => r.index % 4 !== 2);
    for (const write of requests) {
      for (const captured of requests) {
        if (captured.index >= write.index) continue;
        assert.equal(firstChangeBetween(requests, 'a', captured.index, write), expected(requests, 'a', captured.index, write));
      }
    }
  });
});
