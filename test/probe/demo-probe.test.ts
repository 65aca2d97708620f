// `etag-guard probe` against the bundled demo API: honest by default, and caught when started with the switch
// that makes it ignore preconditions on writes (`ignorePreconditions`, `--ignore-preconditions`). Also the
// CLI's refusals: no URL, an unreachable host, a resource that does not answer GET with 2xx.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type DemoServer } from '../../examples/server/demo-server';
import { freePort } from '../servers/real-servers';
import { probe } from './probe-harness';

describe('etag-guard probe against the demo API', () => {
  let honest: DemoServer;
  let careless: DemoServer;
  before(async () => {
    honest = await startDemoServer({ port: 0 });
    careless = await startDemoServer({ port: 0, ignorePreconditions: true });
  });
  after(async () => {
    await honest?.close();
    await careless?.close();
  });

  it('the demo API honours preconditions: every guard passes, the write response carries the ETag', async () => {
    const run = await probe(['--write', `${honest.url}/items/1`]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const id of ['if-match-mismatch-write', 'if-unmodified-since-past-write', 'if-none-match-star-existing', 'if-match-current-write', 'etag-on-write-response', 'weak-after-write']) {
      assert.equal(run.check(id).status, 'pass', `${id}: ${run.check(id).summary}`);
    }
    assert.equal(run.check('precondition-required').status, 'info');
  });

  it('/strict answers an unconditional PUT with 428: precondition-required passes', async () => {
    const run = await probe(['--write', `${honest.url}/strict/items/2`]);
    assert.equal(run.check('precondition-required').status, 'pass', run.check('precondition-required').summary);
  });

  it('started to ignore preconditions: the probe catches it, and the item is unchanged', async () => {
    const before = await (await fetch(`${careless.url}/items/1`)).text();
    const run = await probe(['--write', `${careless.url}/items/1`]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.check('if-match-mismatch-write').status, 'fail');
    assert.match(run.check('if-match-mismatch-write').summary, /gets 200: the server ignored the precondition and wrote; the content is byte-identical/);
    assert.equal(await (await fetch(`${careless.url}/items/1`)).text(), before);
    // Reads are still evaluated, as nginx does: only --write finds the hole.
    const readOnly = await probe([`${careless.url}/items/1`]);
    assert.equal(readOnly.code, 0, readOnly.stdout);
  });

  it('a write route that refuses PUT skips the write checks with why', async () => {
    const run = await probe(['--write', `${honest.url}/items`]);
    assert.equal(run.check('if-match-mismatch-write').status, 'skipped');
    assert.match(run.check('if-match-mismatch-write').summary, /^PUT is not allowed here \(405; Allow: GET, HEAD, POST\)\.$/);
    assert.match(run.check('precondition-required').summary, /^Not run: PUT is not allowed here/);
  });

  it('-H headers go out with every request, masked in the evidence; {{vars}} come from --env', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-probe-env-'));
    fs.writeFileSync(path.join(cwd, 'http-client.env.json'), JSON.stringify({ dev: { base: honest.url, token: 's3cr3t' } }));
    // The probe's own If-Match replaces the user's: a precondition in -H cannot spoil the checks.
    const run = await probe(['--env', 'dev', '-H', 'Authorization: Bearer {{token}}', '-H', 'If-Match: "mine"', '{{base}}/items/3'], cwd);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.result!.url, `${honest.url}/items/3`);
    assert.equal(run.check('if-none-match-get').status, 'pass');
    assert.ok(!run.stdout.includes('s3cr3t'));
    const unknown = await probe(['--env', 'prod', '{{base}}/items/3'], cwd);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown environment 'prod' \(dev\)/);
  });

  it('refuses what it cannot probe: exit 2 with one line', async () => {
    const missing = await probe([`${honest.url}/items/404`]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^etag-guard: GET http:\/\/127\.0\.0\.1:\d+\/items\/404 answered 404: the probe needs a resource that exists/);
    const closed = await probe([`http://127.0.0.1:${await freePort()}/x`]);
    assert.equal(closed.code, 2);
    assert.equal(closed.stderr.trim().split('\n').length, 1, closed.stderr);
    const noUrl = await probe([]);
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /probe takes exactly one URL/);
    const badHeader = await probe(['-H', 'no colon', `${honest.url}/items/1`]);
    assert.equal(badHeader.code, 2);
  });
});
