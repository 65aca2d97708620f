/**
 * Taint (issue #19, attack 1): a server answering `ETag: {{$processEnv EG_SECRET}}` must get its own text
 * back, never the secret. Values from a response are data: no capture form re-expands them as templates, and
 * `run --refresh-and-retry --write` never writes a `{{` that came from a server into the file.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runAll, Session } from '../../../server/src/runner/executor';
import { source, startLocalServer, type LocalServer } from '../../runner/helpers';
import { cli, tempFolder } from './helpers';

const SECRET = 'eg-secret-4711';
const HOSTILE_ETAG = '{{$processEnv EG_SECRET}}';

describe('values from a response are data, never templates', () => {
  let server: LocalServer;
  const ifMatch: string[] = [];
  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.method === 'PUT') {
        ifMatch.push(String(req.headers['if-match']));
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { ETag: HOSTILE_ETAG, 'Content-Type': 'application/json' }).end(JSON.stringify({ etag: HOSTILE_ETAG }));
    });
  });
  after(() => server.close());

  const forms: [string, (url: string) => string][] = [
    ['REST Client header reference', (u) => `# @name get\nGET ${u}/item\n\n###\nPUT ${u}/item\nIf-Match: {{get.response.headers.ETag}}\n`],
    ['REST Client reference through a file variable', (u) => `@etag = {{get.response.headers.ETag}}\n\n# @name get\nGET ${u}/item\n\n###\nPUT ${u}/item\nIf-Match: {{etag}}\n`],
    ['REST Client body reference', (u) => `# @name get\nGET ${u}/item\n\n###\nPUT ${u}/item\nIf-Match: {{get.response.body.$.etag}}\n`],
    ['httpYac reference', (u) => `# @name get\nGET ${u}/item\n\n###\nPUT ${u}/item\nIf-Match: {{getResponse.headers.ETag}}\n`],
    ['JetBrains handler capture', (u) => `GET ${u}/item\n\n> {%\n  client.global.set("etag", response.headers.valueOf("ETag"));\n%}\n\n###\nPUT ${u}/item\nIf-Match: {{etag}}\n`],
    ['JetBrains jsonPath capture', (u) => `GET ${u}/item\n\n> {%\n  client.global.set("etag", jsonPath(response.body, "$.etag"));\n%}\n\n###\nPUT ${u}/item\nIf-Match: {{etag}}\n`],
  ];
  for (const [form, text] of forms) {
    it(`${form}: the server gets its own text back`, async () => {
      const session = new Session();
      try {
        ifMatch.length = 0;
        const results = await runAll(source(text(server.url)), session, { processEnv: { EG_SECRET: SECRET } });
        assert.deepEqual(results.map((r) => r.error?.message), [undefined, undefined]);
        assert.deepEqual(ifMatch, [HOSTILE_ETAG]);
      } finally {
        await session.close();
      }
    });
  }
});

describe('run --refresh-and-retry --write never writes a template from the server', () => {
  let server: LocalServer;
  const received: string[] = [];
  before(async () => {
    server = await startLocalServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push(`${req.method} ${req.headers['if-match'] ?? ''} ${body}`);
        if (req.method === 'PUT') {
          res.writeHead(req.headers['if-match'] === `"${HOSTILE_ETAG}"` ? 204 : 412).end();
          return;
        }
        res.writeHead(200, { ETag: `"${HOSTILE_ETAG}"`, 'Content-Type': 'application/json' }).end('{"a":0}');
      });
    });
  });
  after(() => server.close());

  it('refuses the edit, so the next run cannot send the secret', async () => {
    const dir = tempFolder({ 'r.http': `PUT ${server.url}/item\nIf-Match: "old"\nContent-Type: application/json\n\n{"a":1}\n` });
    const file = path.join(dir, 'r.http');
    const before = fs.readFileSync(file, 'utf8');
    const env = { EG_SECRET: SECRET };
    const first = await cli(['run', file, '--refresh-and-retry', '--write'], { cwd: dir, env });
    assert.equal(first.hung, false);
    const after = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(after, /\{\{\$processEnv/, 'the server text was written into the file');
    assert.equal(after, before);
    assert.match(first.stdout, /refused/i);
    await cli(['run', file], { cwd: dir, env });
    assert.ok(received.every((r) => !r.includes(SECRET)), `the secret reached the server: ${received.join(' | ')}`);
  });
});
