/**
 * Honest fixes where the workspace's OpenAPI document describes the write's path and declares no GET on it: a
 * read inserted before the write would be a request the API does not serve (404/405), so the fix offers what
 * protects instead — an ETag the user is asked for when the request is sent (`.http`), an ETag parameter (code),
 * the create-only form.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHttp } from '../lint';
import { openApiSource } from '../evidence/openapi';
import { observedSource, type Observation } from '../evidence/observed';
import { applyHttpFix } from '../testing/lint-fixture';
import { DEFAULT_CONFIG, type EngineConfig } from '../config/config';

const ID = 'missing-precondition';

/** An API whose items are written with If-Match but never read one by one (the list carries the ETags). */
function configFor(withItemGet: boolean, extra: Record<string, unknown> = {}): EngineConfig {
  const item: Record<string, unknown> = {
    put: { parameters: [{ name: 'If-Match', in: 'header' }], responses: { 200: { description: 'ok' }, 412: { description: 'changed' } } },
    delete: { parameters: [{ name: 'If-Match', in: 'header' }], responses: { 204: { description: 'gone' } } },
  };
  if (withItemGet) item.get = { responses: { 200: { description: 'ok', headers: { ETag: { schema: { type: 'string' } } } } } };
  const spec = {
    openapi: '3.0.3', servers: [{ url: 'https://api.shop.dev/v1' }],
    paths: { '/items': { get: { responses: { 200: { description: 'the list' } } } }, '/items/{id}': item, '/items/search': { get: {} }, ...extra },
  };
  return { ...DEFAULT_CONFIG, evidenceSources: [openApiSource([{ path: '/ws/api/openapi.yaml', content: spec }])] };
}

function fixTitles(text: string, config: EngineConfig): string[] {
  const f = lintHttp(text, config).findings.find((x) => x.ruleId === ID);
  assert.ok(f, 'expected a missing-precondition finding');
  return f.fixes.map((x) => x.title);
}

describe(`${ID}: no read is inserted on a route the OpenAPI document gives no GET`, () => {
  const put = 'PUT https://api.shop.dev/v1/items/9\nContent-Type: application/json\n\n{"name": "renamed"}\n';

  it('offers a prompted ETag and the create-only form, and no GET, when the path has no GET', () => {
    const titles = fixTitles(put, configFor(false));
    assert.ok(!titles.some((t) => /GET/.test(t) && /^Insert/.test(t)), `a read was offered: ${titles.join(' | ')}`);
    assert.match(titles[0], /^Add If-Match: \{\{etag\}\}, asked for when the request is sent/);
    assert.match(titles[0], /openapi\.yaml declares no GET on \/items\/\{id\}/);
    assert.ok(titles.some((t) => t.startsWith('Add If-None-Match: *')), titles.join(' | '));
  });

  it('takes a GET the runner saw answer 405 as no read served, until a later GET of the route succeeds', () => {
    const refused: Observation = { method: 'GET', url: 'http://127.0.0.1:8080/notes/3', status: 405, at: '2026-11-29T10:02:00Z' };
    const served: Observation = { method: 'GET', url: 'http://127.0.0.1:8080/notes/5', status: 200, at: '2026-11-29T10:05:00Z' };
    const text = 'PUT http://127.0.0.1:8080/notes/9\nContent-Type: text/plain\n\nhello\n';
    const withRefused = { ...DEFAULT_CONFIG, evidenceSources: [observedSource([refused])] };
    const f = lintHttp(text, withRefused).findings.find((x) => x.ruleId === ID)!;
    // A 405 says nothing about versions: the write stays a hint.
    assert.equal(f.level, 'hint');
    assert.ok(!f.fixes.some((x) => x.title.startsWith('Insert a GET')), f.fixes.map((x) => x.title).join(' | '));
    assert.match(f.fixes[0].title, /GET \/notes\/3 answered 405 at 10:02/);
    assert.match(fixTitles(text, { ...DEFAULT_CONFIG, evidenceSources: [observedSource([refused, served])] })[0], /^Insert a GET/);
  });

  it('prefers the create-only form for a write its author calls a create, read or no read', () => {
    const text = '### Create item 9\nPUT https://api.shop.dev/v1/items/9\nContent-Type: application/json\n\n{"name": "new"}\n';
    for (const config of [configFor(false), configFor(true)]) {
      const f = lintHttp(text, config).findings.find((x) => x.ruleId === ID)!;
      assert.match(f.fixes.find((x) => x.preferred)?.title ?? '', /^Add If-None-Match: \*/, f.fixes.map((x) => x.title).join(' | '));
    }
  });

  it('still inserts a GET where the document declares one (a sibling /items/search GET is no read of the item)', () => {
    assert.match(fixTitles(put, configFor(true))[0], /^Insert a GET/);
  });

  it('writes the prompt above the request line, keeping its name, and the finding goes away', () => {
    const text = '### Rename item 9\n# @name rename\nPUT https://api.shop.dev/v1/items/9\nContent-Type: application/json\n\n{"name": "renamed"}\n';
    const fixed = applyHttpFix(text, ID, 'Add If-Match: {{etag}}', configFor(false));
    assert.equal(fixed, '### Rename item 9\n# @name rename\n# @prompt etag The ETag of the resource as you last read it\n' +
      'PUT https://api.shop.dev/v1/items/9\nContent-Type: application/json\nIf-Match: {{etag}}\n\n{"name": "renamed"}\n');
    // No other rule objects to the prompted variable (unknown-reference knows `# @prompt`).
    assert.deepEqual(lintHttp(fixed, configFor(false)).findings.map((f) => f.ruleId), []);
  });

  it('picks a free variable name when the file already uses etag', () => {
    const text = '@etag = "abc"\n\n###\nDELETE https://api.shop.dev/v1/items/9\n';
    const fixed = applyHttpFix(text, ID, 'Add If-Match: {{etag2}}', configFor(false));
    assert.match(fixed, /# @prompt etag2 .*\nDELETE https:\/\/api\.shop\.dev\/v1\/items\/9\nIf-Match: \{\{etag2\}\}/);
  });

  it('keeps the file\'s own read: an earlier GET of the resource is threaded whatever the document says', () => {
    const text = '# @name item\nGET https://api.shop.dev/v1/items/9\n\n###\n' + put;
    assert.match(fixTitles(text, configFor(false))[0], /^Add If-Match from/);
  });

  it('asks for the ETag instead of inserting a read in hardcoded-etag\'s fix on such a route', () => {
    const text = 'PUT https://api.shop.dev/v1/items/9\nIf-Match: "33a64df5"\n';
    const f = lintHttp(text, configFor(false)).findings.find((x) => x.ruleId === 'hardcoded-etag');
    assert.ok(f, 'expected a hardcoded-etag finding');
    assert.ok(!f.fixes.some((x) => x.title.startsWith('Insert a GET')), f.fixes.map((x) => x.title).join(' | '));
    assert.equal(applyHttpFix(text, 'hardcoded-etag', 'Ask for the ETag when the request is sent', configFor(false)),
      '# @prompt etag The ETag of the resource as you last read it\nPUT https://api.shop.dev/v1/items/9\nIf-Match: {{etag}}\n');
  });
});
