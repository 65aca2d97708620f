/**
 * How a command ends on an error: one line on stderr and exit code 2, never a stack trace. A mistake in the call or
 * the input is printed as it is; anything else is labelled as ours, so it gets reported, not blamed on the input.
 * Each bundle that runs commands carries its own copy (dist/cli.js, and dist/cli-run.js for `run` and `probe`), so
 * the classes compared here are the ones its own commands throw.
 */
import { RunnerError } from '../runner/executor/errors';
import { PathError } from './discover';
import type { CommandIO } from './lint-command';
import { UsageError } from './usage-error';

/** Runs `command`; an error it throws is printed as one line and gives exit code 2. */
export async function reportingErrors(io: CommandIO, command: () => Promise<number> | number): Promise<number> {
  try {
    return await command();
  } catch (err) {
    const expected = err instanceof UsageError || err instanceof PathError || err instanceof RunnerError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`etag-guard: ${expected ? '' : 'internal error: '}${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
