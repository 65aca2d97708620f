// `etag-guard run --refresh-and-retry [--write]` through the bundled CLI, against real Apache and the demo API.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runAll, Session } from '../../server/src/runner/executor';
import { startDemoServer, type DemoServer } from '../../examples/server/demo-server';
import { startApacheDav, type RealServer } from '../servers/real-servers';
import { runCli } from '../runner/cli';
import { source } from '../runner/helpers';

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-retry-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const STALE_SESSION = [
  '# @name read', 'GET {{base}}/dav/cli.txt', '',
  '###', 'PUT {{base}}/dav/cli.txt', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: text/plain', '', 'second', '',
  '###', 'PUT {{base}}/dav/cli.txt', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: text/plain', '', 'third', '',
].join('\n');

describe('etag-guard run --refresh-and-retry against Apache', () => {
  let apache: RealServer;
  before(async () => { apache = await startApacheDav(); });
  after(async () => { await apache.stop(); });

  async function settledFile(): Promise<void> {
    const session = new Session();
    try {
      await runAll(source('PUT {{base}}/dav/cli.txt\nContent-Type: text/plain\n\nfirst'), session, { overrides: { base: apache.url } });
      for (let i = 0; i < 50; i++) {
        const [head] = await runAll(source('HEAD {{base}}/dav/cli.txt'), session, { overrides: { base: apache.url } });
        if (String(head.response?.headers.etag).startsWith('"')) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('Apache kept a weak ETag for 5 s');
    } finally {
      await session.close();
    }
  }

  it('stale If-Match → 412 → refresh → 204: JSON attempts and diagnosis, and --write edits the file', async () => {
    await settledFile();
    const file = tempFile('session.http', STALE_SESSION);
    const result = await runCli(['run', file, '--var', `base=${apache.url}`, '--format', 'json', '--refresh-and-retry', '--write'], path.dirname(file));
    assert.equal(result.code, 0, result.stderr + result.stdout);
    const { results } = JSON.parse(result.stdout);
    const last = results.at(-1);
    assert.deepEqual(last.attempts.map((a: { status: number }) => a.status), [412, 204]);
    assert.equal(last.status, 204);
    assert.equal(last.diagnosis.failed, 'If-Match');
    assert.equal(last.diagnosis.cause, 'changed');
    assert.equal(last.diagnosis.sent, results[0].headers.etag);
    assert.notEqual(last.diagnosis.current, last.diagnosis.sent);
    assert.match(last.diagnosis.advice, /captured by read \(GET on line 2\)/);
    const written = fs.readFileSync(file, 'utf8');
    assert.match(written, /# @name resourceBefore3\nGET \{\{base\}\}\/dav\/cli.txt\n\n###\nPUT \{\{base\}\}\/dav\/cli.txt\nIf-Match: \{\{resourceBefore3.response.headers.ETag\}\}/);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('without --write the file is left as it was, and pretty output explains the 412', async () => {
    await settledFile();
    const file = tempFile('session.http', STALE_SESSION);
    const result = await runCli(['run', file, '--var', `base=${apache.url}`, '--refresh-and-retry'], path.dirname(file));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /412 explained: If-Match failed, cause changed/);
    assert.match(result.stdout, /1\. If-Match: .* \(strong comparison\) → false/);
    assert.match(result.stdout, /retried → 204/);
    assert.equal(fs.readFileSync(file, 'utf8'), STALE_SESSION);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});

describe('etag-guard run --refresh-and-retry against the demo API', () => {
  let demo: DemoServer;
  before(async () => { demo = await startDemoServer({ port: 0 }); });
  after(async () => { await demo.close(); });

  it('explains a create-only conflict and does not retry it (exit 1)', async () => {
    const file = tempFile('create.http', 'PUT {{base}}/items/1\nIf-None-Match: *\nContent-Type: application/json\n\n{"name": "dup"}\n');
    const result = await runCli(['run', file, '--var', `base=${demo.url}`, '--format', 'json', '--refresh-and-retry'], path.dirname(file));
    assert.equal(result.code, 1);
    const [r] = JSON.parse(result.stdout).results;
    assert.equal(r.diagnosis.cause, 'exists');
    assert.match(r.diagnosis.stopped, /create only/);
    assert.deepEqual(r.attempts.map((a: { status: number }) => a.status), [412]);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('rejects --write without --refresh-and-retry (exit 2, one line)', async () => {
    const result = await runCli(['run', 'x.http', '--write']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });
});
