import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../http/parser';
import { LoweringScope, Lookups, lowerRequest } from '../model/http-lowering';
import { LookupLog } from './lookup-log';

/** Requests that look names up: a named read, a handler capture, its header and body parts, repeats and misses. */
const FILE = [
  '# @name readShelf', 'GET https://books.test/shelves/4', '',
  '> {% client.global.set("shelfTag", response.headers.valueOf("ETag")); client.global.set("shelfId", response.body.id); %}', '',
  '###', 'PUT https://books.test/shelves/{{shelfId}}', 'If-Match: {{shelfTag}}', 'X-Seen: {{shelfTag}}', '', '{"n": 1}', '',
  '###', 'PATCH https://books.test/shelves/4', 'If-Match: {{readShelf.response.headers.ETag}}', 'X-Other: {{nobody.response.body.id}}', '',
  '###', 'GET https://books.test/plain', '',
  '# @name readShelf', 'GET https://books.test/shelves/5', '',
  '###', 'DELETE https://books.test/shelves/5', 'If-Match: {{readShelf.response.headers.ETag}}', '',
].join('\n');

/** Each request's kept look-ups, lowered in file order with a recording `Lookups` each, or through one `LookupLog`. */
function keptLookups(logged: boolean): unknown[] {
  const file = parseHttp(FILE);
  const scope = new LoweringScope(file, {});
  const log = new LookupLog(scope);
  const source = { file, requests: [] };
  const kept: unknown[] = [];
  for (const req of file.requests) {
    log.nextRequest();
    const lookups = logged ? new Lookups(scope, false, log) : new Lookups(scope, true);
    lowerRequest(req, scope, lookups, source);
    if (!logged) kept.push(Lookups.kept(lookups));
    scope.advance(req);
  }
  return logged ? file.requests.map((_, i) => log.keptAt(i)) : kept;
}

describe('the first lowering\'s look-ups, logged on one list', () => {
  it('gives each request the list a recording Lookups keeps: same names, order, answers and repeats kept once', () => {
    const recorded = keptLookups(false);
    assert.ok(recorded.some((k) => (k as unknown[]).length >= 6), 'the fixture looks several names up in one request');
    assert.ok(recorded.some((k) => (k as unknown[]).length === 0), 'and nothing in another');
    assert.deepEqual(keptLookups(true), recorded);
  });
});
