/**
 * Secrets in output (issue #19, attack 7): masked everywhere output is made, by header and parameter name
 * (extensible with --mask-name / etagGuard.runner.maskNames) and by value (whatever came from $processEnv,
 * $dotenv or a secret-named variable), and cross-origin redirects drop every credential-like header and refuse
 * to resend a body.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runAll, Session } from '../../../server/src/runner/executor';
import { source, startLocalServer, type LocalServer } from '../../runner/helpers';
import { cli, tempFolder } from './helpers';

const SECRET = 'hunter2-4711';

describe('masking everywhere output is made', () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/go') {
        res.writeHead(302, { Location: `/landing?access_token=${SECRET}&sig=${SECRET}` }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  after(() => server.close());

  async function pretty(text: string, args: string[] = [], files: Record<string, string> = {}) {
    const dir = tempFolder({ 'r.http': text, ...files });
    return cli(['run', path.join(dir, 'r.http'), ...args], { cwd: dir, env: { EG_TOKEN: SECRET } });
  }

  it('redirect lines mask ?access_token= and sig=', async () => {
    const r = await pretty(`GET ${server.url}/go\n`, ['--trace']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, new RegExp(SECRET));
  });

  it('an invalid-URL error does not print the substituted ?api_key=', async () => {
    const r = await pretty(`@key = ${SECRET}\nGET http://exa mple.test/x?api_key={{key}}\n`);
    assert.doesNotMatch(r.stdout + r.stderr, new RegExp(SECRET));
  });

  it('a bare Cookie value is masked', async () => {
    const r = await pretty(`GET ${server.url}/\nCookie: ${SECRET}\n`, ['--trace']);
    assert.doesNotMatch(r.stdout, new RegExp(SECRET));
  });

  it('$processEnv and $dotenv values are masked wherever they appear', async () => {
    const r = await pretty(`GET ${server.url}/items/{{$processEnv EG_TOKEN}}?q={{$dotenv DOT}}\nX-Custom: {{$dotenv DOT}}\n`, ['--trace'],
      { '.env': `DOT=${SECRET}-dot\n` });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, new RegExp(SECRET));
  });

  it('a secret-named variable is masked under a harmless name', async () => {
    const r = await pretty(`@password = ${SECRET}\nGET ${server.url}/\nX-Custom: {{password}}\n`, ['--trace']);
    assert.doesNotMatch(r.stdout, new RegExp(SECRET));
  });

  it('--mask-name adds header and parameter names to mask', async () => {
    const r = await pretty(`GET ${server.url}/?tenant=${SECRET}\nX-Tenant-Id: ${SECRET}\n`, ['--trace', '--mask-name', 'tenant', '--mask-name', 'x-tenant-id']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, new RegExp(SECRET));
  });

  it('the 412 report masks $processEnv values', async () => {
    const failing = await startLocalServer((req, res) => {
      res.writeHead(req.method === 'PUT' ? 412 : 200, { ETag: '"2"' }).end();
    });
    try {
      const dir = tempFolder({ 'r.http': `PUT ${failing.url}/items/{{$processEnv EG_TOKEN}}\nIf-Match: "1"\n` });
      const report = path.join(dir, 'report.md');
      await cli(['run', path.join(dir, 'r.http'), '--refresh-and-retry', '--report', report], { cwd: dir, env: { EG_TOKEN: SECRET } });
      assert.doesNotMatch(fs.readFileSync(report, 'utf8'), new RegExp(SECRET));
    } finally {
      await failing.close();
    }
  });
});

describe('cross-origin redirects', () => {
  let target: LocalServer;
  let origin: LocalServer;
  const arrived: { headers: Record<string, unknown>; body: string }[] = [];
  before(async () => {
    target = await startLocalServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        arrived.push({ headers: req.headers, body });
        res.end('landed');
      });
    });
    // Another origin: same host, another port.
    origin = await startLocalServer((req, res) => res.writeHead(Number(req.url!.slice(1)), { Location: `${target.url}/landing` }).end());
  });
  after(async () => {
    await origin.close();
    await target.close();
  });

  it('drop every credential-like header', async () => {
    arrived.length = 0;
    const session = new Session();
    try {
      await runAll(source(`GET ${origin.url}/302\nX-Api-Key: ${SECRET}\nX-Auth-Token: ${SECRET}\nX-Auth: ${SECRET}\nAuthorization: Bearer ${SECRET}\n`), session);
    } finally {
      await session.close();
    }
    assert.equal(arrived.length, 1);
    assert.doesNotMatch(JSON.stringify(arrived[0].headers), new RegExp(SECRET));
  });

  it('refuse to resend a body across origins on 307/308', async () => {
    for (const status of [307, 308]) {
      arrived.length = 0;
      const session = new Session();
      try {
        const [r] = await runAll(source(`POST ${origin.url}/${status}\nContent-Type: application/json\n\n{"card":"${SECRET}"}\n`), session);
        assert.equal(arrived.length, 0, `the body was resent on ${status}`);
        assert.equal(r.error?.kind, 'redirects');
        assert.match(r.error!.message, /another origin/);
      } finally {
        await session.close();
      }
    }
  });
});
