/**
 * `< ./payload.json` bodies: read relative to the request file, and refused when the real path (symlinks
 * followed) leaves the workspace, so a request file from elsewhere cannot send `~/.ssh/id_rsa` to a server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_BODY_BYTES, readRegularFile } from '../../host/regular-file';
import { isInside } from './environments';
import { RunnerError } from './errors';

export interface BodyFilePolicy {
  httpFileDir: string;
  workspaceRoot: string;
  allowOutsideWorkspace: boolean;
}

/** The bytes of the body file `relativePath`. */
export function readBodyFile(relativePath: string, policy: BodyFilePolicy): Buffer {
  const resolved = path.resolve(policy.httpFileDir, relativePath.replace(/^~(?=\/|$)/, process.env.HOME ?? '~'));
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    throw new RunnerError('body-file', `Body file ${relativePath} not found (looked for ${resolved}).`);
  }
  if (!policy.allowOutsideWorkspace && !isInside(real, fs.realpathSync(policy.workspaceRoot))) {
    throw new RunnerError('body-file', `Body file ${relativePath} is outside the workspace (${real}); ` +
      'set etagGuard.runner.allowFilesOutsideWorkspace to allow it.');
  }
  try {
    return readRegularFile(real, null, { maxBytes: MAX_BODY_BYTES });
  } catch (err) {
    throw new RunnerError('body-file', `Cannot read body file ${relativePath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
}
