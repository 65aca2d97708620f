import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from './parser';

/** The one diagnostic a snippet yields: its code, severity, line and message. */
function only(text: string) {
  const { diagnostics, requests } = parseHttp(text);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  return { code: d.code, severity: d.severity, line: d.range.start.line, message: d.message, requests };
}

describe('parse diagnostics: each says what is wrong and how to fix it, and hides nothing after it', () => {
  it('expected-request-line: prose where a request should start', () => {
    const d = only('This file lists our requests.\n\nGET https://example.com/a\n');
    assert.deepEqual([d.code, d.severity, d.line], ['expected-request-line', 'error', 0]);
    assert.match(d.message, /Start comments with `#` or `\/\/`/);
    assert.equal(d.requests.length, 1);
  });

  it('missing-url: a method alone', () => {
    const d = only('###\nDELETE\n\n###\nGET https://example.com/a\n');
    assert.deepEqual([d.code, d.line], ['missing-url', 1]);
    assert.match(d.message, /`DELETE` needs a URL after it: write `DELETE https:\/\/example\.com\/items`/);
    assert.equal(d.requests.length, 1);
  });

  it('command-line: an HTTPie / xh command instead of a request', () => {
    const d = only('http PUT example.com/items/1 If-Match:"v1"\n');
    assert.equal(d.code, 'command-line');
    assert.match(d.message, /command line \(`http`\).*`PUT https:\/\/example\.com\/items`/);
  });

  it('a curl command whose quoted data spans lines is one command, not prose (REST Client sends it whole)', () => {
    const text = [
      '### Create a field', `curl -X POST "http://es.test:9200/p/_doc" -H 'Content-Type: application/json' -d '{`, '  "name": "G",',
      '  "note": "say \\"hi\\""', "}'", '', '### Then read', 'GET http://es.test:9200/p/_search', '',
      '### An unclosed quote ends at the next separator', "curl -d '{", '  "a": 1', '###', 'GET http://es.test:9200/',
    ].join('\n');
    const { diagnostics, requests } = parseHttp(text);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(requests.map((r) => r.requestLine.url), ['http://es.test:9200/p/_search', 'http://es.test:9200/']);
  });

  it('invalid-variable: `@name` without a value, `@= value` without a name', () => {
    assert.equal(only('@token\nGET https://example.com\n').code, 'invalid-variable');
    const d = only('@= 42\nGET https://example.com\n');
    assert.equal(d.code, 'invalid-variable');
    assert.match(d.message, /`@name = value`.*`# @name value`/);
  });

  it('missing-blank-line: a body right under the headers (JetBrains / REST Client file)', () => {
    const d = only('PUT https://example.com/a\nContent-Type: application/json\n{"a": 1}\n');
    assert.deepEqual([d.code, d.severity, d.line], ['missing-blank-line', 'warning', 2]);
    assert.match(d.message, /Insert a blank line/);
    assert.equal(d.requests[0].body?.text, '{"a": 1}');
  });

  it('missing-blank-line: a header name with spaces gets the name to write', () => {
    const d = only('GET https://example.com/a\nIf Match: "v1"\n');
    assert.match(d.message, /cannot contain spaces: write `If-Match:`/);
  });

  it('missing-blank-line is not reported for a header line held by a variable (`{{me}}` with `@me = Authorization: …`)', () => {
    const { diagnostics, requests } = parseHttp('@me = Authorization: Basic alice:\n\n###\nGET http://localhost:4004/browse\n{{me}}\nAccept: application/json\n\n###\nPOST http://localhost:4004/browse/Books\n{{me}}\n\n{"ID": 7}\n');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(requests[0].headers.map((h) => h.name), ['Accept']);
    assert.equal(requests[0].body, undefined);
    assert.equal(requests[1].body?.text, '{"ID": 7}');
  });

  it('missing-blank-line is not reported in a file written for httpYac, where the body needs no blank line', () => {
    const text = '# @ref login\nPUT https://example.com/a\nContent-Type: application/json\n{"a": 1}\n';
    assert.deepEqual(parseHttp(text).diagnostics, []);
  });

  it('text-after-handler: text after the response handler', () => {
    const d = only('GET https://example.com/a\n\n> {% client.log(1) %}\nstray text\n###\nGET https://example.com/b\n');
    assert.deepEqual([d.code, d.line], ['text-after-handler', 3]);
    assert.equal(d.requests.length, 2);
  });

  it('unclosed-script: stops at the next ###', () => {
    const d = only('GET https://example.com/a\n\n> {%\n  client.log(1);\n###\nGET https://example.com/b\n');
    assert.deepEqual([d.code, d.line], ['unclosed-script', 2]);
    assert.match(d.message, /add a line with `%}`/);
    assert.equal(d.requests.length, 2);
  });

  it('unclosed-comment: stops at the next ###', () => {
    const d = only('/* notes\nGET https://example.com/a\n###\nGET https://example.com/b\n');
    assert.deepEqual([d.code, d.line], ['unclosed-comment', 0]);
    assert.equal(d.requests.length, 1);
  });

  it('diagnostics come in line order', () => {
    const { diagnostics } = parseHttp('PUT https://example.com/a\nContent-Type: x\n{}\n\n###\nnonsense\n');
    assert.deepEqual(diagnostics.map((d) => d.range.start.line), [2, 5]);
  });
});
