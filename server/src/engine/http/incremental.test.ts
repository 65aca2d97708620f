import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IncrementalHttpParser } from './incremental';
import { parseHttp } from './parser';

/** Lines real files are made of, including the ones that start or end sections and multi-line pieces. */
const PIECES = [
  'GET https://x.test/items/1', 'PUT {{base}}/items/1', 'PATCH /items/2 HTTP/1.1', 'If-Match: {{item.response.headers.ETag}}',
  'If-Match: "a"', 'Content-Type: application/json', '###', '### Title', '# @name item', '@base = https://x.test',
  '', '{"a": 1}', '> {%', '%}', '{{', '}}', '/*', '*/', '    ?a=1', 'HTTP/1.1 200 OK', 'ETag: "x"', 'proto < ./a.proto',
  'keepCase: true', 'curl https://x.test \\', '# etag-guard-disable-next-line', 'Not a header', 'GET', '\uFEFF',
];
const EOLS = ['\n', '\r\n', '\r'];

const document = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...EOLS)), { maxLength: 40 })
  .map((lines) => lines.map(([text, eol]) => text + eol).join(''));

/** An edit as an editor sends it: replace [at, at + remove) by `insert`, positions as fractions of the text. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.constantFrom('x', '\n', '\r\n', '###', '### T\n', 'GET /a\n', '\n\n', '', '{{', '%}\n', '"'), fc.string({ maxLength: 8 })),
});

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('incremental parsing', () => {
  it('gives exactly what a full parse gives, after every edit of a random sequence', () => {
    fc.assert(fc.property(document, fc.array(edit, { maxLength: 12 }), (start, edits) => {
      const parser = new IncrementalHttpParser();
      let text = start;
      assert.deepStrictEqual(parser.parse(text), parseHttp(text));
      for (const e of edits) {
        text = applyEdit(text, e);
        assert.deepStrictEqual(parser.parse(text), parseHttp(text), JSON.stringify(text));
      }
    }), { numRuns: 300 });
  });

  it('reuses the parse of sections an edit did not touch', () => {
    const parser = new IncrementalHttpParser();
    const text = '### One\nGET https://x.test/1\n\n### Two\nPUT https://x.test/2\nIf-Match: "a"\n';
    const before = parser.parse(text);
    const after = parser.parse(text.replace('"a"', '"b"'));
    assert.equal(after.requests[0], before.requests[0], 'the untouched first request is the same object');
    assert.notEqual(after.requests[1], before.requests[1]);
    assert.equal(after.requests[1].headers[0].value.value, '"b"');
  });

  it('parses again the sections below an edit that adds a line (their lines moved)', () => {
    const parser = new IncrementalHttpParser();
    const text = '### One\nGET https://x.test/1\n\n### Two\nPUT https://x.test/2\n';
    parser.parse(text);
    const after = parser.parse(text.replace('GET https://x.test/1\n', 'GET https://x.test/1\nAccept: */*\n'));
    assert.equal(after.requests[1].requestLine.range.start.line, 5);
    assert.deepStrictEqual(after, parseHttp(text.replace('GET https://x.test/1\n', 'GET https://x.test/1\nAccept: */*\n')));
  });
});
