// A private Apache httpd with mod_dav (test/servers/apache-dav.sh) for the suite's "against Apache" tests,
// started by the launcher — not inside the extension host — on a free 127.0.0.1 port. The suite reads its URL
// from ETAG_E2E_APACHE_URL. It is stopped by stop(), and synchronously on process exit (Ctrl-C included), so a
// failing or interrupted run never leaves a daemon behind.
const { execFile, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { freePort } = require('./code-server');
const { ROOT } = require('./paths');

const SCRIPT = path.join(ROOT, 'test', 'servers', 'apache-dav.sh');
const READY_TIMEOUT_MS = 10_000;

/**
 * Starts Apache; resolves once it accepts connections. Rejects with apache-dav.sh's message (e.g. the apt line
 * when apache2 is missing) — the caller records that as a failure; nothing is skipped.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
async function startApache() {
  // Directly under the system temp dir: Apache's children run as www-data and must traverse to the docroot.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-e2e-apache-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), BASE: base };
  const stopAndRemove = () => {
    try {
      execFileSync('sh', [SCRIPT, 'stop'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  };
  const stopSync = () => { try { stopAndRemove(); } catch { /* exiting anyway: nothing left to report to */ } };
  // Ctrl-C before code-server.js has its own handler: exit, so the 'exit' handler stops Apache.
  const onSignal = (sig) => process.exit(sig === 'SIGINT' ? 130 : 143);
  const unhook = () => process.off('exit', stopSync).off('SIGINT', onSignal).off('SIGTERM', onSignal);
  try {
    await new Promise((resolve, reject) => execFile('sh', [SCRIPT, 'start'], { env },
      (err, _out, stderr) => (err ? reject(new Error(`${SCRIPT} start: ${stderr.trim() || err.message}`)) : resolve())));
    process.on('exit', stopSync).on('SIGINT', onSignal).on('SIGTERM', onSignal);
    await untilListening(port);
  } catch (err) {
    unhook();
    stopSync();
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      unhook();
      stopAndRemove();
    },
  };
}

/** The daemon detaches before it listens: try to connect until it accepts (bounded). */
async function untilListening(port) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const connected = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (connected) return;
    if (Date.now() > deadline) throw new Error(`Apache did not listen on 127.0.0.1:${port} within ${READY_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

module.exports = { startApache };
