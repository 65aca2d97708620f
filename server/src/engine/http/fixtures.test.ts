import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from './parser';
import type { HttpFile, HttpRequest } from './ast';
import { allFixtures, fixture } from '../testing/http-fixture-files';
import { rangeOf, startLineOf } from '../text/span';
import { headerValueSpan, methodSpan, urlPartsOf } from './nodes';

/** `METHOD url` of each request, the shape most assertions compare. */
function requestLines(file: HttpFile): string[] {
  return file.requests.map((r) => `${r.requestLine.method} ${r.requestLine.url}`);
}

function header(req: HttpRequest, name: string): string | undefined {
  return req.headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

describe('fixtures: every file parses without diagnostics', () => {
  const names = allFixtures();
  it('finds the fixtures of all three dialects', () => {
    for (const dialect of ['jetbrains/', 'rest-client/', 'httpyac/']) assert.ok(names.some((n) => n.startsWith(dialect)), dialect);
  });
  for (const name of names) {
    it(name, () => assert.deepEqual(parseHttp(fixture(name)).diagnostics, []));
  }
});

describe('fixtures: JetBrains', () => {
  it('items-crud.http: titles, names, handlers, multi-line URL, file body, redirect', () => {
    const text = fixture('jetbrains/items-crud.http');
    const file = parseHttp(text);
    assert.deepEqual(requestLines(file), [
      'GET {{baseUrl}}/items/42', 'PUT {{baseUrl}}/items/42', 'POST {{baseUrl}}/items?dryRun=false&notify=true', 'DELETE {{baseUrl}}/items/42',
    ]);
    const [get, put, post, del] = file.requests;
    assert.equal(get.name?.value, 'getItem');
    assert.equal(get.title, 'Get an item');
    assert.equal(get.requestLine.version?.value, 'HTTP/1.1');
    assert.equal(get.scripts[0].kind, 'response-handler');
    assert.match(get.scripts[0].source, /client\.global\.set\("itemEtag"/);
    assert.deepEqual(put.metadata.map((m) => [m.key, m.value]), [['no-redirect', ''], ['timeout', '5000']]);
    assert.equal(header(put, 'If-Match'), '{{itemEtag}}');
    assert.equal(put.body?.text, '{\n  "name": "Desk lamp",\n  "price": 39.5\n}');
    assert.equal(put.scripts[0].file, './handlers/check-updated.js');
    assert.equal(post.scripts[0].kind, 'pre-request');
    assert.equal(urlPartsOf(post.requestLine).length, 3);
    assert.equal(post.body?.file?.path.value, './payloads/new-item.json');
    assert.equal(post.body?.file?.substitute, false);
    assert.equal(header(del, 'If-Match'), '"v7"');
    assert.deepEqual(del.metadata.map((m) => m.key), ['no-cookie-jar']);
    // Ranges: the If-Match value of the PUT, character for character.
    const ifMatch = put.headers[1];
    const line = text.split('\n')[startLineOf(ifMatch.range)];
    assert.equal(line.slice(rangeOf(headerValueSpan(ifMatch)).start.character, rangeOf(headerValueSpan(ifMatch)).end.character), '{{itemEtag}}');
    assert.deepEqual(rangeOf(del.range).end, { line: 43, character: 14 });
  });

  it('scripts-and-files.http: script files, <@ bodies, one-line handlers, multipart', () => {
    const file = parseHttp(fixture('jetbrains/scripts-and-files.http'));
    assert.equal(file.requests.length, 3);
    const [upload, latest, form] = file.requests;
    assert.deepEqual(upload.scripts.map((s) => [s.kind, s.file]), [
      ['pre-request', './scripts/sign-request.js'], ['response-handler', './scripts/remember-upload.js'],
    ]);
    assert.deepEqual(upload.body?.file && [upload.body.file.path.value, upload.body.file.substitute], ['./payloads/upload-{{env}}.bin', true]);
    assert.match(latest.scripts[0].source, /uploadEtag/);
    assert.equal(form.title, 'Multipart form');
    // The `< ./report.csv` inside the multipart body is part of the body, not a file body of its own.
    assert.match(form.body!.text, /^--boundary\n[\s\S]*< \.\/report\.csv\n--boundary--$/);
  });

  it('expected-response.http: a response written under its request is not its body', () => {
    const file = parseHttp(fixture('jetbrains/expected-response.http'));
    const [get, put] = file.requests;
    assert.equal(get.body, undefined);
    assert.equal(get.response?.status, 200);
    assert.equal(get.response?.statusLine.value, 'HTTP/1.1 200 OK');
    assert.deepEqual(get.response?.headers.map((h) => [h.name, h.value]), [['Content-Type', 'application/json'], ['ETag', '"d7-3a"']]);
    assert.equal(get.response?.body?.text, '{"id": 7, "title": "Minutes"}');
    assert.deepEqual(rangeOf(get.response!.range), { start: { line: 4, character: 0 }, end: { line: 8, character: 29 } });
    assert.equal(header(put, 'If-Match'), '"d7-3a"');
  });
});

describe('fixtures: REST Client', () => {
  it('users.http: file variables, request references, dynamic variables, query continuation, form body', () => {
    const file = parseHttp(fixture('rest-client/users.http'));
    assert.deepEqual(file.variables.map((v) => [v.name.value, v.value.value]), [
      ['baseUrl', 'https://api.example.com/v2'], ['token', '{{$dotenv API_TOKEN}}'], ['contentType', 'application/json'],
    ]);
    assert.deepEqual(file.requests.map((r) => r.requestLine.method), ['GET', 'PATCH', 'GET', 'GET', 'POST']);
    const [, rename, conditional, search, login] = file.requests;
    assert.equal(rename.name?.value, 'renameUser');
    assert.equal(header(rename, 'If-Match'), '{{getUser.response.headers.ETag}}');
    assert.equal(header(conditional, 'If-None-Match'), '{{renameUser.response.headers.ETag}}');
    assert.equal(search.requestLine.url, '{{baseUrl}}/users?role=admin&active=true&page={{$randomInt 1 10}}');
    assert.equal(search.body, undefined);
    assert.equal(login.body?.text, 'username=ada\n&password={{$processEnv LOGIN_PASSWORD}}');
  });

  it('graphql-and-curl.http: a GraphQL body with variables, a curl command, a mixed-case method', () => {
    const file = parseHttp(fixture('rest-client/graphql-and-curl.http'));
    assert.deepEqual(requestLines(file), ['POST https://api.example.com/graphql', 'GET https://api.example.com/health']);
    assert.match(file.requests[0].body!.text, /^query Repo[\s\S]*"owner": "octo"\n}$/);
    // `Get` is sent as GET; the method's range still covers the word as written.
    assert.deepEqual(rangeOf(methodSpan(file.requests[1].requestLine)), { start: { line: 23, character: 0 }, end: { line: 23, character: 3 } });
  });
});

describe('fixtures: httpYac', () => {
  it('regions.http: global scripts, assertions, event scripts, bodies without a blank line, requests without ###', () => {
    const file = parseHttp(fixture('httpyac/regions.http'));
    assert.deepEqual(requestLines(file), [
      'GET {{host}}/items/42', 'PUT {{host}}/items/42', 'GET {{host}}/health/live', 'GET {{host}}/health/ready',
    ]);
    assert.deepEqual(file.scripts.map((s) => s.kind), ['httpyac-script']);
    const [item, put] = file.requests;
    assert.equal(item.body, undefined, 'the ?? assertion is not a body');
    assert.match(item.scripts[0].source, /console\.info/);
    assert.deepEqual(put.metadata.map((m) => [m.key, m.value]), [['ref', 'item']]);
    assert.equal(header(put, 'If-Match'), '{{itemResponse.headers.etag}}');
    assert.equal(put.body?.text, '{\n  "name": "renamed"\n}');
  });

  it('grpc-graphql.http: proto imports, GraphQL fragments, gRPC, header spreads', () => {
    const file = parseHttp(fixture('httpyac/grpc-graphql.http'));
    assert.deepEqual(requestLines(file), ['GRPC {{grpcHost}}/inventory.Inventory/GetStock', 'POST https://api.example.com/graphql']);
    const [grpc, graphql] = file.requests;
    assert.deepEqual(grpc.metadata.map((m) => [m.key, m.value]), [['proto', './protos/inventory.proto'], ['name', 'stock']]);
    assert.equal(grpc.body?.text, '{\n  "sku": "A-1"\n}');
    assert.deepEqual(graphql.headers.map((h) => h.name), ['Content-Type']);
    assert.equal(graphql.scripts[0].kind, 'httpyac-script');
    assert.match(graphql.body!.text, /^query Stock/);
  });
});
