import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateJsonPath, parseJsonPath, stringifyJsonValue } from './json-path';

describe('json-path', () => {
  const doc = { items: [{ id: 7, 'e-tag': '"a"' }, { id: 8 }], name: 'x' };
  const at = (path: string) => evaluateJsonPath(doc, parseJsonPath(path)!);

  it('reads keys, indices (negative from the end) and bracketed names', () => {
    assert.equal(at('$.name'), 'x');
    assert.equal(at('$.items[0].id'), 7);
    assert.equal(at('$.items[-1].id'), 8);
    assert.equal(at(`$.items[0]['e-tag']`), '"a"');
    assert.equal(at('items[1].id'), 8);
  });

  it('treats * and $ as the whole document and misses as undefined', () => {
    assert.deepEqual(at('*'), doc);
    assert.equal(at('$.items[5].id'), undefined);
    assert.equal(at('$.name.length'), undefined);
  });

  it('refuses syntax outside the subset (filters would be code)', () => {
    assert.equal(parseJsonPath('$.items[?(@.id > 7)]'), undefined);
  });

  it('substitutes strings bare and other values as JSON', () => {
    assert.equal(stringifyJsonValue('a'), 'a');
    assert.equal(stringifyJsonValue({ a: 1 }), '{"a":1}');
  });
});
