import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from './parser';
import { rangeOf, startLineOf } from '../text/span';
import { methodSpan } from './nodes';

describe('dialect constructs each tool reads (found in real-world files)', () => {
  it('a response file (go-restclient): status blocks are responses, not errors', () => {
    const file = parseHttp('HTTP/1.1 200 OK\nContent-Type: text/plain\n\nfirst\n\n###\n\nHTTP/1.1 412 Precondition Failed\nETag: "v2"\n');
    assert.deepEqual(file.diagnostics, []);
    assert.equal(file.requests.length, 0);
    assert.deepEqual(file.responses.map((r) => r.status), [200, 412]);
    assert.equal(file.responses[0].body?.text, 'first');
    assert.equal(file.responses[1].headers[0].value, '"v2"');
  });

  it('httpYac `HTTP/1.1 200 - OK` under a request, followed by another request', () => {
    const file = parseHttp('DELETE https://example.com/a\n\nHTTP/1.1 200 - OK\nserver: x\n\n{}\n\nGET /json\n');
    assert.equal(file.requests.length, 2);
    assert.equal(file.requests[0].body, undefined);
    assert.equal(file.requests[0].response?.body?.text, '{}');
  });

  it('kulala `import` / `run` lines and JetBrains `< script.js` before the request line', () => {
    const file = parseHttp('import ./shared.http\nrun #Login (@user=ada)\n\n< ./pre.js\nPOST https://example.com/a\n');
    assert.deepEqual(file.diagnostics, []);
    const [req] = file.requests;
    assert.deepEqual(req.metadata.map((m) => [m.key, m.value]), [['import', './shared.http'], ['run', '#Login (@user=ada)']]);
    assert.deepEqual(req.scripts.map((s) => [s.kind, s.file]), [['pre-request', './pre.js']]);
  });

  it('httpYac `@xpath_ns`, `gql name < file`, and `{{@js +after` scripts', () => {
    const file = parseHttp('@xpath_ns h=http://example.com/ns\ngql Parts < parts.gql\n{{@js +after\n  exports.x = 1;\n}}\nPOST https://example.com/soap\n');
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.requests[0].metadata.map((m) => m.key), ['xpath_ns', 'gql']);
    assert.equal(file.requests[0].scripts[0].kind, 'httpyac-script');
  });

  it('emacs restclient: requests separated by blank lines and `#` comment titles, no `###`', () => {
    // Written for this test in the shape of real restclient notes: each title comment belongs to the request below it.
    const file = parseHttp([
      '# -*- restclient -*-', '# the queue', 'GET http://localhost:8500/v1/kv/queue', '', '',
      '# change it by hand', '# (nobody else should)', 'PUT http://localhost:8500/v1/kv/queue', 'Content-Type: text/plain', '', 'next', '',
      '# and drop it', 'DELETE http://localhost:8500/v1/kv/queue', '',
    ].join('\n'));
    assert.deepEqual(file.requests.map((r) => [r.requestLine.method, startLineOf(r.requestLine.range)]), [['GET', 2], ['PUT', 7], ['DELETE', 13]]);
    assert.equal(file.requests[0].body, undefined);
    assert.equal(file.requests[1].body?.text, 'next');
    assert.deepEqual(file.requests[1].comments, ['change it by hand', '(nobody else should)']);
  });

  it('a comment inside a body stays in the body unless a request line follows it', () => {
    const file = parseHttp('POST https://example.com/notes\nContent-Type: text/markdown\n\n# Title\n\ntext\n');
    assert.equal(file.requests.length, 1);
    assert.equal(file.requests[0].body?.text, '# Title\n\ntext');
  });

  it('WebDAV and version-control methods, and `Get` written in mixed case', () => {
    const file = parseHttp('MKWORKSPACE /w\n\nVERSION-CONTROL /v\n\n###\nGet https://example.com/x\n');
    assert.deepEqual(file.requests.map((r) => r.requestLine.method), ['MKWORKSPACE', 'VERSION-CONTROL', 'GET']);
  });

  it('a GraphQL `query` line in a body is never the QUERY method', () => {
    const file = parseHttp('POST https://example.com/graphql\n\n{ a }\n\nquery Q {\n  b\n}\n');
    assert.equal(file.requests.length, 1);
    assert.match(file.requests[0].body!.text, /query Q/);
  });

  it('a leading byte-order mark is dropped', () => {
    const file = parseHttp('\uFEFFGET https://example.com\n');
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(rangeOf(methodSpan(file.requests[0].requestLine)).start, { line: 0, character: 0 });
  });

  it('stays total on long blocks of one kind (no recursion, no argument spreading)', () => {
    const many = '# @tag x\n'.repeat(200_000);
    assert.equal(parseHttp(`${many}GET https://example.com\n`).requests[0].metadata.length, 200_000);
    assert.equal(parseHttp('{{\n  exports.a = 1;\n}}\n'.repeat(200_000)).scripts.length, 200_000);
    assert.equal(parseHttp('GET /a\nX: 1\n{\n\n###\n'.repeat(50_000)).diagnostics.length, 50_000);
  });
});

describe('httpYac lazy variables', () => {
  it('reads `@name := value` as a variable declaration', () => {
    const file = parseHttp('@token := {{$guid}}\nGET https://x.test\nAuthorization: {{token}}\n');
    assert.deepEqual(file.variables.map((v) => [v.name.value, v.value.value]), [['token', '{{$guid}}']]);
    assert.deepEqual(file.diagnostics, []);
  });
});
