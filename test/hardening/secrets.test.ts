/**
 * Secrets and scripts (issue #9): handler and pre-request scripts in a request file are never executed, and
 * credentials never reach the run log, the history, the traces, the 412 report or the CLI's output.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exchangeText, maskValues, runAll, Session, withoutSecretValues, type Exchange } from '../../server/src/runner/executor';
import { RunStore } from '../../server/src/runner/report/run-store';
import { RunRecorder } from '../../server/src/runner/report/recorder';
import { historyEntry } from '../../server/src/runner/history/history-entry';
import { runLogLines } from '../../server/src/runner/history/run-log-lines';
import { traceOf } from '../../server/src/runner/trace/trace';
import { traceText } from '../../server/src/runner/trace/trace-text';
import { runCli } from '../runner/cli';
import { source, startLocalServer, type LocalServer } from '../runner/helpers';

/** Every secret the request and the response carry; none may appear in masked output. */
const SECRETS = ['SECRET-bearer', 'SECRET-cookie', 'SECRET-proxy', 'SECRET-apikey', 'SECRET-token', 'SECRET-query', 'SECRET-set-cookie', 'SECRET-session'];
const REQUEST = (base: string) => [
  `PUT ${base}/items/1?access_token=SECRET-query&page=2`,
  'Authorization: Bearer SECRET-bearer', 'Cookie: own=SECRET-cookie', 'Proxy-Authorization: Basic SECRET-proxy',
  'X-Api-Key: SECRET-apikey', 'X-Auth-Token: SECRET-token', 'If-Match: "v1"', 'Content-Type: application/json', '', '{"name": "n"}',
].join('\n');

function assertNoSecret(text: string, where: string): void {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} shows ${secret}:\n${text}`);
}

describe('secrets and scripts', () => {
  let server: LocalServer;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-secrets-'));
    server = await startLocalServer((_req, res) => res.writeHead(412, {
      ETag: '"v2"', 'Set-Cookie': 'sid=SECRET-set-cookie; Path=/; HttpOnly', 'X-Session-Id': 'SECRET-session',
    }).end());
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never runs handler or pre-request scripts, inline or from files, and still applies static captures', async () => {
    const marker = path.join(dir, 'pwned');
    const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); globalThis.etagGuardPwned = true;`;
    fs.writeFileSync(path.join(dir, 'handler.js'), payload);
    const text = [
      `< {% ${payload} %}`, `GET ${server.url}/items/1`, '', `> {% ${payload}`, 'client.global.set("etag", response.headers.valueOf("ETag")); %}',
      '', '###', `< ./handler.js`, `GET ${server.url}/items/2`, '', '> ./handler.js',
    ].join('\n');
    const session = new Session();
    try {
      const results = await runAll(source(text, path.join(dir, 'scripts.http')), session);
      assert.deepEqual(results.map((r) => r.response?.status), [412, 412]);
      assert.equal(session.globals.get('etag'), '"v2"', 'the static capture still works');
    } finally {
      await session.close();
    }
    assert.equal(fs.existsSync(marker), false, 'a script wrote a file');
    assert.equal((globalThis as { etagGuardPwned?: boolean }).etagGuardPwned, undefined, 'a script set a global');
  });

  describe('masking', () => {
    let exchange: Exchange;
    before(async () => {
      const session = new Session();
      try {
        [exchange] = await runAll(source(REQUEST(server.url)), session);
      } finally {
        await session.close();
      }
      assert.equal(exchange.response?.status, 412);
    });

    it('in the run log (output channel), keeping the auth scheme and cookie names', () => {
      const log = runLogLines(exchange).map((l) => l.text).join('\n');
      assertNoSecret(log, 'the run log');
      assert.match(log, /> Authorization: Bearer •••/);
      assert.match(log, /< set-cookie: sid=•••; Path=\/; HttpOnly/);
      assert.match(log, /access_token=•••&page=2/);
    });

    it('in the history entry and its trace', () => {
      assertNoSecret(JSON.stringify(historyEntry('file:///w/a.http', exchange)), 'the history');
    });

    it('in the trace text and the masked exchange text', () => {
      assertNoSecret(traceText(traceOf(exchange)), 'the trace');
      assertNoSecret(exchangeText(exchange, { mask: true, requestHeaders: true }), 'the masked exchange text');
    });

    it("in the response view's echo of the request, which shows the response as received", () => {
      const text = exchangeText(exchange, { maskSent: true, requestHeaders: true, requestBody: true });
      const sent = text.slice(0, text.indexOf('\nHTTP '));
      assert.match(sent, /> If-Match: "v1"/);
      assertNoSecret(sent, 'the request echo');
    });

    it('by value wherever the request carries a substituted secret (the editor\'s log, history and response view)', () => {
      const secret = 'SECRET-from-processEnv';
      const sent: Exchange = {
        ...exchange,
        request: { ...exchange.request, url: `${exchange.request.url}&x=${secret}`, headers: [['X-Custom', secret]], body: `{"k": "${secret}"}` },
        error: { kind: 'network', message: `could not reach ${secret}` },
      };
      const masked = withoutSecretValues(sent, new Set([secret]));
      for (const text of [exchangeText(masked, { requestHeaders: true, requestBody: true }), runLogLines(masked).map((l) => l.text).join('\n'), JSON.stringify(historyEntry('file:///w/a.http', masked))]) {
        assert.ok(!text.includes(secret), text);
      }
      assert.equal(sent.request.headers[0][1], secret, 'the exchange the 412 workflow resends is left as sent');
    });

    it("in the editor's exported report: the run store keeps the request as sent, and the secret values to mask", () => {
      const secret = 'SECRET-from-dotenv';
      const sent: Exchange = { ...exchange, request: { ...exchange.request, headers: [['X-Custom', secret]] } };
      const runs = new RunStore();
      runs.add('file:///w/a.http', sent, undefined, [secret]);
      const recorder = runs.recorder('file:///w/a.http');
      assert.equal(recorder.all()[0].request.headers[0][1], secret, 'Copy as cURL and Resend get the request as sent');
      const report = recorder.report({ file: 'a.http', generatedAt: 0, tool: 'test', platform: 'test' });
      assert.ok(report.includes(secret), 'the report is built from the request as sent');
      assert.ok(!maskValues(report, recorder.secrets).includes(secret), 'the export masks it');
    });

    it('in the 412 incident report', () => {
      const recorder = new RunRecorder();
      recorder.exchange(exchange);
      const report = recorder.report({ file: 'a.http', generatedAt: 0, tool: 'test', platform: 'test' });
      assert.match(report, /Failing request/);
      assertNoSecret(report, 'the report');
    });

    it('in the CLI output, pretty and with --trace', async () => {
      fs.writeFileSync(path.join(dir, 'secrets.http'), REQUEST(server.url));
      for (const args of [[], ['--trace']]) {
        const r = await runCli(['run', 'secrets.http', ...args], dir);
        assert.equal(r.code, 1);
        assert.match(r.stdout, /412/);
        assertNoSecret(r.stdout + r.stderr, `etag-guard run ${args.join(' ')}`);
      }
    });
  });
});
