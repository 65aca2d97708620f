// `etag-guard run --env NAME` with REST Client's environments in `.vscode/settings.json` (JSON with comments and
// trailing commas, as VS Code writes it), `$shared` underneath, and http-client.env.json winning over them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type DemoServer } from '../../examples/server/demo-server';
import { runCli } from './cli';

describe('etag-guard run with rest-client.environmentVariables', () => {
  let demo: DemoServer;
  let dir: string;
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  before(async () => {
    demo = await startDemoServer({ port: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-cli-rest-client-'));
    write('.vscode/settings.json', [
      '{',
      '  // REST Client environments, as its users keep them',
      '  "editor.fontSize": 14,',
      '  "rest-client.environmentVariables": {',
      '    "$shared": { "id": "2" }, /* every environment */',
      `    "local": { "url": "${demo.url}" },`,
      '    "other": { "url": "http://127.0.0.1:9", "id": "3" },',
      '  },',
      '}',
    ].join('\n'));
    write('items.http', 'GET {{url}}/items/{{id}}');
  });
  after(async () => {
    await demo.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--env local reads url from the settings and id from $shared', async () => {
    const r = await runCli(['run', 'items.http', '--env', 'local', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const [result] = JSON.parse(r.stdout).results;
    assert.equal(result.url, `${demo.url}/items/2`);
    assert.equal(result.status, 200);
  });

  it('http-client.env.json next to the request wins over the settings', async () => {
    write('sub/http-client.env.json', JSON.stringify({ local: { id: '3' } }));
    write('sub/items.http', 'GET {{url}}/items/{{id}}');
    const r = await runCli(['run', 'sub/items.http', '--env', 'local', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).results[0].url, `${demo.url}/items/3`);
  });

  it('an unknown environment names the ones the settings define', async () => {
    const r = await runCli(['run', 'items.http', '--env', 'nope'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown environment 'nope' \(local, other\)/);
  });

  it('broken settings JSON is one clear line, exit 2', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-cli-rest-client-'));
    try {
      fs.mkdirSync(path.join(broken, '.vscode'));
      fs.writeFileSync(path.join(broken, '.vscode', 'settings.json'), '{ "rest-client.environmentVariables": { "local": }');
      fs.writeFileSync(path.join(broken, 'a.http'), 'GET http://127.0.0.1:9/');
      const r = await runCli(['run', 'a.http', '--env', 'local'], broken);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /settings\.json is not valid JSON with comments \(ValueExpected on line 1\)/);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});
