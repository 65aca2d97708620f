/**
 * The overall deadline (issue #19, attack 4): `102 Processing` every 10 ms kept a request with `@timeout` alive
 * for minutes; a proxy that closes every CONNECT made the CLI open thousands of connections a second, past
 * the timeout and past Ctrl+C. The deadline covers the whole request, proxy attempts are bounded, SIGINT ends
 * the CLI. The bounds asserted here are generous: they catch "never ends", not slowness.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runAll, Session } from '../../../server/src/runner/executor';
import { source } from '../../runner/helpers';
import { cli, rawServer, tempFolder, type RawServer } from './helpers';
import type { ChildProcess } from 'node:child_process';

/** Sends SIGINT once `server` has seen a connection, i.e. while the request is in flight. */
function interruptWhenBusy(server: RawServer): (child: ChildProcess) => void {
  return (child) => {
    const poll = setInterval(() => {
      if (server.connections === 0) return;
      clearInterval(poll);
      setTimeout(() => child.kill('SIGINT'), 200);
    }, 20);
    child.on('close', () => clearInterval(poll));
  };
}

/** A server that answers every request with an endless run of `102 Processing`, one every 10 ms. */
function processingFlood() {
  return rawServer((socket) => {
    socket.once('data', () => {
      const timer = setInterval(() => socket.write('HTTP/1.1 102 Processing\r\n\r\n'), 10);
      socket.on('close', () => clearInterval(timer));
    });
  });
}

/** A proxy that accepts each connection and closes it at once. */
function slammingProxy() {
  return rawServer((socket) => socket.once('data', () => socket.destroy()));
}

describe('the overall deadline per request', () => {
  it('a flood of 102 Processing cannot outlast @timeout', { timeout: 30_000 }, async () => {
    const server = await processingFlood();
    const session = new Session();
    try {
      const [r] = await runAll(source(`# @timeout 1000\nGET http://127.0.0.1:${server.port}/slow\n`), session);
      assert.equal(r.error?.kind, 'timeout', `expected a timeout, got ${JSON.stringify(r.error ?? r.response?.status)}`);
    } finally {
      await session.close();
      await server.close();
    }
  });

  it('a proxy that closes every CONNECT gets a bounded number of attempts and a clear error', { timeout: 30_000 }, async () => {
    const proxy = await slammingProxy();
    const session = new Session({ env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`, HTTP_PROXY: `http://127.0.0.1:${proxy.port}` } });
    try {
      const [r] = await runAll(source('# @timeout 3000\nGET https://127.0.0.1:9/x\n'), session);
      assert.ok(r.error, 'the request should fail');
      assert.ok(proxy.connections <= 20, `${proxy.connections} connections to the proxy`);
    } finally {
      await session.close();
      await proxy.close();
    }
  });

  it('the CLI ends by itself with a clear error when a proxy closes every CONNECT', { timeout: 30_000 }, async () => {
    const proxy = await slammingProxy();
    const dir = tempFolder({ 'r.http': 'GET https://127.0.0.1:9/x\n' });
    try {
      const r = await cli(['run', path.join(dir, 'r.http')], { env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` }, killAfterMs: 8_000 });
      assert.equal(r.hung, false, `the CLI kept connecting (${proxy.connections} proxy connections)`);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /Could not connect to 127\.0\.0\.1:9 .*HTTP\(S\)_PROXY/);
      assert.ok(proxy.connections <= 20, `${proxy.connections} connections to the proxy`);
    } finally {
      await proxy.close();
    }
  });

  it('SIGINT ends the CLI promptly while a server floods 102 Processing', { timeout: 30_000 }, async () => {
    const server = await processingFlood();
    const dir = tempFolder({ 'r.http': `GET http://127.0.0.1:${server.port}/slow\n` });
    try {
      const r = await cli(['run', path.join(dir, 'r.http')], { killAfterMs: 8_000, started: interruptWhenBusy(server) });
      assert.equal(r.hung, false, 'the CLI ignored SIGINT');
      assert.ok(r.code === 1 || r.code === 130, `exit code ${r.code}`);
      assert.match(r.stderr, /cancelled/);
    } finally {
      await server.close();
    }
  });
});
