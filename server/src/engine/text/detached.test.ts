import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { detached } from './detached';

test('detached: the same characters, whatever their length or kind', () => {
  const doc = `GET https://api.example.com/items/1\r\nIf-Match: "é-\u{1F600}"\n`.repeat(50);
  for (const [from, to] of [[0, 0], [0, 5], [3, 40], [37, doc.length]]) assert.equal(detached(doc.slice(from, to)), doc.slice(from, to));
});
