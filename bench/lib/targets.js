/**
 * The servers the runner comparison talks to, all on 127.0.0.1: the project's private Apache httpd (mod_dav,
 * test/servers/apache-dav.sh) when apache2 is installed, and the demo API (dist/demo-server.js).
 */
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./engine');

const READY_TIMEOUT_MS = 10000;

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port (polls every 50 ms, up to 10 s). */
async function waitUntilListening(port) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      }).once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listening on 127.0.0.1:${port} after ${READY_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts the private Apache with ten small documents under /dav/; `pathOf(i)` names the one GET i reads.
 * Returns undefined (with the reason) when apache2 is not installed.
 */
async function startApache() {
  const script = path.join(ROOT, 'test', 'servers', 'apache-dav.sh');
  if (!fs.existsSync(script)) return { skipped: 'test/servers/apache-dav.sh is missing' };
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-bench-apache-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), BASE: base };
  try {
    execFileSync('sh', [script, 'start'], { env, stdio: 'pipe', timeout: READY_TIMEOUT_MS });
  } catch (err) {
    fs.rmSync(base, { recursive: true, force: true });
    return { skipped: `Apache did not start: ${String(err.stderr || err.message).trim().split('\n')[0]}` };
  }
  const stop = () => {
    execFileSync('sh', [script, 'stop'], { env, stdio: 'ignore', timeout: READY_TIMEOUT_MS });
    fs.rmSync(base, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(base, 'www', 'dav', `item-${i}.json`), JSON.stringify({ id: i, title: `Item ${i}` }));
  await waitUntilListening(port);
  return {
    name: 'Apache httpd (mod_dav)',
    url: `http://127.0.0.1:${port}`,
    pathOf: (i) => `/dav/item-${i % 10}.json`,
    stop: () => {
      process.off('exit', stop);
      stop();
    },
  };
}

/** Starts the demo API on a free port; GET i reads one of its three seeded items. */
async function startDemoApi() {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'demo-server.js'), '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('demo API printed no URL within 10 s')), READY_TIMEOUT_MS);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code) => reject(new Error(`demo API exited with ${code}`)));
  });
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  return {
    name: 'demo API (node:http)',
    url,
    pathOf: (i) => `/items/${(i % 3) + 1}`,
    stop: () => {
      process.off('exit', kill);
      kill();
    },
  };
}

module.exports = { startApache, startDemoApi };
