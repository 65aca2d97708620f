// Starts and stops code-server (VS Code 1.139.1 server + web build) on 127.0.0.1 in its own process group,
// with every piece of state (user data, extensions, config, XDG folders) private to one temp dir.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { NODE24, NODE24_DIR, CODE_SERVER } = require('./paths');

/** A free TCP port on 127.0.0.1 (asks the kernel, then releases it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Private state folders under `dir`, plus the env and flags that point code-server at them. */
function privateState(dir, settings) {
  const d = (...p) => { const f = path.join(dir, ...p); fs.mkdirSync(f, { recursive: true }); return f; };
  if (settings) fs.writeFileSync(path.join(d('user-data', 'User'), 'settings.json'), JSON.stringify(settings, null, 2));
  fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, '');
  const env = {
    ...process.env,
    PATH: `${path.join(NODE24_DIR, 'bin')}${path.delimiter}${process.env.PATH}`,
    HOME: d('home'),
    XDG_CONFIG_HOME: d('xdg', 'config'),
    XDG_DATA_HOME: d('xdg', 'data'),
    XDG_CACHE_HOME: d('xdg', 'cache'),
    XDG_STATE_HOME: d('xdg', 'state'),
  };
  delete env.VSCODE_IPC_HOOK_CLI; // never talk to an outer VS Code
  const args = ['--config', config, '--user-data-dir', d('user-data'), '--extensions-dir', d('extensions')];
  return { env, args };
}

/** `code-server --install-extension <vsix>` into the private extensions dir. */
function installExtension(dir, vsix) {
  const { env, args } = privateState(dir);
  const r = spawnSync(NODE24, [CODE_SERVER, ...args, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Starts code-server and resolves once /healthz answers.
 * @param {string} dir temp dir for private state
 * @param {{ extraEnv?: Record<string,string>, trust?: boolean, settings?: object }} [opts]
 * @returns {Promise<{ url: string, authority: string, stop: () => Promise<void>, logFile: string }>}
 */
async function start(dir, opts = {}) {
  const { env, args } = privateState(dir, opts.settings);
  const port = await freePort();
  const logFile = path.join(dir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const flags = [...args, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-getting-started-override', '--vscode-option', 'enable-smoke-test-driver'];
  if (opts.trust !== false) flags.push('--disable-workspace-trust');
  // detached => setsid(): code-server, its file watcher and extension hosts share a new process group.
  const child = spawn(NODE24, [CODE_SERVER, ...flags], {
    env: { ...env, ...opts.extraEnv }, detached: true, stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, sig) => { exited = { code, sig }; });
  const killGroup = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
  const onExit = () => killGroup('SIGKILL');
  const onSignal = (sig) => { killGroup('SIGKILL'); process.exit(sig === 'SIGINT' ? 130 : 143); };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  const stop = async () => {
    killGroup('SIGTERM');
    for (let i = 0; i < 50 && groupAlive(child.pid); i++) await delay(100);
    killGroup('SIGKILL');
    process.off('exit', onExit).off('SIGINT', onSignal).off('SIGTERM', onSignal);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  while (!(await healthy(url))) {
    if (exited || Date.now() > deadline) {
      await stop();
      const log = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`code-server did not start on ${url} (${exited ? `exited ${JSON.stringify(exited)}` : 'timeout'}):\n${log}`);
    }
    await delay(100);
  }
  return { url, authority: `127.0.0.1:${port}`, stop, logFile, pid: child.pid };
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
function healthy(url) {
  return fetch(`${url}/healthz`).then((r) => r.ok, () => false);
}

module.exports = { start, installExtension, freePort };
