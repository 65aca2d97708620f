/** Entity-tag lists (entity-tag.ts): elements with their offsets, one element or many. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseEntityTagList, splitList } from './entity-tag';

describe('splitList', () => {
  it('gives one element, trimmed, at its offset', () => {
    assert.deepEqual(splitList('"a"'), [{ text: '"a"', start: 0 }]);
    assert.deepEqual(splitList('  W/"a" \t'), [{ text: 'W/"a"', start: 2 }]);
    assert.deepEqual(splitList(' {{item.response.headers.ETag}}'), [{ text: '{{item.response.headers.ETag}}', start: 1 }]);
  });

  it('gives nothing for an empty value, and an empty element per extra comma', () => {
    assert.deepEqual(splitList(''), []);
    assert.deepEqual(splitList('   '), []);
    assert.deepEqual(splitList(','), [{ text: '', start: 0 }, { text: '', start: 1 }]);
    assert.deepEqual(splitList('"a", '), [{ text: '"a"', start: 0 }, { text: '', start: 5 }]);
  });

  it('splits on commas outside quotes and templates', () => {
    assert.deepEqual(splitList('"a", W/"b"'), [{ text: '"a"', start: 0 }, { text: 'W/"b"', start: 5 }]);
    assert.deepEqual(splitList('"a,b", {{f(x, y)}}'), [{ text: '"a,b"', start: 0 }, { text: '{{f(x, y)}}', start: 7 }]);
  });
});

describe('parseEntityTagList', () => {
  it('reads one tag, a template, `*`, and the problems of one element', () => {
    assert.deepEqual(parseEntityTagList(' "v1"').tags, [{ weak: false, opaque: '"v1"', start: 1, end: 5 }]);
    assert.equal(parseEntityTagList('{{etag}}').templated, 1);
    assert.equal(parseEntityTagList(' * ').any, true);
    assert.deepEqual(parseEntityTagList(' v1').problems, [{ message: 'An entity-tag is a quoted string: write `"v1"`.', start: 1, end: 3, replacement: '"v1"' }]);
    assert.deepEqual(parseEntityTagList('').problems, []);
  });
});
