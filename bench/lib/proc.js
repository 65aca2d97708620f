/** Runs a child process to completion with a time limit, and times it from spawn to exit. */
'use strict';
const { spawn } = require('node:child_process');

/**
 * Resolves `{ code, stdout, stderr, ms }`. Kills the child (its own id only) after `timeoutMs` and rejects,
 * so a hung peer cannot stall the whole benchmark.
 */
function runProcess(command, args, { cwd, timeoutMs = 60000, env } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took over ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - start) / 1e6 });
    });
  });
}

module.exports = { runProcess };
