// The runner against the demo API: the optimistic-concurrency round trips and the three reference dialects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runAll, runRequest } from '../../server/src/runner/executor';
import { useDemoApi } from './demo-session';
import { source } from './helpers';

describe('runner against the demo API', () => {
  const api = useDemoApi();
  const run = (text: string) => runAll(source(text), api.session(), { overrides: { base: api.url() } });

  it('creates with If-None-Match: * once, then gets 412', async () => {
    const create = `PUT {{base}}/items/new-1\nIf-None-Match: *\nContent-Type: application/json\n\n{"name": "fresh"}`;
    const [first] = await run(create);
    const [second] = await run(create);
    assert.equal(first.response?.status, 201);
    assert.equal(second.response?.status, 412);
  });

  it('updates with the ETag read before (REST Client reference), then a reuse of that ETag gets 412', async () => {
    const results = await run([
      '# @name item', 'GET {{base}}/items/1', '###',
      'PUT {{base}}/items/1', 'If-Match: {{item.response.headers.ETag}}', 'Content-Type: application/json', '',
      '{"name": "{{item.response.body.$.name}} v2", "price": {{item.response.body.$.price}}}', '###',
      'PUT {{base}}/items/1', 'If-Match: {{item.response.headers.ETag}}', 'Content-Type: application/json', '', '{"name": "lost"}',
    ].join('\n'));
    assert.deepEqual(results.map((r) => r.response?.status), [200, 200, 412]);
    assert.equal(JSON.parse(results[1].response!.body.toString()).name, 'Widget v2');
    assert.equal(results[1].request.headers.find(([n]) => n === 'If-Match')?.[1], results[0].response!.headers.etag);
  });

  it('reads httpYac references and JetBrains handler captures without running the handler', async () => {
    const results = await run([
      '# @name first', 'GET {{base}}/items/2', '',
      '> {%', '  client.global.set("tag", response.headers.valueOf("ETag"));', '  client.global.set("price", jsonPath(response.body, "$.price"));', '%}',
      '###', 'DELETE {{base}}/items/2', 'If-Match: {{firstResponse.headers.etag}}', 'X-Tag: {{tag}}', 'X-Price: {{price}}',
    ].join('\n'));
    assert.equal(results[1].response?.status, 204);
    const sent = Object.fromEntries(results[1].request.headers);
    assert.equal(sent['X-Tag'], results[0].response!.headers.etag);
    assert.equal(sent['X-Price'], '25');
  });

  it('deletes with a stale ETag → 412, with the current one → 204', async () => {
    const stale = await run(`DELETE {{base}}/items/3\nIf-Match: "not-the-tag"`);
    assert.equal(stale[0].response?.status, 412);
    const fresh = await run(`# @name g\nGET {{base}}/items/3\n###\nDELETE {{base}}/items/3\nIf-Match: {{g.response.headers.etag}}`);
    assert.equal(fresh[1].response?.status, 204);
  });

  it('runs a referenced request first when only the dependent one is sent', async () => {
    const src = source(`# @name item\nGET {{base}}/items/1\n###\nPUT {{base}}/items/1\nIf-Match: {{item.response.headers.etag}}\n\n{"name": "x"}`);
    const seen: string[] = [];
    const exchange = await runRequest(src, src.file.requests[1], api.session(), { overrides: { base: api.url() }, onExchange: (e) => { seen.push(e.request.method); } });
    assert.equal(exchange.response?.status, 200);
    assert.deepEqual(seen, ['GET', 'PUT']);
  });

  it('stops at an undefined variable with one clear line and sends nothing', async () => {
    const [result] = await run('GET {{base}}/items/{{missing}}');
    assert.equal(result.response, undefined);
    assert.equal(result.error?.kind, 'variable');
    assert.match(result.error!.message, /\{\{missing\}\} is not defined/);
  });

  it('never evaluates script expressions in templates', async () => {
    const [result] = await run('GET {{base}}/items/{{ process.exit(1) }}');
    assert.equal(result.error?.kind, 'variable');
    assert.match(result.error!.message, /never runs code/);
  });

  it('gets 428 from the strict route without a precondition', async () => {
    const [result] = await run('PUT {{base}}/strict/items/1\nContent-Type: application/json\n\n{"name": "x"}');
    assert.equal(result.response?.status, 428);
  });
});
