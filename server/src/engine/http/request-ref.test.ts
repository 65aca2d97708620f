import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { restClientRefOf } from './request-ref';

/** The specification: the regex the hand-written reader replaces, and what was made of its match. */
const SPEC = /^([\w-]+)\.(response|request)\.(headers|body)(?:\.(.*))?$/;

function bySpec(source: string): ReturnType<typeof restClientRefOf> {
  const m = SPEC.exec(source);
  if (!m) return undefined;
  return { kind: 'request-ref', request: m[1], part: m[2] as 'request' | 'response', section: m[3] as 'headers' | 'body', path: m[4] ?? '', dialect: 'rest-client' };
}

/** Each slot of a reference, with what fills it and near misses: the sources are every mix of them. */
const SLOTS = [
  ['order7', 'a-b', '_x', '9', 'é', '', 'x y', '$'],
  ['.', '..', '', ' '],
  ['response', 'request', 'respons', 'requests', 'Response', ''],
  ['.', '', '-'],
  ['headers', 'body', 'header', 'bodyx', 'HEADERS', ''],
  ['', '.', '..', ' ', '\n'],
  ['', 'ETag', '$.items[0].id', 'a b', 'a\u2028b', 'a\u2029', 'x\r', '.'],
];
describe('REST Client references read by hand', () => {
  it('reads what the regex reads, and nothing else', () => {
    const samples = [
      'order7.response.headers.ETag', 'order7.response.headers', 'order7.response.headers.', 'a-b.request.body.$.x',
      'x.response.body', 'x.response.bodyx', 'x.responsebody', '.response.headers', 'x..response.headers', 'x.response.headers.a\u2028b',
      'x.response.headers.a b', 'x y.response.headers', 'é.response.headers', 'x.response.headers\n', 'x.request.headers.If-Match',
      'x.Response.headers', 'xResponse.headers.ETag', '', 'x', 'x.', 'x.response', 'x.response.', 'x.request.body..',
    ];
    for (const s of samples) assert.deepEqual(restClientRefOf(s), bySpec(s), JSON.stringify(s));
    // Every mix of the slots' fillers: the two agree on all of them.
    let references = 0;
    const mix = (slot: number, prefix: string): void => {
      if (slot === SLOTS.length) {
        assert.deepEqual(restClientRefOf(prefix), bySpec(prefix), JSON.stringify(prefix));
        if (bySpec(prefix)) references++;
        return;
      }
      for (const filler of SLOTS[slot]) mix(slot + 1, prefix + filler);
    };
    mix(0, '');
    assert.ok(references > 100, `only ${references} references among the mixes`);
  });

  it('keeps the fixed words as the shared constants, and the name and path as written', () => {
    const ref = restClientRefOf('item7.response.headers.ETag');
    assert.deepEqual(ref, { kind: 'request-ref', request: 'item7', part: 'response', section: 'headers', path: 'ETag', dialect: 'rest-client' });
    assert.deepEqual(Object.keys(ref!), Object.keys(bySpec('item7.response.headers.ETag')!));
  });
});
