// The automatic explanation after a 412/428, against the demo API: one safe re-read, then the diagnosis.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it, mock } from 'node:test';
import { startDemoServer, type DemoServer } from '../../examples/server/demo-server';
import { parseHttp } from '../../server/src/engine';
import { runAll, Session, type Exchange } from '../../server/src/runner/executor';
import { explainExchange } from '../../server/src/runner/retry/explain-exchange';
import { explanationLines } from '../../server/src/runner/retry/explanation-text';

describe('explainExchange against the demo API', () => {
  const session = new Session();
  let demo: DemoServer;
  const run = async (text: string): Promise<Exchange> => (await runAll({ path: 'inline.http', file: parseHttp(text) }, session, { overrides: { base: demo.url } })).at(-1)!;
  before(async () => { demo = await startDemoServer({ port: 0 }); });
  after(() => Promise.all([session.close(), demo.close()]));
  beforeEach(() => run('POST {{base}}/admin/reset'));
  const limits = { timeoutMs: 5000, maxResponseBytes: 1 << 20 };

  it('a stale If-Match: "changed", with the current ETag from the re-read and the §13.2.2 replay', async () => {
    const failed = await run('PUT {{base}}/items/1\nIf-Match: "stale"\nContent-Type: application/json\n\n{"name": "x"}');
    assert.equal(failed.response?.status, 412);
    const d = await explainExchange(session, failed, limits, 'item (GET on line 1)');
    assert.equal(d.cause, 'changed');
    assert.equal(d.failed, 'If-Match');
    assert.equal(d.sent, '"stale"');
    assert.match(d.current!, /^"[^"]+"$/);
    assert.match(d.advice, /captured by item \(GET on line 1\)/);
    const lines = explanationLines(412, d);
    assert.match(lines.join('\n'), /1\. If-Match: "stale" against current ETag "[^"]+" \(strong comparison\) → false/);
  });

  it('judges the 412\'s Date against the local time it arrived, not the time it is explained (issue 15)', async () => {
    const failed = await run('PUT {{base}}/items/1\nIf-Match: "stale"\nContent-Type: application/json\n\n{"name": "x"}');
    const realNow = Date.now;
    // Explained a minute later (a retry clicked after reading): the clocks did not drift apart meanwhile.
    const later = mock.method(Date, 'now', () => realNow() + 60_000);
    try {
      const d = await explainExchange(session, failed, limits);
      assert.ok(Math.abs(d.clockSkewSeconds!) <= 1, `clock skew ${d.clockSkewSeconds} s for a server on this machine`);
    } finally {
      later.mock.restore();
    }
  });

  it('If-None-Match: * on an existing item: "exists"', async () => {
    const failed = await run('PUT {{base}}/items/1\nIf-None-Match: *\nContent-Type: application/json\n\n{"name": "x"}');
    assert.equal(failed.response?.status, 412);
    const d = await explainExchange(session, failed, limits);
    assert.equal(d.cause, 'exists');
    assert.equal(d.failed, 'If-None-Match');
  });

  it('a 428 from the strict route: "precondition-required", naming the ETag to send', async () => {
    const failed = await run('PATCH {{base}}/strict/items/1\nContent-Type: application/json\n\n{"price": 2}');
    assert.equal(failed.response?.status, 428);
    const d = await explainExchange(session, failed, limits);
    assert.equal(d.cause, 'precondition-required');
    assert.match(d.advice, new RegExp(`Add If-Match with the current ETag \\(${d.current}\\)`));
  });

  it('a resource that cannot be re-read is explained, not thrown', async () => {
    const failed = await run('PUT {{base}}/items/1\nIf-Match: "stale"\n\n{}');
    const unreachable = { ...failed, request: { ...failed.request, url: 'http://127.0.0.1:9/items/1' } };
    const d = await explainExchange(session, unreachable, limits);
    assert.equal(d.cause, 'missing');
    assert.match(d.advice, /could not be re-read/);
  });
});
