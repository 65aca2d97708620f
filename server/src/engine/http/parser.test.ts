import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from './parser';
import { rangeOf } from '../text/span';
import { headerNameSpan, headerValueSpan, methodSpan, urlPartsOf } from './nodes';

describe('parser: what one block gathers stays with its request', () => {
  it('gives each request the metadata, comments, variables and scripts of its own block only', () => {
    const file = parseHttp([
      '### first', '# create the sample', '# @name one', '@id = 1', '< {% request.variables.set("a", "1") %}', 'POST /a', 'Accept: x', 'X-Two: y', '',
      '### second', 'GET /b', '',
      '### third', '// @name three', 'PUT /c', '> ./after.js', '',
    ].join('\n'));
    const [one, two, three] = file.requests;
    assert.deepEqual([one.name?.value, one.comments, one.variables.map((v) => v.name.value), one.scripts.length, one.headers.map((h) => h.name)],
      ['one', ['create the sample'], ['id'], 1, ['Accept', 'X-Two']]);
    assert.deepEqual([two.name, two.comments, two.metadata, two.variables, two.scripts, two.headers], [undefined, undefined, [], [], [], []]);
    assert.deepEqual([three.name?.value, three.comments, three.metadata.map((m) => m.key), three.scripts.map((x) => x.file)], ['three', undefined, ['name'], ['./after.js']]);
    assert.equal(file.scripts.length, 0);
  });
});

describe('parser: REST Client dialect', () => {
  const text = [
    '@host = https://api.example.com',
    '',
    '### Read it',
    '# @name item',
    'GET {{host}}/items/1 HTTP/1.1',
    'Accept: application/json',
    '',
    '###',
    '// @name update',
    'PUT {{host}}/items/1',
    'Content-Type: application/json',
    'If-Match: {{item.response.headers.ETag}}',
    '',
    '{',
    '  "name": "new"',
    '}',
    '',
    '',
  ].join('\n');
  const file = parseHttp(text);

  it('reads requests, names, titles and file variables', () => {
    assert.equal(file.diagnostics.length, 0);
    assert.equal(file.requests.length, 2);
    assert.deepEqual(file.variables.map((v) => [v.name.value, v.value.value]), [['host', 'https://api.example.com']]);
    const [get, put] = file.requests;
    assert.equal(get.title, 'Read it');
    assert.equal(get.name?.value, 'item');
    assert.equal(put.name?.value, 'update');
  });

  it('gives exact ranges for method, URL, version, headers and body', () => {
    const [get, put] = file.requests;
    assert.deepEqual(rangeOf(methodSpan(get.requestLine)), { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } });
    assert.equal(get.requestLine.url, '{{host}}/items/1');
    assert.deepEqual(rangeOf(get.requestLine.urlRange), { start: { line: 4, character: 4 }, end: { line: 4, character: 20 } });
    assert.equal(get.requestLine.version?.value, 'HTTP/1.1');
    const ifMatch = put.headers[1];
    assert.equal(ifMatch.name, 'If-Match');
    assert.deepEqual(rangeOf(headerValueSpan(ifMatch)), { start: { line: 11, character: 10 }, end: { line: 11, character: 40 } });
    assert.equal(put.body?.text, '{\n  "name": "new"\n}');
    assert.deepEqual(rangeOf(put.body!.range), { start: { line: 13, character: 0 }, end: { line: 15, character: 1 } });
    assert.deepEqual(rangeOf(put.range).start, { line: 8, character: 0 });
    assert.deepEqual(rangeOf(put.range).end, { line: 15, character: 1 });
  });
});

describe('parser: JetBrains dialect', () => {
  const text = [
    '### Create',
    '< {%',
    '  request.variables.set("id", "42")',
    '%}',
    'POST https://example.com/items',
    '    ?draft=true',
    '    &notify=false',
    'Content-Type: application/json',
    '',
    '< ./item.json',
    '',
    '> {%',
    '  client.global.set("etag", response.headers.valueOf("ETag"));',
    '%}',
    '>> out.json',
  ].join('\n');
  const file = parseHttp(text);

  it('keeps a request line as its texts and spans only: the method at the line start, 0 characters long when omitted', () => {
    const [explicit, implicit] = parseHttp('PUT /a HTTP/1.1\n\n###\nhttps://x.test/b\n').requests.map((r) => r.requestLine);
    // Every request keeps one: a field that says the same for all of them (where the method starts) is 8 bytes each.
    assert.deepEqual(Object.keys(explicit).sort(), ['method', 'methodLength', 'range', 'url', 'urlRange', 'version']);
    assert.deepEqual(rangeOf(methodSpan(explicit)), { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.equal(implicit.method, 'GET');
    assert.equal(implicit.methodLength, 0);
    assert.deepEqual(rangeOf(methodSpan(implicit)), { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
  });

  it('reads pre-request scripts, multi-line URLs, file bodies and handlers', () => {
    assert.deepEqual(file.diagnostics, []);
    const [req] = file.requests;
    assert.equal(req.requestLine.url, 'https://example.com/items?draft=true&notify=false');
    assert.equal(urlPartsOf(req.requestLine).length, 3);
    assert.equal(req.scripts.length, 2);
    assert.equal(req.scripts[0].kind, 'pre-request');
    assert.equal(req.scripts[1].kind, 'response-handler');
    assert.match(req.scripts[1].source, /client\.global\.set/);
    assert.equal(req.body?.file?.path.value, './item.json');
    assert.equal(req.title, 'Create');
    assert.equal(req.headerInsertLine, 8);
  });

  it('reads indented headers as headers (REST Client trims them), while an indented ?… line still continues the URL', () => {
    const file = parseHttp([
      '### Create an index', 'POST {{baseUrl}}/indexes?api-version=1  HTTP/1.1', '  Content-Type: application/json', '\tapi-key: {{apiKey}}',
      '', '    {"name": "hotels"}', '', '###', 'GET {{baseUrl}}/indexes', '    ?$select=name', '  api-key: {{apiKey}}', '',
    ].join('\n'));
    assert.deepEqual(file.diagnostics, []);
    const [post, get] = file.requests;
    assert.deepEqual(post.headers.map((h) => [h.name, h.value]), [['Content-Type', 'application/json'], ['api-key', '{{apiKey}}']]);
    assert.deepEqual(rangeOf(headerNameSpan(post.headers[1])), { start: { line: 3, character: 1 }, end: { line: 3, character: 8 } });
    assert.deepEqual(rangeOf(headerValueSpan(post.headers[1])), { start: { line: 3, character: 10 }, end: { line: 3, character: 20 } });
    assert.equal(post.body?.text.trim(), '{"name": "hotels"}');
    assert.equal(get.requestLine.url, '{{baseUrl}}/indexes?$select=name');
    assert.deepEqual(get.headers.map((h) => h.name), ['api-key']);
  });

  it('reads a handler file reference', () => {
    const f = parseHttp('GET https://example.com\n\n> ./check.js\n');
    assert.equal(f.requests[0].scripts[0].file, './check.js');
    assert.equal(f.diagnostics.length, 0);
  });
});

describe('parser: httpYac dialect', () => {
  it('reads requests without separators, {{ }} scripts and block comments', () => {
    const text = [
      '{{',
      '  exports.token = "x";',
      '}}',
      '',
      '/*',
      ' A description',
      '*/',
      'GET /json',
      '',
      '{{',
      '  console.log(response);',
      '}}',
      '',
      '# @name second',
      'GET /xml',
      '',
      '',
      'POST /anything',
      'Content-Type: application/json',
      '',
      '{"a": 1}',
    ].join('\n');
    const file = parseHttp(text);
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.requests.map((r) => `${r.requestLine.method} ${r.requestLine.url}`), ['GET /json', 'GET /xml', 'POST /anything']);
    assert.equal(file.requests[1].name?.value, 'second');
    // A script in the same region before the request line runs before that request (httpYac).
    assert.equal(file.scripts.length, 0);
    assert.equal(file.requests[0].scripts.length, 2);
    assert.equal(file.requests[2].body?.text, '{"a": 1}');
  });

  it('does not take a GraphQL `query` line for a method', () => {
    const file = parseHttp('POST https://api.github.com/graphql\nContent-Type: application/json\n\nquery test {\n  viewer { login }\n}\n');
    assert.equal(file.requests.length, 1);
    assert.match(file.requests[0].body!.text, /^query test/);
  });

  it('reads extension methods spelled with any RFC 9110 token character (`_`, `.`, digits)', () => {
    const file = parseHttp('MY_METHOD https://api.example.com/a\n\n###\nX.SYNC2 /b\n');
    assert.equal(file.diagnostics.length, 0);
    assert.deepEqual(file.requests.map((r) => r.requestLine.method), ['MY_METHOD', 'X.SYNC2']);
    // A `Name: value` line is still no request line: `:` is not a token character.
    assert.equal(parseHttp('Content-Type: text/plain\n').requests.length, 0);
  });
});

describe('parser: errors', () => {
  it('reports a line that is no request line and goes on', () => {
    const file = parseHttp('this is not http\n\n###\nGET https://example.com\n');
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].code, 'expected-request-line');
    assert.equal(file.requests.length, 1);
  });

  it('warns about a body that follows the headers without a blank line', () => {
    const file = parseHttp('PUT https://example.com/a\nContent-Type: application/json\n{"a": 1}\n');
    assert.equal(file.diagnostics[0].code, 'missing-blank-line');
    assert.equal(file.diagnostics[0].severity, 'warning');
    assert.equal(file.requests[0].body?.text, '{"a": 1}');
  });

  it('reports an unclosed handler without swallowing the next request', () => {
    const file = parseHttp('GET https://example.com/a\n\n> {%\n  client.log(1);\n###\nGET https://example.com/b\n');
    assert.equal(file.diagnostics[0].code, 'unclosed-script');
    assert.equal(file.requests.length, 2);
  });

  it('keeps scripts of a region without a request as global scripts', () => {
    const file = parseHttp('{{\n  exports.a = 1;\n}}\n\n###\nGET /json\n');
    assert.equal(file.scripts.length, 1);
    assert.equal(file.requests[0].scripts.length, 0);
  });

  it('never throws on empty or odd input', () => {
    for (const t of ['', '\n', '###', '{{', '> {%', '< ', 'GET', '\u0000\u0001', '\r\r\n\n', '\uFEFFGET https://x.test']) {
      assert.doesNotThrow(() => parseHttp(t));
    }
  });
});
