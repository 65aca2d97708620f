/**
 * Helpers for the probe tests: run `etag-guard probe` through the bundled CLI (dist/cli.js) in a private temp
 * folder (the probe stores `.etag-guard/probes.json` there, never in the repository), and put a file on a DAV
 * server with plain node:http.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProbeCheck, ProbeResult } from '../../server/src/engine/probe/types';
import { runCli } from '../runner/cli';

export interface ProbeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The folder the CLI ran in. */
  cwd: string;
  /** The parsed `--format json` output, when it was asked for. */
  result?: ProbeResult;
  check(id: string): ProbeCheck;
}

/** Runs `etag-guard probe ARGS` (JSON output unless ARGS choose a format) in a fresh temp folder. */
export async function probe(args: string[], cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-probe-'))): Promise<ProbeRun> {
  const json = !args.includes('--format');
  const { code, stdout, stderr } = await runCli(['probe', ...args, ...(json ? ['--format', 'json'] : [])], cwd);
  const result = json && stdout.trim().startsWith('{') ? JSON.parse(stdout) as ProbeResult : undefined;
  return {
    code, stdout, stderr, cwd, result,
    check(id) {
      const found = result?.checks.find((c) => c.id === id);
      if (!found) throw new Error(`no check ${id} in:\n${stdout}\n${stderr}`);
      return found;
    },
  };
}

/** PUTs `body` to `url` unconditionally; resolves to the status. */
export function putFile(url: string, body: Buffer | string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', agent: false, headers: { 'Content-Type': 'text/plain' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A text body big enough for mod_deflate to compress (it leaves bodies of a few hundred bytes alone). */
export function document(label: string): Buffer {
  return Buffer.from(Array.from({ length: 60 }, (_, i) => `${label} line ${i}: the quick brown fox jumps over the lazy dog\n`).join(''));
}
