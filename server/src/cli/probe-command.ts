/**
 * `etag-guard probe URL [--write] [-H 'Name: value']… [--env NAME] [--format pretty|json] [--insecure]
 * [--no-store]`: does this server honour preconditions? Prints the report card (or the JSON document), stores
 * it as evidence in `.etag-guard/probes.json` under the current folder, and exits 1 when a check fails, 2 when
 * the probe cannot run (usage, unreachable, the URL does not answer GET with 2xx).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, loadDotenv, loadEnvironments, RunnerError, Session } from '../runner/executor';
import { ProbeError, runProbe } from '../runner/probe/probe';
import { renderProbeText } from '../runner/probe/render-text';
import { PROBE_STORE_FILE, saveProbe } from '../runner/probe/store';
import { resolveProbeTarget } from '../runner/probe/target';
import { VERSION } from '../host/version';
import type { CommandIO } from './lint-command';
import { UsageError } from './usage-error';

export const PROBE_USAGE = `Usage: etag-guard probe URL [options]

Checks whether the server behind URL honours preconditions (ETag, If-Match, If-None-Match,
If-Unmodified-Since): read-only checks always; write checks only with --write. See docs/probe.md.

Options:
  --write               also run the write checks: PUTs that write back exactly the bytes the server holds
                        (a conforming server changes nothing). Only on resources you may write to.
  -H, --header 'N: v'   send this header with every request (credentials, API keys); repeatable
  --env NAME            environment from http-client.env.json / http-client.private.env.json ({{vars}} in URL and -H)
  --format pretty|json  output format (default pretty)
  --insecure            do not verify TLS certificates
  --no-store            do not store the result in ${PROBE_STORE_FILE}
  -h, --help            show this help

Exit codes: 0 no check failed, 1 a check failed, 2 usage error or the URL cannot be probed.`;

export async function probeCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      write: { type: 'boolean', default: false },
      header: { type: 'string', short: 'H', multiple: true, default: [] },
      env: { type: 'string' },
      format: { type: 'string', default: 'pretty' },
      insecure: { type: 'boolean', default: false },
      'no-store': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(PROBE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('probe takes exactly one URL. Try: etag-guard probe https://api.example.com/items/1');
  if (!['pretty', 'json'].includes(values.format!)) throw new UsageError(`Unknown format '${values.format}' (pretty, json).`);
  const environments = loadEnvironments(io.cwd, io.cwd);
  if (values.env !== undefined && !environments.names.includes(values.env)) {
    const known = environments.names.length > 0 ? environments.names.join(', ') : 'none: no http-client.env.json found';
    throw new UsageError(`Unknown environment '${values.env}' (${known}).`);
  }
  const headers = (values.header ?? []).map(parseHeaderOption);
  const dotenv = loadDotenv(io.cwd, io.cwd);
  const session = new Session({ allowSelfSignedHosts: values.insecure ? ['*'] : [] });
  const cancel = new AbortController();
  const onSigint = () => cancel.abort();
  process.once('SIGINT', onSigint);
  try {
    const target = await resolveProbeTarget(positionals[0], headers, session, io.cwd, {
      environment: environments.variables(values.env), dotenv: (n) => dotenv.get(n), workspaceRoot: io.cwd,
    });
    const { result } = await runProbe(session, target, {
      write: values.write!, tool: `etag-guard ${VERSION}`,
      limits: { timeoutMs: DEFAULT_TIMEOUT_MS, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, signal: cancel.signal },
    });
    io.stdout(values.format === 'json' ? JSON.stringify(result, null, 2) : renderProbeText(result, io.color));
    if (!values['no-store']) io.stderr(`etag-guard: probe result stored in ${saveProbe(io.cwd, result)}.`);
    return result.checks.some((c) => c.status === 'fail') ? 1 : 0;
  } catch (err) {
    if (!(err instanceof ProbeError || err instanceof RunnerError)) throw err;
    io.stderr(`etag-guard: ${err.message}`);
    return 2;
  } finally {
    process.off('SIGINT', onSigint);
    await session.close();
  }
}

/** `Name: value` → the pair; anything else is a usage error. */
function parseHeaderOption(text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new UsageError(`-H takes 'Name: value', got '${text}'.`);
  return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}
