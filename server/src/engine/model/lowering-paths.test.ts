/**
 * The whole-file lowering (`buildHttpModel`: one lowering record filled for every request, the straight path of a
 * request that states nothing) against the editor's way (`lowerRequest` per request, a fresh record each, as the
 * model cache lowers them): the same models, references, uses and evidence, on files written to be awkward.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../http/parser';
import { buildHttpModel } from './http-model';
import { LoweringScope, Lookups, lowerRequest } from './http-lowering';
import type { HeaderModel, RequestModel } from './types';
import { MAX_TOTAL_EXPANSION_CHARS, StaticVariables } from './variables';

/** Files whose requests take every way through the lowering: captures of each dialect, scripts, odd braces. */
const FILES: string[] = [
  [
    '@host = https://Stock.Example.org',
    '@item = {{host}}/shelves/{{shelf}}',
    '@shelf = 12',
    '@tag = {{readShelf.response.headers.ETag}}',
    '@loop1 = {{loop2}}',
    '@loop2 = {{loop1}}',
    '',
    '### readShelf',
    '# @name readShelf',
    'GET {{item}}?fields=all#top',
    'Accept: application/json',
    '',
    '### put it back',
    'PUT {{item}}',
    'If-Match: {{tag}}',
    'X-Trace: {{$guid}} {{loop1}}',
    'Content-Type: application/json',
    '',
    '{"shelf": "{{readShelf.response.body.$.id}}", "odd": "{{unclosed"}',
    '',
    '### still open',
    'PATCH {{host}}/shelves/{{ {{shelf}} }}/{{nobody.response.headers.ETag}}',
    'If-Match: {{readShelf.response.headers.ETag}}}',
    'If-None-Match:   {{readShelf.response.headers.ETag}}  ',
    '{{host}}: odd name',
    '',
    '### asserted',
    'GET {{host}}/shelves/3',
    '',
    '?? header etag exists',
    '',
    '### overridden',
    'POST {{host}}/shelves/3',
    'X-HTTP-Method: merge',
    'If-Match: {{readShelfResponse.headers.ETag}}',
  ].join('\n'),
  [
    '### bin',
    '# @name bin',
    'GET https://bins.example.net/b/4',
    '',
    '> {%',
    '  client.global.set("binTag", response.headers.valueOf("ETag"));',
    '  if (response.status === 412) client.log("lost");',
    '%}',
    '',
    '### write with the handler variable',
    'PUT https://bins.example.net/b/4',
    'If-Match: {{binTag}}',
    '',
    '### httpYac names',
    'DELETE https://bins.example.net/b/{{bin.id}}',
    'If-Match: {{binResponse.headers["ETag"]}}',
    'Authorization: Bearer {{missing}}',
  ].join('\n'),
  [
    '# @prompt secret',
    '### prompts and unknowns',
    'PUT https://vault.example.com/keys/{{secret}}/{{ghost}}',
    'If-Match: {{ghost.response.headers.ETag}}',
    '',
    '### no request yet',
    'DELETE https://vault.example.com/keys/{{later.id}}',
    '',
    '### later',
    '# @name later',
    'GET https://vault.example.com/keys/1',
  ].join('\n'),
];

/** Generated requests: the same few headers and URLs in many arrangements (templates repeat, as in real files). */
function generated(n: number): string {
  const urls = ['{{base}}/parts/{{i}}', 'https://parts.example.com/parts/{{i}}/', '{{base}}/parts/{{p{{i}}}}', '{{ base }}/parts?id={{i}}'];
  const headers = ['If-Match: {{part{{i}}.response.headers.ETag}}', 'If-Match: {{part0.response.headers.ETag}}', 'Authorization: Bearer {{token}}', 'Accept: */*', 'If-Match: {{$guid}}'];
  let text = '@base = https://parts.example.com\n@token = {{base}}-t\n@i = 3\n';
  for (let k = 0; k < n; k++) {
    text += `\n### part ${k}\n# @name part${k}\n${k % 3 === 0 ? 'GET' : 'PUT'} ${urls[k % urls.length].replace('{{i}}', String(k))}\n`;
    for (let h = 0; h < k % 4; h++) text += headers[(k + h) % headers.length].replace('{{i}}', String(k - 1)) + '\n';
  }
  return text;
}

function headerView(h: HeaderModel): unknown {
  return { name: h.name, value: h.value, resolvedValue: h.resolvedValue, source: h.source, nameRange: h.nameRange, valueRange: h.valueRange, range: h.range };
}

function requestView(r: RequestModel): unknown {
  return {
    index: r.index, method: r.method, url: r.url, target: r.target, name: r.name, notes: r.notes, body: r.body,
    host: r.host, query: [...r.queryParams], anchor: r.anchor, range: r.range, headers: r.headers.map(headerView),
  };
}

/** Each request lowered on its own record, in file order, as an editor's first version is (incremental/model-cache.ts). */
function lowerOneByOne(text: string): unknown {
  const file = parseHttp(text);
  const scope = new LoweringScope(file, {});
  const lookups = new Lookups(scope, false);
  const source = { file, requests: [] as RequestModel[] };
  const requests: unknown[] = [];
  const unresolved: unknown[] = [];
  const byRequest: unknown[] = [];
  for (const req of file.requests) {
    const lowered = lowerRequest(req, scope, lookups, source);
    requests.push(requestView(lowered.model));
    unresolved.push(...lowered.unresolved);
    byRequest.push({ uses: [...lowered.evidence.uses], evidence: [...lowered.evidence.evidence] });
    scope.advance(req);
  }
  return { requests, unresolved, byRequest };
}

function lowerWhole(text: string): unknown {
  const model = buildHttpModel(parseHttp(text));
  return {
    requests: model.requests.map(requestView),
    unresolved: model.unresolved,
    byRequest: model.byRequest!.map((e) => ({ uses: [...e.uses], evidence: [...e.evidence] })),
  };
}

describe('the whole-file lowering and the editor\'s, request by request', () => {
  it('give the same models, references, uses and evidence', () => {
    for (const text of [...FILES, generated(60)]) assert.deepEqual(lowerWhole(text), lowerOneByOne(text));
  });

  it('keep each request\'s own findings (one record filled for every request leaks nothing into the next)', () => {
    const model = buildHttpModel(parseHttp(FILES[0]));
    // The reference in the PATCH's URL resolves nowhere; no request after it has a reference of its own.
    assert.deepEqual(model.unresolved.map((u) => u.name), ['nobody']);
    // The read's validator is captured by `@tag`; the assertion states its own; the requests between state nothing.
    assert.deepEqual(model.byRequest!.map((e) => [e.uses.length, e.evidence.length]), [[0, 1], [2, 0], [2, 0], [0, 1], [1, 0]]);
    assert.equal(model.requests[4].method, 'PATCH');
  });
});

describe('a text that names no variable of the file', () => {
  it('is given back as it is, and counts towards the total bound each time it is resolved', () => {
    const file = parseHttp('@base = https://parts.example.com\n\nGET {{base}}/x\n');
    const vars = new StaticVariables(file);
    const text = `{{part1.response.headers.ETag}}${'-'.repeat(1000)}`;
    const times = Math.floor(MAX_TOTAL_EXPANSION_CHARS / text.length);
    for (let k = 0; k < times; k++) assert.equal(vars.resolve(text), text);
    assert.equal(vars.exhausted, false);
    // One more pass over the bound: from here every text is left as written, a known variable's too.
    assert.equal(vars.resolve(text), text);
    assert.equal(vars.exhausted, true);
    assert.equal(vars.resolve('{{base}}/x'), '{{base}}/x');
  });

  it('is told by its names\' length only when no defined name is as long (the environment\'s included)', () => {
    const file = parseHttp('@id = 7\n@host.of.the.shop = shop.example\n\nGET https://{{host.of.the.shop}}/{{id}}\n');
    const env = { 'token.for.the.whole.shop.api': 'T' };
    const vars = new StaticVariables(file, env);
    assert.equal(vars.resolve('{{host.of.the.shop}}/{{id}}'), 'shop.example/7');
    assert.equal(vars.resolve('Bearer {{token.for.the.whole.shop.api}}'), 'Bearer T');
    // One character longer than the longest defined name: left as written, the shorter ones around it expanded.
    assert.equal(vars.resolve('{{token.for.the.whole.shop.apis}}/{{id}}'), '{{token.for.the.whole.shop.apis}}/7');
    assert.equal(buildHttpModel(parseHttp('@n = 1\n\nGET https://a.example/{{n}}/{{nn}}\n'), { nn: '22' }).requests[0].url, 'https://a.example/1/22');
  });
});
