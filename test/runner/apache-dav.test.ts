// The runner against a real Apache httpd with mod_dav (test/servers/apache-dav.sh): precondition round trips
// through the engine API, and the done-when session through the CLI.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { startApacheDav } from '../servers/real-servers';
import { runCli } from './cli';
import { useRealServer } from './real-server-session';

const STRONG_TIMEOUT_MS = 5000;

describe('runner against Apache mod_dav', () => {
  const { server, run } = useRealServer(startApacheDav);
  const statuses = async (text: string) => (await run(text)).map((r) => r.response?.status ?? r.error?.message);

  /**
   * Apache serves a weak ETag for about a second after a write (and If-Match never matches it). Poll HEAD,
   * bounded, until the strong form appears, so the test reads what a user reading a settled file reads.
   */
  async function strongEtag(file: string): Promise<string> {
    const deadline = Date.now() + STRONG_TIMEOUT_MS;
    for (;;) {
      const [head] = await run(`HEAD {{base}}/dav/${file}`);
      const etag = String(head.response?.headers.etag ?? '');
      if (etag.startsWith('"')) return etag;
      if (Date.now() > deadline) throw new Error(`Apache still serves the weak ETag ${etag} for ${file} after ${STRONG_TIMEOUT_MS} ms.`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('creates with If-None-Match: * (201), then refuses the second create (412)', async () => {
    const create = 'PUT {{base}}/dav/created.txt\nIf-None-Match: *\nContent-Type: text/plain\n\nfirst';
    assert.deepEqual(await statuses(create), [201]);
    assert.deepEqual(await statuses(create), [412]);
  });

  it('updates with the current ETag (204), refuses the stale one (412), deletes (204)', async () => {
    await run('PUT {{base}}/dav/update.txt\nContent-Type: text/plain\n\nv1');
    const etag = await strongEtag('update.txt');
    const put = (tag: string, body: string) => `PUT {{base}}/dav/update.txt\nIf-Match: ${tag}\nContent-Type: text/plain\n\n${body}`;
    assert.deepEqual(await statuses(put(etag, 'v2')), [204]);
    assert.deepEqual(await statuses(put(etag, 'v3 from a stale read')), [412]);
    assert.equal(fs.readFileSync(path.join(server().docroot, 'dav', 'update.txt'), 'utf8'), 'v2');
    const current = await strongEtag('update.txt');
    assert.deepEqual(await statuses(`DELETE {{base}}/dav/update.txt\nIf-Match: ${current}`), [204]);
    assert.deepEqual(await statuses('GET {{base}}/dav/update.txt'), [404]);
  });

  it('answers a write with no ETag, so the next write must re-read (as the README measured)', async () => {
    const [write] = await run('PUT {{base}}/dav/noetag.txt\nContent-Type: text/plain\n\nx');
    assert.equal(write.response?.status, 201);
    assert.equal(write.response?.headers.etag, undefined);
  });

  it('done-when session from the CLI: GET → PUT (If-Match from the GET) → PUT reusing that ETag = 200 / 204 / 412', async () => {
    await run('PUT {{base}}/dav/session.txt\nContent-Type: text/plain\n\nfirst version');
    await strongEtag('session.txt');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-session-'));
    try {
      const file = path.join(dir, 'session.http');
      fs.writeFileSync(file, [
        '# @name read', 'GET {{base}}/dav/session.txt', '',
        '###', '# @name update', 'PUT {{base}}/dav/session.txt', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: text/plain', '', 'second version', '',
        '###', '# @name stale', 'PUT {{base}}/dav/session.txt', 'If-Match: {{read.response.headers.ETag}}', 'Content-Type: text/plain', '', 'a lost update', '',
      ].join('\n'));
      const result = await runCli(['run', file, '--var', `base=${server().url}`, '--format', 'json'], dir);
      const { results } = JSON.parse(result.stdout);
      assert.deepEqual(results.map((r: { name: string; status: number }) => [r.name, r.status]), [['read', 200], ['update', 204], ['stale', 412]]);
      assert.match(results[0].headers.etag, /^"[0-9a-f]+-[0-9a-f]+"$/);
      assert.equal(result.code, 1, 'a 412 makes the run fail');
      assert.equal(fs.readFileSync(path.join(server().docroot, 'dav', 'session.txt'), 'utf8'), 'second version');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
