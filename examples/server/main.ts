// CLI entry, bundled by esbuild to dist/demo-server.js:
//   node dist/demo-server.js [--port 3412] [--host 127.0.0.1] [--weak-window-ms 1000] [--ignore-preconditions]
// DEMO_IGNORE_PRECONDITIONS=1 in the environment does what --ignore-preconditions does.
// Prints exactly one line with the URL (scripts parse it) and runs until SIGINT/SIGTERM.
import { DEFAULT_HOST, DEFAULT_WEAK_WINDOW_MS, startDemoServer } from './demo-server';

/** 3412: easy to remember in a project about 412s, unlikely to clash. */
const DEFAULT_PORT = 3412;

const USAGE = 'usage: demo-server [--port N] [--host ADDR] [--weak-window-ms N] [--ignore-preconditions]';

interface CliOptions {
  port: number;
  host: string;
  weakWindowMs: number;
  ignorePreconditions: boolean;
}

function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    port: DEFAULT_PORT, host: DEFAULT_HOST, weakWindowMs: DEFAULT_WEAK_WINDOW_MS,
    ignorePreconditions: /^(1|true|yes)$/i.test(process.env.DEMO_IGNORE_PRECONDITIONS ?? ''),
  };
  for (let i = 0; i < argv.length; i++) {
    // Accept both `--port 0` and `--port=0`.
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        opts.port = integer(flag, value(), 0, 65535);
        break;
      case '--host':
        opts.host = value();
        break;
      case '--weak-window-ms':
        opts.weakWindowMs = integer(flag, value(), 0, 3_600_000);
        break;
      case '--ignore-preconditions':
        opts.ignorePreconditions = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
      default:
        fail(`unknown argument: ${argv[i]}`);
    }
  }
  return opts;
}

function integer(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) fail(`${flag} must be an integer between ${min} and ${max}`);
  return n;
}

function fail(message: string): never {
  console.error(`demo-server: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const server = await startDemoServer(opts);
  console.log(`demo API listening on ${server.url}${opts.ignorePreconditions ? ' (ignoring preconditions on writes)' : ''}`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`demo-server: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
