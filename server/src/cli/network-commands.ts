/**
 * The commands that send requests, `run` and `probe`, in a bundle of their own (dist/cli-run.js, esbuild.js): the
 * HTTP client (undici), the cookie jar and the runner, 0.8 of the CLI's 1.4 MB, are compiled only when one of them is
 * called, not by every `lint` and `--version` (docs/performance.md, "Issue 16, eighteenth session").
 */
import { reportingErrors } from './command-errors';
import type { CommandIO } from './lint-command';
import { probeCommand } from './probe-command';
import { runCommand } from './run-command';

/** Runs `run` or `probe`; errors are reported here, where the classes they are thrown as are this bundle's. */
export function networkCommand(command: 'run' | 'probe', argv: string[], io: CommandIO): Promise<number> {
  return reportingErrors(io, () => (command === 'run' ? runCommand(argv, io) : probeCommand(argv, io)));
}
