// The runner's transport behaviour against scripted local servers: redirects, timeouts, cancel, refused
// connections, the response size cap, binary bodies, cookies and body files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exchangeText, formatBody, runAll, Session } from '../../server/src/runner/executor';
import { freePort } from '../servers/real-servers';
import { source, startLocalServer, type LocalServer } from './helpers';

describe('runner transport', () => {
  let session: Session;
  before(() => {
    session = new Session();
  });
  after(() => session.close());

  describe('redirects', () => {
    let other: LocalServer;
    let origin: LocalServer;
    before(async () => {
      other = await startLocalServer((_req, res) => res.end('elsewhere'));
      origin = await startLocalServer((req, res) => {
        if (req.url === '/same') return void res.writeHead(307, { Location: '/final' }).end();
        if (req.url === '/away') return void res.writeHead(302, { Location: `${other.url}/landing` }).end();
        if (req.url === '/see-other') return void res.writeHead(303, { Location: '/final' }).end();
        if (req.url === '/loop') return void res.writeHead(302, { Location: '/loop' }).end();
        res.end('final');
      });
    });
    after(async () => {
      await origin.close();
      await other.close();
    });
    const secrets = 'Authorization: Bearer abc\nCookie: a=1\nIf-Match: "x"\nX-Keep: yes';

    it('keeps credentials and preconditions on the same origin', async () => {
      const [r] = await runAll(source(`PUT ${origin.url}/same\n${secrets}\n\nbody`), session);
      assert.deepEqual(r.attempts.map((a) => a.status), [307, 200]);
      const last = origin.received.at(-1)!;
      assert.equal(last.method, 'PUT');
      assert.equal(last.headers['authorization'], 'Bearer abc');
      assert.equal(last.headers['if-match'], '"x"');
    });

    it('drops Authorization, Cookie and preconditions across origins', async () => {
      const [r] = await runAll(source(`GET ${origin.url}/away\n${secrets}`), session);
      assert.equal(r.response?.body.toString(), 'elsewhere');
      const hop = other.received.at(-1)!;
      assert.equal(hop.headers['authorization'], undefined);
      assert.equal(hop.headers['cookie'], undefined);
      assert.equal(hop.headers['if-match'], undefined);
      assert.equal(hop.headers['x-keep'], 'yes');
    });

    it('turns 303 into a GET without body', async () => {
      const [r] = await runAll(source(`POST ${origin.url}/see-other\nContent-Type: text/plain\n\nhello`), session);
      assert.equal(r.request.method, 'GET');
      assert.equal(r.request.body, undefined);
      assert.equal(origin.received.at(-1)!.headers['content-type'], undefined);
    });

    it('does not follow with @no-redirect', async () => {
      const [r] = await runAll(source(`# @no-redirect\nGET ${origin.url}/same`), session);
      assert.equal(r.response?.status, 307);
      assert.equal(r.attempts.length, 1);
    });

    it('stops a redirect loop at the limit', async () => {
      const [r] = await runAll(source(`GET ${origin.url}/loop`), session, { maxRedirects: 3 });
      assert.equal(r.error?.kind, 'redirects');
      assert.equal(r.attempts.length, 4);
    });
  });

  describe('failures and limits', () => {
    let server: LocalServer;
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    before(async () => {
      server = await startLocalServer((req, res) => {
        if (req.url === '/hang') return; // never answers
        if (req.url === '/stall') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).write('partial'); // never ends
        if (req.url === '/big') return void res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': big.length }).end(big);
        if (req.url === '/png') return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
        if (req.url === '/cookie') return void res.writeHead(200, { 'Set-Cookie': ['sid=s3cret; Path=/', 'gone=1; Max-Age=0'] }).end();
        res.end(`cookie=${req.headers.cookie ?? ''};body=${req.headers['content-length'] ?? 0}`);
      });
    });
    after(() => server.close());

    it('times out with @timeout and says what it was waiting for', async () => {
      const [r] = await runAll(source(`# @timeout 200\nGET ${server.url}/hang`), session);
      assert.equal(r.error?.kind, 'timeout');
      assert.match(r.error!.message, /within 200 ms \(waiting for the response headers\)/);
    });

    it('times out a body that stops arriving', async () => {
      const [r] = await runAll(source(`GET ${server.url}/stall`), session, { timeoutMs: 200 });
      assert.equal(r.error?.kind, 'timeout');
      assert.match(r.error!.message, /within 200 ms \(reading the body\)/);
    });

    it('cancels through an AbortSignal', async () => {
      const controller = new AbortController();
      const pending = runAll(source(`GET ${server.url}/hang\n###\nGET ${server.url}/`), session, { signal: controller.signal });
      await server.arrival('/hang');
      controller.abort();
      const results = await pending;
      assert.equal(results.length, 1, 'the second request is not sent after a cancel');
      assert.equal(results[0].error?.kind, 'cancelled');
    });

    it('reports a refused connection in one line', async () => {
      const port = await freePort();
      const [r] = await runAll(source(`GET http://127.0.0.1:${port}/`), session);
      assert.equal(r.error?.kind, 'refused');
      assert.equal(r.error!.message, `Connection refused by 127.0.0.1:${port}: is the server running on that port?`);
    });

    it('stops reading at the size cap and says so', async () => {
      const [r] = await runAll(source(`GET ${server.url}/big`), session, { maxResponseBytes: 1024 * 1024 });
      assert.equal(r.response?.truncated, true);
      assert.equal(r.response!.body.length, 1024 * 1024);
      assert.equal(r.response!.size, big.length);
      assert.match(formatBody(r.response!), /<truncated: showing the first 1\.0 MB of at least 3\.0 MB>$/);
    });

    it('describes binary bodies by type and size', async () => {
      const [r] = await runAll(source(`GET ${server.url}/png`), session);
      assert.deepEqual(r.response?.body, png);
      assert.equal(formatBody(r.response!), '<binary body: image/png, 12 B>');
      assert.match(exchangeText(r), /<binary body: image\/png, 12 B>/);
    });

    it('keeps cookies per session and honours Max-Age=0', async () => {
      const own = new Session();
      try {
        const results = await runAll(source(`GET ${server.url}/cookie\n###\nGET ${server.url}/echo`), own);
        assert.match(results[1].response!.body.toString(), /^cookie=sid=s3cret;/);
        const [fresh] = await runAll(source(`GET ${server.url}/echo`), session);
        assert.match(fresh.response!.body.toString(), /^cookie=;/);
        // A resend that already carries the jar's cookie (refresh-and-retry) does not get it twice.
        const [resent] = await runAll(source(`GET ${server.url}/echo\nCookie: sid=s3cret; own=1`), own);
        assert.match(resent.response!.body.toString(), /^cookie=sid=s3cret; own=1;body/);
      } finally {
        await own.close();
      }
    });

    it('sends < file bodies relative to the request file and refuses files outside the workspace', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-body-'));
      try {
        fs.mkdirSync(path.join(dir, 'ws'));
        fs.writeFileSync(path.join(dir, 'ws', 'payload.json'), '{"a":1}');
        fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
        const file = path.join(dir, 'ws', 'requests.http');
        const workspaceRoot = path.join(dir, 'ws');
        const [inside] = await runAll(source(`POST ${server.url}/echo\n\n< ./payload.json`, file), session, { workspaceRoot });
        assert.match(inside.response!.body.toString(), /body=7$/);
        const [outside] = await runAll(source(`POST ${server.url}/echo\n\n< ../secret.txt`, file), session, { workspaceRoot });
        assert.equal(outside.error?.kind, 'body-file');
        assert.match(outside.error!.message, /outside the workspace/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
