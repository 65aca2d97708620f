// `etag-guard probe` against the project's private Apache httpd with mod_dav (test/servers/apache-dav.sh):
// Apache honours every precondition on PUT; /davgz/ (mod_deflate) gives the gzip representation an ETag that
// If-Match rejects; a read-only probe sends no write. File contents and mtimes are read from Apache's docroot.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WRITE_CHECK_IDS } from '../../server/src/engine/probe/types';
import { startApacheDav, type RealServer } from '../servers/real-servers';
import { runCli } from '../runner/cli';
import { document, probe, putFile } from './probe-harness';

describe('etag-guard probe against Apache mod_dav', () => {
  let apache: RealServer;
  before(async () => {
    apache = await startApacheDav();
  });
  after(async () => {
    await apache?.stop();
  });
  const onDisk = (folder: string) => path.join(apache.docroot, folder, 'doc.txt');

  it('without --write sends no write: the file\'s mtime and bytes are unchanged, every write check is skipped', async () => {
    const body = document('read-only');
    assert.equal(await putFile(`${apache.url}/dav/doc.txt`, body), 201);
    const before = fs.statSync(onDisk('dav')).mtimeMs;
    const run = await probe([`${apache.url}/dav/doc.txt`]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(fs.statSync(onDisk('dav')).mtimeMs, before, 'a read-only probe changed the file');
    assert.deepEqual(fs.readFileSync(onDisk('dav')), body);
    assert.equal(run.result!.wrote, false);
    const writes = run.result!.checks.filter((c) => (WRITE_CHECK_IDS as readonly string[]).includes(c.id));
    assert.equal(writes.length, 7);
    for (const c of writes) assert.equal(c.status, 'skipped', `${c.id}: ${c.summary}`);
    assert.equal(run.check('if-match-get-mismatch').status, 'pass');
    assert.equal(run.check('if-none-match-get').status, 'pass');
    assert.equal(run.check('etag-present').status, 'pass');
    // Just written: Apache's weak window, waited out before judging strength.
    assert.equal(run.check('etag-strong').status, 'pass', run.check('etag-strong').summary);
  });

  it('with --write: if-match-mismatch-write passes (412) and the content is byte-identical afterwards', async () => {
    const body = document('write');
    await putFile(`${apache.url}/dav/doc.txt`, body);
    const run = await probe(['--write', `${apache.url}/dav/doc.txt`]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(fs.readFileSync(onDisk('dav')), body, 'the probe changed the bytes');
    const statuses = Object.fromEntries(run.result!.checks.map((c) => [c.id, c.status]));
    assert.deepEqual({
      mismatch: statuses['if-match-mismatch-write'], past: statuses['if-unmodified-since-past-write'],
      star: statuses['if-none-match-star-existing'], current: statuses['if-match-current-write'],
      etagOnWrite: statuses['etag-on-write-response'], weak: statuses['weak-after-write'], required: statuses['precondition-required'],
    }, { mismatch: 'pass', past: 'pass', star: 'pass', current: 'pass', etagOnWrite: 'info', weak: 'warn', required: 'info' });
    assert.match(run.check('if-match-mismatch-write').evidence[0], /^PUT \/dav\/doc\.txt with If-Match: "etag-guard-probe-[0-9a-f]{8}", \d+ bytes → 412/);
    assert.match(run.check('weak-after-write').summary, /weak \(W\/"[^"]+"\) for about \d+ ms, then strong/);
    assert.match(run.check('if-match-current-write').summary, /byte-identical/);
  });

  it('stores the result as evidence in .etag-guard/probes.json of the folder it ran in', async () => {
    await putFile(`${apache.url}/dav/doc.txt`, document('store'));
    const run = await probe([`${apache.url}/dav/doc.txt`]);
    const stored = JSON.parse(fs.readFileSync(path.join(run.cwd, '.etag-guard', 'probes.json'), 'utf8'));
    assert.equal(stored.version, 1);
    assert.equal(stored.probes.length, 1);
    const [entry] = stored.probes;
    assert.deepEqual([entry.origin, entry.path], [apache.url, '/dav/doc.txt']);
    assert.deepEqual(entry.facts, { versioned: true, etag: 'strong', ifMatchOnWrite: 'unknown', gzipEtagRejected: false });
    assert.deepEqual(entry.result, run.result);
    assert.match(run.stderr, /probe result stored in .*probes\.json/);
  });

  it('run --report in the same folder appends the stored probe to the 412 incident report', async () => {
    await putFile(`${apache.url}/dav/doc.txt`, document('report'));
    const run = await probe(['--write', `${apache.url}/dav/doc.txt`]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    fs.writeFileSync(path.join(run.cwd, 'stale.http'), [
      'PUT {{base}}/dav/doc.txt', 'If-Match: "a-tag-that-was-current-once"', 'Content-Type: text/plain', '', 'mine', '',
    ].join('\n'));
    const report = await runCli(['run', 'stale.http', '--var', `base=${apache.url}`, '--refresh-and-retry', '--report', 'report.md'], run.cwd);
    assert.match(report.stderr, /412 report written/, report.stdout + report.stderr);
    const markdown = fs.readFileSync(path.join(run.cwd, 'report.md'), 'utf8');
    const appendix = markdown.slice(markdown.indexOf('\n## Appendix: server precondition support\n'));
    assert.ok(appendix.includes(`\n### Server precondition support — ${apache.url}/dav/doc.txt\n`), markdown);
    assert.ok(appendix.includes('| `if-match-mismatch-write` | ✅ pass |'), appendix);
  });

  it('a mod_deflate location: encoding-changes-etag fails (the -gzip ETag gets 412 in If-Match), exit 1', async () => {
    await putFile(`${apache.url}/davgz/doc.txt`, document('gzip'));
    const run = await probe([`${apache.url}/davgz/doc.txt`]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const check = run.check('encoding-changes-etag');
    assert.equal(check.status, 'fail', check.summary);
    assert.match(check.summary, /gzip the ETag is "[^"]+-gzip"/);
    assert.match(check.evidence.at(-1)!, /If-Match: "[^"]+-gzip" → 412/);
    assert.equal(run.check('vary-accept-encoding').status, 'pass');
  });

  it('the pretty report card names each check with its status and tallies them', async () => {
    await putFile(`${apache.url}/davgz/doc.txt`, document('pretty'));
    const run = await probe(['--format', 'pretty', `${apache.url}/davgz/doc.txt`]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^etag-guard probe http:\/\/127\.0\.0\.1:\d+\/davgz\/doc\.txt \(read-only, /);
    assert.match(run.stdout, /^ {2}FAIL {4}encoding-changes-etag +With Accept-Encoding: gzip/m);
    assert.match(run.stdout, /^ {2}SKIPPED if-match-mismatch-write +Read-only run: pass --write/m);
    assert.match(run.stdout, /^\d+ pass, 1 fail, \d+ warn, \d+ info, 7 skipped$/m);
  });
});
