import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../http/parser';
import { buildHttpModel } from './http-model';
import { withHeaders } from './types';
import { rangeOf } from '../text/span';
import { hasWritePrecondition } from '../rules/vocabulary';
import { DEFAULT_CONFIG } from '../config/config';

const FILE = [
  '@base = https://API.example.com:8443',
  '',
  '### Read the note',
  '# @name note',
  'GET {{base}}/notes/7?fields=title&v=2',
  '',
  '### Save the note',
  '# keep the author',
  '// and the tags',
  'PUT {{base}}/notes/7',
  'If-Match: {{note.response.headers.ETag}}',
  'If-Unmodified-Since: Wed, 21 Oct 2015 07:28:00 GMT',
  '',
  '{"title": "{{note.response.body.title}}"}',
  '',
  '### Upload',
  'PUT {{base}}/files/1',
  '',
  '< ./local.bin',
].join('\n');

describe('the .http request model', () => {
  const file = parseHttp(FILE);
  const [read, write, upload] = buildHttpModel(file).requests;

  it('reads name, notes, body, host, query, anchor and range from the syntax tree as the copies did', () => {
    assert.equal(read.name, 'note');
    assert.equal(read.notes, 'Read the note');
    assert.equal(write.notes, 'Save the note\nkeep the author\nand the tags');
    assert.equal(write.body, '{"title": "{{note.response.body.title}}"}');
    assert.equal(upload.body, undefined, 'a body read from a file is no inline text');
    assert.equal(read.url, 'https://API.example.com:8443/notes/7?fields=title&v=2');
    assert.equal(read.target, 'https://api.example.com:8443/notes/7');
    assert.equal(read.host, 'api.example.com');
    assert.deepEqual([...read.queryParams], ['fields', 'v']);
    assert.equal(write.queryParams.size, 0);
    assert.deepEqual(rangeOf(write.anchor), rangeOf(file.requests[1].requestLine.range));
    assert.deepEqual(rangeOf(write.range), rangeOf(file.requests[1].range));
    assert.equal(write.index, 1);
    assert.equal(write.method, 'PUT');
  });

  it('keeps the same own fields, in the same order, in every request model, and writes none after it is made', () => {
    // What the rules read of every request is an own field; the rest is asked of the syntax tree or a memo per URL.
    // A field written on first ask would be one more slot per request an editor keeps, and a second store to a
    // field V8 took for constant: it throws away the optimised lowering (docs/performance.md, twentieth session).
    const shape = ['syntax', 'source', 'method', 'url', 'headers', 'index', 'target'];
    for (const req of [read, write, upload]) {
      assert.deepEqual(Object.keys(req), shape);
      void [req.host, req.queryParams, req.name, req.notes, req.body, req.anchor, req.range];
      assert.deepEqual(Object.keys(req), shape);
    }
    // The same query answer for the same URL, shared (callers read it only).
    assert.equal(read.queryParams, buildHttpModel(parseHttp(FILE)).requests[0].queryParams);
  });

  it('makes an editor on demand that edits the file in its own syntax', () => {
    const edits = write.editor.addHeader('If-None-Match', '*');
    assert.equal(edits[0].newText, 'If-None-Match: *\n');
    assert.equal(edits[0].range.start.line, 12);
  });

  it('is seen with other headers through a view that keeps what its getters read', () => {
    const bare = withHeaders(write, write.headers.filter((h) => h.name !== 'If-Match'));
    assert.deepEqual(bare.headers.map((h) => h.name), ['If-Unmodified-Since']);
    assert.equal(bare.notes, write.notes);
    assert.equal(bare.host, 'api.example.com');
    assert.equal(bare.target, write.target);
    assert.ok(hasWritePrecondition(bare, DEFAULT_CONFIG), 'If-Unmodified-Since still guards it');
    assert.ok(!hasWritePrecondition(withHeaders(write, []), DEFAULT_CONFIG));
    assert.equal(write.headers.length, 2, 'the model itself keeps its headers');
  });
});

describe("a request's templates, walked once", () => {
  it('lists the unresolved references and the response uses each in the order the pieces stand', () => {
    const model = buildHttpModel(parseHttp([
      '# @name item',
      'GET https://s.dev/items/1',
      '',
      '###',
      'PUT https://s.dev/{{missing.response.body.$.path}}/{{item.response.body.$.id}}',
      '{{nope}}: x',
      'If-Match: {{item.response.headers.ETag}}',
      'X-Other: {{gone.response.headers.X}}',
      '',
      '{"a": "{{item.response.body.a}}"}',
    ].join('\n')));
    assert.deepEqual(model.unresolved.map((u) => [u.kind, u.name, u.range.start.line, u.range.start.character]), [
      ['request', 'missing', 4, 18],
      ['variable', 'nope', 5, 0],
      ['request', 'gone', 7, 9],
    ]);
    assert.deepEqual(model.responseUses?.map((u) => [u.sent, u.part, u.path, u.line]), [
      ['url', 'body', '$.id', 4],
      ['header', 'headers', 'ETag', 6],
      ['body', 'body', 'a', 9],
    ]);
  });
});

describe('variables in a request, substituted from the first known one on', () => {
  it('keeps unknown templates as written around the known ones, and a text with none known as it is', () => {
    const [req] = buildHttpModel(parseHttp([
      '@base = https://s.dev',
      '@id = 7',
      'PUT {{base}}/a/{{other.response.body.$.id}}/b/{{ id }}/{{$guid}}',
      'If-Match: {{other.response.headers.ETag}}',
      'X-Both: {{nope}}-{{id}}-{{nope}}',
    ].join('\n'))).requests;
    assert.equal(req.url, 'https://s.dev/a/{{other.response.body.$.id}}/b/7/{{$guid}}');
    assert.equal(req.headers[0].resolvedValue, '{{other.response.headers.ETag}}');
    assert.equal(req.headers[1].resolvedValue, '{{nope}}-7-{{nope}}');
  });
});
