/** Runs the bundled CLI (dist/cli.js) as users do, for the runner's end-to-end tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../servers/real-servers';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Path of the bundle; fails with the command that builds it. */
export function cliPath(): string {
  const cli = path.join(projectRoot(), 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run 'node esbuild.js' (npm run test:unit builds it first).`);
  return cli;
}

/** Starts `node dist/cli.js ARGS`; `done` resolves with the exit code and output. */
export function startCli(args: string[], cwd = projectRoot()): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [cliPath(), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** Runs the CLI to completion. */
export function runCli(args: string[], cwd?: string): Promise<CliResult> {
  return startCli(args, cwd).done;
}
