/**
 * Starts the project's private Apache (mod_dav) and nginx (dav_methods) for one test file: a free port on
 * 127.0.0.1, a private temp directory, and a stop on process exit so a failing test never leaves a server
 * behind. A missing binary is an error with the apt line to fix it — these tests fail, they never skip.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface RealServer {
  /** `http://127.0.0.1:PORT` (no trailing slash); DAV folders are /dav/ (and /davgz/ on Apache). */
  url: string;
  /** Where the served files live on disk (`<docroot>/dav/...`). */
  docroot: string;
  stop(): Promise<void>;
}

type Kind = 'apache' | 'nginx';

const SCRIPTS: Record<Kind, { script: string; docroot: string; install: string }> = {
  apache: { script: 'apache-dav.sh', docroot: 'www', install: 'apt-get install -y apache2' },
  nginx: { script: 'nginx-dav.sh', docroot: 'nginx-www', install: 'apt-get install -y nginx-light' },
};
const READY_TIMEOUT_MS = 10_000;

/** Starts Apache httpd with mod_dav. */
export function startApacheDav(): Promise<RealServer> {
  return startServer('apache');
}

/** Starts nginx with the DAV module. */
export function startNginxDav(): Promise<RealServer> {
  return startServer('nginx');
}

async function startServer(kind: Kind): Promise<RealServer> {
  const { script, docroot, install } = SCRIPTS[kind];
  const scriptPath = path.join(projectRoot(), 'test', 'servers', script);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `etag-guard-${kind}-`));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), BASE: base };
  const stopSync = () => {
    try {
      execFileSync('sh', [scriptPath, 'stop'], { env, stdio: 'ignore' });
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  };
  try {
    await run(scriptPath, 'start', env);
  } catch (err) {
    fs.rmSync(base, { recursive: true, force: true });
    const message = (err as Error).message;
    throw new Error(`Could not start ${kind} for the integration tests: ${message}` +
      (/not installed/.test(message) ? '' : ` (install it with: ${install})`));
  }
  process.once('exit', stopSync);
  await waitUntilListening(port);
  return {
    url: `http://127.0.0.1:${port}`,
    docroot: path.join(base, docroot),
    async stop() {
      process.off('exit', stopSync);
      await run(scriptPath, 'stop', env);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

function run(script: string, command: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('sh', [script, command], { env }, (err, _stdout, stderr) => {
      if (err) reject(new Error(stderr.trim() || err.message));
      else resolve();
    });
  });
}

/** Resolves once the port accepts connections; the daemons detach before they listen. */
async function waitUntilListening(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (connected) return;
    if (Date.now() > deadline) throw new Error(`Server on port ${port} did not start listening within ${READY_TIMEOUT_MS} ms.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The repository root (the folder with this project's package.json), from source or from out/. */
export function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'etag-guard') return dir;
    if (path.dirname(dir) === dir) throw new Error('etag-guard package.json not found above ' + __dirname);
  }
}
