/**
 * Helpers for the hostile-input tests (issue #19): temporary folders with crafted files, raw TCP servers on
 * 127.0.0.1 that misbehave below HTTP, and the bundled CLI run as a child process that is killed (and the test
 * failed) when it hangs, so a hang shows up as a failure instead of a stalled suite.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliPath } from '../../runner/cli';

const made: string[] = [];
// The folders go when the test file's process ends: FIFOs left in the temporary folder would hang any later
// tool that reads it (this suite's own `lint` of a file in /tmp, another project's tests).
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder with `files` written into it (paths relative to it, parents created), removed at exit. */
export function tempFolder(files: Record<string, string> = {}, prefix = 'etag-guard-hostile-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Makes a FIFO at `file` (nobody ever writes to it: opening it for reading blocks forever). */
export function makeFifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  if (r.status !== 0) throw new Error(`mkfifo ${file} failed: ${r.stderr}`);
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the child had to be killed after `killAfterMs`. */
  hung: boolean;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  killAfterMs?: number;
  /** Called once the child is running (to send it signals). */
  started?: (child: ChildProcess) => void;
}

/** Runs `node dist/cli.js ARGS`; a child still running after `killAfterMs` is killed and reported as hung. */
export function cli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [cliPath(), ...args], {
    cwd: options.cwd ?? os.tmpdir(), env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let hung = false;
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, options.killAfterMs ?? 20_000);
  options.started?.(child);
  return new Promise((resolve) => child.on('close', (code, signal) => {
    clearTimeout(timer);
    resolve({ code, signal, stdout, stderr, hung });
  }));
}

export interface RawServer {
  port: number;
  /** Connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 that hands every connection to `onSocket`. */
export function rawServer(onSocket: (socket: net.Socket) => void): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0 };
  const server = net.createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return state.connections;
    },
    close: () => new Promise<void>((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    }),
  })));
}
