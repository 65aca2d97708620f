// `etag-guard run` end to end (the bundled dist/cli.js): JSON shape, selection, environments, exit codes,
// one-line failures and Ctrl+C.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type DemoServer } from '../../examples/server/demo-server';
import { freePort } from '../servers/real-servers';
import { runCli, startCli } from './cli';
import { startLocalServer } from './helpers';

describe('etag-guard run', () => {
  let demo: DemoServer;
  let dir: string;
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  before(async () => {
    demo = await startDemoServer({ port: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-cli-'));
    write('items.http', [
      '@base = {{url}}', '',
      '### read item', '# @name item', 'GET {{base}}/items/1', '',
      '### untitled', 'GET {{base}}/items/2', '',
      '###', 'GET {{base}}/items/404',
    ].join('\n'));
  });
  after(async () => {
    await demo.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the documented JSON and exits 1 when a response is ≥ 400', async () => {
    const r = await runCli(['run', 'items.http', '--var', `url=${demo.url}`, '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const { results } = JSON.parse(r.stdout);
    assert.deepEqual(results.map((x: { name: string | null; line: number; status: number }) => [x.name, x.line, x.status]),
      [['item', 5, 200], ['untitled', 8, 200], [null, 11, 404]]);
    const first = results[0];
    assert.deepEqual(Object.keys(first), ['name', 'line', 'method', 'url', 'status', 'headers', 'durationMs', 'attempts']);
    assert.equal(first.method, 'GET');
    assert.equal(first.url, `${demo.url}/items/1`);
    assert.match(first.headers.etag, /^"[0-9a-f]+"$/);
    assert.ok(Object.keys(first.headers).every((n) => n === n.toLowerCase()));
    assert.equal(typeof first.durationMs, 'number');
    assert.deepEqual(first.attempts, [{ status: 200, headers: first.headers }]);
  });

  it('runs one request by --name or --line and exits 0', async () => {
    const byName = JSON.parse((await runCli(['run', 'items.http', '--name', 'item', '--var', `url=${demo.url}`, '--format', 'json'], dir)).stdout);
    assert.deepEqual(byName.results.map((x: { line: number }) => x.line), [5]);
    const byLine = await runCli(['run', 'items.http', '--line', '7', '--var', `url=${demo.url}`, '--format', 'json'], dir);
    assert.equal(byLine.code, 0);
    assert.deepEqual(JSON.parse(byLine.stdout).results.map((x: { line: number }) => x.line), [8]);
  });

  it('reads environments ($shared, private file) and .env', async () => {
    write('http-client.env.json', JSON.stringify({ $shared: { id: '1' }, local: { url: 'http://127.0.0.1:9' } }));
    write('http-client.private.env.json', JSON.stringify({ local: { url: demo.url } }));
    write('.env', 'ITEM_ID=3\n');
    write('env.http', 'GET {{url}}/items/{{id}}\n###\nGET {{url}}/items/{{$dotenv ITEM_ID}}');
    const r = await runCli(['run', 'env.http', '--env', 'local', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).results.map((x: { url: string }) => x.url), [`${demo.url}/items/1`, `${demo.url}/items/3`]);
  });

  it('prints a readable response in pretty format', async () => {
    const r = await runCli(['run', 'items.http', '--name', 'item', '--var', `url=${demo.url}`], dir);
    assert.match(r.stdout, /^GET http:\/\/127\.0\.0\.1:\d+\/items\/1\n\nHTTP 200 OK\nETag: "[0-9a-f]+"/);
    assert.match(r.stdout, /"name": "Widget"/);
  });

  it('exits 2 with one line for usage errors', async () => {
    for (const args of [['run'], ['run', 'items.http', '--format', 'xml'], ['run', 'items.http', '--env', 'nope'], ['run', 'missing.http'], ['run', 'items.http', '--name', 'zzz']]) {
      const r = await runCli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^etag-guard: /);
    }
  });

  it('reports a refused connection in one line, without a stack', async () => {
    const port = await freePort();
    write('refused.http', `GET http://127.0.0.1:${port}/`);
    const r = await runCli(['run', 'refused.http', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), `etag-guard: Connection refused by 127.0.0.1:${port}: is the server running on that port?`);
    assert.equal(JSON.parse(r.stdout).results[0].status, null);
  });

  it('cancels cleanly on Ctrl+C', async () => {
    const hanging = await startLocalServer(() => undefined);
    try {
      write('hang.http', `GET ${hanging.url}/hang\n###\nGET ${hanging.url}/never`);
      const { child, done } = startCli(['run', 'hang.http', '--format', 'json'], dir);
      await hanging.arrival('/hang');
      child.kill('SIGINT');
      const r = await done;
      assert.equal(r.code, 1);
      assert.match(r.stderr, /cancelled/);
      assert.deepEqual(JSON.parse(r.stdout).results.map((x: { url: string }) => x.url), [`${hanging.url}/hang`]);
      assert.ok(!hanging.received.some((q) => q.url === '/never'));
    } finally {
      await hanging.close();
    }
  });
});
