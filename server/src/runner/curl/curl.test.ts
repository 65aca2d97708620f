import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../../engine';
import { CurlImportError, fromCurl } from './from-curl';
import { shellQuote, shellWords, ShellSyntaxError } from './shell-words';
import { toCurl, type CurlRequest } from './to-curl';

describe('shell words', () => {
  it('splits on blanks and honours single, double and $\'…\' quotes, escapes and continuations', () => {
    assert.deepEqual(shellWords(`curl -H 'If-Match: "v1"' \\\n  --data "a \\"b\\" \\$x" $'l1\\nl2\\x41' plain\\ word`),
      ['curl', '-H', 'If-Match: "v1"', '--data', 'a "b" $x', 'l1\nl2A', 'plain word']);
  });

  it('keeps adjacent quoted parts in one word, drops comments, keeps $VAR literal', () => {
    assert.deepEqual(shellWords(`a'b'"c"d $HOME # comment\ne`), ['abcd', '$HOME', 'e']);
  });

  it('an empty quoted word is a word', () => {
    assert.deepEqual(shellWords(`-H ''`), ['-H', '']);
  });

  it('rejects an unterminated quote', () => {
    assert.throws(() => shellWords(`curl 'abc`), ShellSyntaxError);
    assert.throws(() => shellWords(`curl "abc`), ShellSyntaxError);
  });

  it('quotes only what needs it, and a quoted word splits back to itself', () => {
    assert.equal(shellQuote('http://h/a?b=1'), `'http://h/a?b=1'`);
    assert.equal(shellQuote('http://h/a'), 'http://h/a');
    assert.equal(shellQuote('-X'), '-X');
    for (const w of [`it's`, `"quoted" and 'single'`, 'a\nb', '$HOME `x` \\', '']) assert.deepEqual(shellWords(shellQuote(w)), [w]);
  });
});

describe('to curl', () => {
  const put: CurlRequest = {
    method: 'PUT', url: 'http://127.0.0.1:8080/items/1?api_key=k1',
    headers: [['If-Match', '"v1"'], ['Authorization', 'Bearer secret-token'], ['Content-Type', 'application/json'], ['Content-Length', '11']],
    body: `{"n":"it's"}`,
  };

  it('one -H per header in order, -X, --data-binary, shell quoting; Content-Length left to curl', () => {
    assert.equal(toCurl(put, { multiline: false }),
      `curl -X PUT 'http://127.0.0.1:8080/items/1?api_key=k1' -H 'If-Match: "v1"' -H 'Authorization: Bearer secret-token' ` +
      `-H 'Content-Type: application/json' --data-binary '{"n":"it'\\''s"}'`);
  });

  it('masks credentials on request', () => {
    const text = toCurl(put, { mask: true });
    assert.doesNotMatch(text, /secret-token|k1/);
    assert.match(text, /Authorization: Bearer •••/);
    assert.match(text, /api_key=•••/);
  });

  it('GET and POST need no -X, HEAD uses --head, a body without Content-Type blanks curl\'s default, globs are off', () => {
    assert.equal(toCurl({ method: 'GET', url: 'http://h/a', headers: [] }), 'curl http://h/a');
    assert.equal(toCurl({ method: 'HEAD', url: 'http://h/a', headers: [] }, { multiline: false }), 'curl --head http://h/a');
    assert.equal(toCurl({ method: 'POST', url: 'http://h/a', headers: [], body: 'x' }, { multiline: false }), `curl http://h/a -H Content-Type: --data-binary x`);
    assert.match(toCurl({ method: 'GET', url: 'http://h/a?f[0]=1', headers: [] }), /^curl --globoff/);
    assert.match(toCurl({ method: 'POST', url: 'http://h/', headers: [], body: '@notafile' }), /--data-raw @notafile/);
    assert.match(toCurl({ method: 'PUT', url: 'http://h/', headers: [], bodyFile: '/tmp/b.json' }), /--data-binary @\/tmp\/b.json/);
  });

  it('round trip: the imported command is the same request', () => {
    const back = fromCurl(toCurl(put));
    assert.equal(back.method, 'PUT');
    assert.equal(back.url, put.url);
    assert.deepEqual(back.headers, put.headers.filter(([n]) => n !== 'Content-Length'));
    assert.equal(back.body, put.body);
    const bare = fromCurl(toCurl({ method: 'DELETE', url: 'http://h/x', headers: [['If-Match', 'W/"1"']], body: 'line1\nline2' }));
    assert.deepEqual([bare.method, bare.headers, bare.body], ['DELETE', [['If-Match', 'W/"1"']], 'line1\nline2']);
  });
});

describe('from curl', () => {
  it('browser-style command: long flags, $\'…\' body, --compressed, cookies → a .http request the parser reads', () => {
    const imported = fromCurl(`curl 'https://api.example.test/items/7' \\
  -X 'PATCH' \\
  -H 'accept: application/json' \\
  -H 'if-match: "abc"' \\
  -b 'sid=42; theme=dark' \\
  --data-raw $'{"name":"it\\'s"}' \\
  --compressed`);
    assert.equal(imported.http, [
      'PATCH https://api.example.test/items/7', 'accept: application/json', 'if-match: "abc"', 'Cookie: sid=42; theme=dark',
      'Accept-Encoding: deflate, gzip, br', 'Content-Type: application/x-www-form-urlencoded', '', `{"name":"it's"}`, '',
    ].join('\n'));
    const [request] = parseHttp(imported.http).requests;
    assert.equal(request.requestLine.method, 'PATCH');
    assert.equal(request.headers.find((h) => h.name === 'if-match')?.value, '"abc"');
  });

  it('-u becomes Basic auth, -A/-e headers, -I is HEAD, --json sets the JSON headers and POST', () => {
    const basic = fromCurl('curl -u alice:s3cret -A agent/1 -e http://ref/ -I http://h/');
    assert.equal(basic.method, 'HEAD');
    assert.deepEqual(basic.headers, [['Authorization', `Basic ${Buffer.from('alice:s3cret').toString('base64')}`], ['User-Agent', 'agent/1'], ['Referer', 'http://ref/']]);
    const json = fromCurl(`curl --json '{"a":1}' http://h/items`);
    assert.equal(json.method, 'POST');
    assert.deepEqual(json.headers, [['Content-Type', 'application/json'], ['Accept', 'application/json']]);
    assert.equal(json.body, '{"a":1}');
  });

  it('-d @file becomes a < file body; -G moves data to the query; several -d join with &', () => {
    const file = fromCurl('curl -X PUT --data-binary @body.json -H "Content-Type: application/json" http://h/x');
    assert.equal(file.bodyFile, 'body.json');
    assert.match(file.http, /\n\n< body.json\n$/);
    const get = fromCurl('curl -G -d a=1 -d b=2 --url http://h/search');
    assert.equal(get.method, 'GET');
    assert.equal(get.url, 'http://h/search?a=1&b=2');
    assert.equal(get.body, undefined);
    assert.equal(fromCurl('curl -d a=1 --data-urlencode "q=x y" http://h/').body, 'a=1&q=x%20y');
  });

  it('glued short flags (-sSL, -XPUT, -HName:v), -k and -m become notes and @timeout, unknown flags are noted', () => {
    const r = fromCurl(`curl -sSLk -XPUT '-HIf-Match: "1"' -m 2.5 --frobnicate http://h/a`);
    assert.equal(r.method, 'PUT');
    assert.deepEqual(r.headers, [['If-Match', '"1"']]);
    assert.match(r.http, /^# curl -k skipped certificate checks.*\n# curl option --frobnicate was not translated\.\n# @timeout 2500\nPUT http:\/\/h\/a\n/);
  });

  it('errors: no URL, a flag without its value', () => {
    assert.throws(() => fromCurl('curl -X PUT'), CurlImportError);
    assert.throws(() => fromCurl('curl http://h/ -H'), /-H needs a value/);
  });
});
