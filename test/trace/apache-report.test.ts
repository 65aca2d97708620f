// Trace, Copy as cURL and the 412 incident report against real Apache: the CLI's --trace and --report, and a
// generated curl command run by the real curl binary (through bash, so the quoting is tested too).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runAll, Session } from '../../server/src/runner/executor';
import { toCurl } from '../../server/src/runner/curl/to-curl';
import { source } from '../runner/helpers';
import { runCli } from '../runner/cli';
import { startApacheDav, type RealServer } from '../servers/real-servers';

const SESSION = [
  '# @name read', 'GET {{base}}/dav/report.txt', 'Authorization: Bearer sekret-token-123', '',
  '### someone else writes', 'PUT {{base}}/dav/report.txt', 'Content-Type: text/plain', '', 'changed by a colleague', '',
  '### my write with the stale ETag', 'PUT {{base}}/dav/report.txt', 'If-Match: {{read.response.headers.ETag}}',
  'Authorization: Bearer sekret-token-123', 'Content-Type: text/plain', '', 'mine', '',
].join('\n');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-trace-'));
}

/** Apache serves a weak ETag for about a second after a write; tests start from a strong one. */
async function settle(apache: RealServer, file: string): Promise<void> {
  const session = new Session();
  try {
    await runAll(source(`PUT {{base}}/dav/${file}\nContent-Type: text/plain\n\nfirst`), session, { overrides: { base: apache.url } });
    for (let i = 0; i < 50; i++) {
      const [head] = await runAll(source(`HEAD {{base}}/dav/${file}`), session, { overrides: { base: apache.url } });
      if (String(head.response?.headers.etag).startsWith('"')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('Apache kept a weak ETag for 5 s');
  } finally {
    await session.close();
  }
}

describe('traces and the 412 incident report against Apache', () => {
  let apache: RealServer;
  before(async () => { apache = await startApacheDav(); });
  after(async () => { await apache.stop(); });

  it('run --refresh-and-retry --report writes the whole timeline, masked, with clocks, diagnosis and traces', async () => {
    await settle(apache, 'report.txt');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'session.http'), SESSION);
    const result = await runCli(['run', 'session.http', '--var', `base=${apache.url}`, '--refresh-and-retry', '--report', 'report.md'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /412 report written to .*report\.md \(1 incident\(s\)\)/);
    const report = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    const port = new URL(apache.url).port;
    assert.match(report, /^# 412 incident report — session\.http\n/);
    assert.match(report, new RegExp(`## PUT ${apache.url}/dav/report\\.txt → 412`));
    for (const section of ['### Summary', '### Timeline', '### Clocks', '### Diagnosis', '### Advice', '### Traces']) assert.ok(report.includes(`\n${section}\n`), section);
    const rows = report.split('\n').filter((l) => /^\| \d \|/.test(l));
    const capturedEtag = rows[0].split(' | ')[5].replace(/ \|$/, '');
    assert.match(capturedEtag, /^"[^"]+"$/);
    assert.deepEqual(rows.map((r) => r.split(' | ')[3]), [
      `Validator captured: read: GET ${apache.url}/dav/report.txt (line 2)`,
      `Write since: someone else writes: PUT ${apache.url}/dav/report.txt (line 6)`,
      `Failing request: my write with the stale ETag: PUT ${apache.url}/dav/report.txt (line 12) with If-Match: ${capturedEtag}`,
      'Re-read without preconditions (Cache-Control: no-cache)',
      'Retry with the refreshed precondition',
    ]);
    assert.deepEqual(rows.map((r) => r.split(' | ')[4]), ['200', '204', '412', '200', '204']);
    // Every row has the local clock and Apache's Date.
    for (const row of rows) assert.match(row, /^\| \d \| \d{4}-\d\d-\d\dT[\d:.]+Z \| \w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT \|/);
    assert.match(report, /- cause: changed/);
    assert.match(report, /- re-read bypassed caches \(Cache-Control: no-cache\): yes/);
    assert.match(report, /The re-read sent Cache-Control: no-cache/);
    assert.match(report, /Server and local clocks agree within \d s|differs from the local one/);
    assert.match(report, new RegExp(`\\* Connected to 127\\.0\\.0\\.1 \\(127\\.0\\.0\\.1\\) port ${port} IPv4`));
    assert.match(report, /> PUT \/dav\/report\.txt HTTP\/1\.1\n> host: 127\.0\.0\.1:\d+\n/);
    assert.match(report, /> Authorization: Bearer •••/);
    assert.match(report, /> Cache-Control: no-cache/);
    assert.doesNotMatch(report, /sekret-token-123/);
    fs.rmSync(dir, { recursive: true });
  });

  it('run --trace --format json gives each result its trace: remote address, HTTP version, client headers, masked', async () => {
    await settle(apache, 'report.txt');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'session.http'), SESSION);
    const result = await runCli(['run', 'session.http', '--var', `base=${apache.url}`, '--trace', '--format', 'json', '--line', '1'], dir);
    assert.equal(result.code, 0, result.stderr);
    const [{ trace }] = JSON.parse(result.stdout).results;
    assert.equal(trace.connection.remoteAddress, '127.0.0.1');
    assert.equal(trace.connection.remotePort, Number(new URL(apache.url).port));
    assert.equal(trace.request.httpVersion, 'HTTP/1.1');
    assert.deepEqual(trace.request.headers.slice(0, 2), [['host', new URL(apache.url).host], ['connection', 'keep-alive']]);
    assert.ok(trace.request.headers.some(([n, v]: [string, string]) => n === 'Authorization' && v === 'Bearer •••'));
    assert.equal(trace.response.status, 200);
    assert.ok(trace.response.headers.etag);
    fs.rmSync(dir, { recursive: true });
  });

  it('the generated curl command reproduces the 412 with the real curl binary', async () => {
    await settle(apache, 'curl.txt');
    const session = new Session();
    try {
      const [read] = await runAll(source(`GET {{base}}/dav/curl.txt`), session, { overrides: { base: apache.url } });
      await runAll(source(`PUT {{base}}/dav/curl.txt\nContent-Type: text/plain\n\nsomeone else's`), session, { overrides: { base: apache.url } });
      const [failing] = await runAll(source(`PUT {{base}}/dav/curl.txt\nIf-Match: ${read.response!.headers.etag}\nContent-Type: text/plain\n\nit's "mine"\nline 2`),
        session, { overrides: { base: apache.url } });
      assert.equal(failing.response?.status, 412);
      const command = toCurl(failing.request);
      const status = await new Promise<string>((resolve, reject) => execFile('bash', ['-c', `${command} -s -o /dev/null -w '%{http_code}'`],
        (err, stdout) => (err ? reject(err) : resolve(stdout))));
      assert.equal(status, '412');
    } finally {
      await session.close();
    }
  });
});
