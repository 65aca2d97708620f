import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IncrementalHttpParser } from './incremental';
import { parseHttp } from './parser';
import { startLineOf } from '../text/span';

/** Lines real files are made of, including the ones that start or end sections and multi-line pieces. */
const PIECES = [
  'GET https://x.test/items/1', 'PUT {{base}}/items/1', 'PATCH /items/2 HTTP/1.1', 'If-Match: {{item.response.headers.ETag}}',
  'If-Match: "a"', 'Content-Type: application/json', '###', '### Title', '# @name item', '@base = https://x.test',
  '', '{"a": 1}', '> {%', '%}', '{{', '}}', '/*', '*/', '    ?a=1', 'HTTP/1.1 200 OK', 'ETag: "x"', 'proto < ./a.proto',
  'keepCase: true', 'curl https://x.test \\', '# etag-guard-disable-next-line', 'Not a header', 'GET', '\uFEFF',
  "curl -d '{", "}'", '  Accept: */*', '{{me}}', '?? header etag exists', '?? status == 200',
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
  it('gives exactly what a full parse gives, after every edit of a random sequence, and says which requests are new', () => {
    fc.assert(fc.property(document, fc.array(edit, { maxLength: 12 }), fc.boolean(), (start, edits, withRanges) => {
      const parser = new IncrementalHttpParser();
      let text = start;
      let before = parser.parse(text);
      assert.deepStrictEqual(before, parseHttp(text));
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        const removed = Math.min(e.remove, text.length - at);
        // The editor's change range when it is known; else the parser compares the two texts.
        const unchanged = withRanges ? { prefix: at, suffix: text.length - at - removed } : undefined;
        text = applyEdit(text, e);
        const after = parser.parse(text, unchanged);
        assert.deepStrictEqual(after, parseHttp(text), JSON.stringify(text));
        const change = parser.lastChange;
        if (change) {
          // Outside the change, every request is the object it was, at the position it had (shifted below it).
          for (let i = 0; i < change.start; i++) assert.equal(after.requests[i], before.requests[i]);
          for (let i = change.end; i < after.requests.length; i++) assert.equal(after.requests[i], before.requests[i - change.end + change.oldEnd]);
          assert.equal(after.requests.length - change.end, before.requests.length - change.oldEnd);
        }
        before = after;
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
    assert.equal(after.requests[1].headers[0].value, '"b"');
  });

  it('merges a section into the one above when its separator stops being one', () => {
    const parser = new IncrementalHttpParser();
    const text = '### One\nGET https://x.test/1\n\n### Two\nPUT https://x.test/2\n';
    parser.parse(text);
    const edited = text.replace('### Two', '## Two');
    assert.deepStrictEqual(parser.parse(edited, { prefix: text.indexOf('### Two'), suffix: text.length - text.indexOf('### Two') - 1 }), parseHttp(edited));
  });

  it('reports blank-line warnings again everywhere when the only httpYac line of the file goes', () => {
    const parser = new IncrementalHttpParser();
    const text = '### One\nGET https://x.test/1\nNot a header\n\n### Two\n# @ref item\nGET https://x.test/2\n';
    assert.equal(parser.parse(text).diagnostics.length, 0, 'an httpYac file needs no blank line before a body');
    const edited = text.replace('@ref', '@refx');
    assert.deepStrictEqual(parser.parse(edited).diagnostics, parseHttp(edited).diagnostics);
    assert.equal(parser.parse(edited).diagnostics.length, 1);
  });

  it('parses again the sections below an edit that adds a line (their lines moved)', () => {
    const parser = new IncrementalHttpParser();
    const text = '### One\nGET https://x.test/1\n\n### Two\nPUT https://x.test/2\n';
    parser.parse(text);
    const after = parser.parse(text.replace('GET https://x.test/1\n', 'GET https://x.test/1\nAccept: */*\n'));
    assert.equal(startLineOf(after.requests[1].requestLine.range), 5);
    assert.deepStrictEqual(after, parseHttp(text.replace('GET https://x.test/1\n', 'GET https://x.test/1\nAccept: */*\n')));
  });
});
