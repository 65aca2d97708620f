// `etag-guard probe --write` against the project's private nginx with dav_methods (test/servers/nginx-dav.sh),
// which writes whatever precondition a PUT carries: the probe reports it and the bytes stay as they were.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startNginxDav, type RealServer } from '../servers/real-servers';
import { document, probe, putFile } from './probe-harness';

describe('etag-guard probe against nginx dav_methods', () => {
  let nginx: RealServer;
  before(async () => {
    nginx = await startNginxDav();
  });
  after(async () => {
    await nginx?.stop();
  });

  it('with --write: if-match-mismatch-write fails, the content is verified and byte-identical, exit 1', async () => {
    const body = document('nginx');
    assert.equal(await putFile(`${nginx.url}/dav/doc.txt`, body), 201);
    const run = await probe(['--write', `${nginx.url}/dav/doc.txt`]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.deepEqual(fs.readFileSync(path.join(nginx.docroot, 'dav', 'doc.txt')), body, 'the probe changed the bytes');
    for (const id of ['if-match-mismatch-write', 'if-unmodified-since-past-write', 'if-none-match-star-existing']) {
      const check = run.check(id);
      assert.equal(check.status, 'fail', `${id}: ${check.summary}`);
      assert.match(check.summary, /gets 204: the server ignored the precondition and wrote; the content is byte-identical to before/);
      assert.match(check.evidence[1], /^GET \/dav\/doc\.txt → 200/, 'the content was not read back');
    }
    // nginx does evaluate preconditions on GET: the read-only checks cannot see the hole.
    assert.equal(run.check('if-match-get-mismatch').status, 'pass');
    assert.equal(run.check('if-match-current-write').status, 'pass');
    const stored = JSON.parse(fs.readFileSync(path.join(run.cwd, '.etag-guard', 'probes.json'), 'utf8'));
    assert.equal(stored.probes[0].facts.ifMatchOnWrite, 'ignored');
  });
});
