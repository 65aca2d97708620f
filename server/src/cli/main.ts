/**
 * The `etag-guard` command: `lint` and `run` over the same engine as the language server. Usage and I/O
 * errors print one line and exit 2; nothing prints a stack trace.
 */
import { loadCodeParsers } from '../host/code-parsers';
import { VERSION } from '../host/version';
import { reportingErrors } from './command-errors';
import { exitWhenFlushed } from './exit-when-flushed';
import { lintCommand, type CommandIO } from './lint-command';
import { UsageError } from './usage-error';
import { setFlagsFromString } from 'node:v8';

const USAGE = `etag-guard ${VERSION}: HTTP preconditions linter & runner

Usage:
  etag-guard lint [options] PATHS...     lint .http files and client code
  etag-guard run [options] FILE          send the requests of a .http file
  etag-guard probe [options] URL         check whether a server honours preconditions
  etag-guard --version

Run 'etag-guard lint --help', 'etag-guard run --help' or 'etag-guard probe --help' for options.`;

export function main(argv: string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  return reportingErrors(io, () => {
    switch (command) {
      // The grammars load only when a client-code file is among the paths: `.http`-only runs never start tree-sitter.
      case 'lint': return lintCommand(rest, io, () => loadCodeParsers(undefined, io.stderr));
      // `require` here, not at the top: the commands that send requests are a bundle of their own (dist/cli-run.js),
      // whose HTTP client, cookie jar and runner every `lint` and `--version` compiled at start-up (~30 ms of 150).
      case 'run': case 'probe': return (require('./network-commands') as typeof import('./network-commands')).networkCommand(command, rest, io);
      case '--version': case '-v': io.stdout(VERSION); return 0;
      case '--help': case '-h': case undefined: io.stdout(USAGE); return command === undefined ? 2 : 0;
      default: throw new UsageError(`Unknown command '${command}' (lint, run, probe, --version).`);
    }
  });
}

if (require.main === module) {
  // A lint is short: most of its first run's CPU time is not the engine's but V8's optimising compiler, working on
  // other threads on functions that inline everything they call (the 10k-request file: 550 of 820 ms). A smaller
  // inlining budget compiles less and runs as fast here; set before any engine code runs (docs/performance.md,
  // "Issue 16, twelfth session").
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
  const io: CommandIO = {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s + '\n'),
    stderr: (s) => process.stderr.write(s + '\n'),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
  };
  // `etag-guard lint --fix-dry-run . | head`: a reader that stops early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const command = process.argv[2];
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
    // A lint (or --version, or a usage error) has nothing in flight once it has written its output: it ends there,
    // not after V8's compilations and collections. `run` and `probe` end on their own, after their sockets let go.
    if (command !== 'run' && command !== 'probe') exitWhenFlushed(code);
  });
}
