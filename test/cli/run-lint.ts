// `etag-guard lint` run in-process with its output captured, for the CLI tests (one place instead of a copy each).
import { main } from '../../server/src/cli/main';

export interface LintRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `etag-guard lint ...args` in `cwd`, without colour, and returns its exit code, stdout and stderr. */
export async function runLint(cwd: string, args: readonly string[]): Promise<LintRun> {
  let out = '';
  let err = '';
  const code = await main(['lint', ...args], { cwd, stdout: (s) => { out += s + '\n'; }, stderr: (s) => { err += s + '\n'; }, color: false });
  return { code, out, err };
}
