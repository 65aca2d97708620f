/**
 * `etag-guard run FILE [--all | --name NAME | --line N] [--env NAME] [--var k=v]… [--format pretty|json]
 * [--bail] [--insecure] [--refresh-and-retry [--write] [--report FILE]] [--trace]`: sends the requests of a .http
 * file in order (responses feed later references).
 * Exit 0 when every request got a response below 400, 1 otherwise (failures, ≥ 400, Ctrl+C), 2 on usage errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRestClientEnvironments, REST_CLIENT_ENVIRONMENTS } from '../runner/executor/rest-client-settings';
import { parseArgs } from 'node:util';
import {
  addSecretNames, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, escapeControls, exchangeText, loadDotenv, loadEnvironments,
  maskValues, requestAtLine, requestLabel, runRequest, Session, succeeded, type Exchange,
} from '../runner/executor';
import { readProbeStore } from '../runner/probe/store';
import { RunRecorder } from '../runner/report/recorder';
import type { RetryOutcome } from '../runner/retry/refresh-and-retry';
import { traceText } from '../runner/trace/trace-text';
import { wireTap } from '../runner/trace/wire-tap';
import { applyTextEdits, parseHttp, type HttpFile, type HttpRequest } from '../engine';
import { isPreconditionFailure } from '../runner/retry/failure-message';
import { retryStep, type RetryStepContext } from './retry-step';
import type { CommandIO } from './lint-command';
import { findWorkspaceRoot } from '../host/workspace-root';
import { MAX_SOURCE_BYTES, readRegularFile } from '../host/regular-file';
import { VERSION } from '../host/version';
import { UsageError } from './usage-error';
import { observationOf, recordObservation } from '../host/evidence/observation-store';

export const RUN_USAGE = `Usage: etag-guard run FILE [options]

Sends the requests of a .http/.rest file in file order; later requests can use earlier responses.

Options:
  --all                 run every request (the default)
  --name NAME           run the request named NAME (# @name NAME or its ### title)
  --line N              run the request at line N (1-based; any line of the request)
  --env NAME            environment from http-client.env.json / http-client.private.env.json
  --var k=v             set a variable (repeatable; wins over file and environment)
  --format pretty|json  output format (default pretty)
  --bail                stop after the first failure or status >= 400
  --insecure            do not verify TLS certificates
  --refresh-and-retry   after a 412/428: re-read, explain, update the precondition, resend (never a POST)
  --write               with --refresh-and-retry: write the precondition edits into FILE
  --trace               print each request's trace (as sent, secrets masked; remote address, HTTP version);
                        with --format json, each result gets a "trace" object
  --report FILE         with --refresh-and-retry: write a Markdown 412 incident report (timeline, traces,
                        clocks, diagnosis; the stored 'etag-guard probe' of the server as an appendix) to FILE
  --mask-name NAME      also mask headers, query parameters and variables whose name contains NAME
                        (repeatable; token, secret, password, key, auth, sig… are always masked)
  -h, --help            show this help`;

/** Runs the command; resolves to the exit code. */
export async function runCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      name: { type: 'string' },
      line: { type: 'string' },
      env: { type: 'string' },
      var: { type: 'string', multiple: true, default: [] },
      format: { type: 'string', default: 'pretty' },
      bail: { type: 'boolean', default: false },
      insecure: { type: 'boolean', default: false },
      'refresh-and-retry': { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      report: { type: 'string' },
      'mask-name': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  if (values.write && !values['refresh-and-retry']) throw new UsageError('--write only goes with --refresh-and-retry.');
  if (values.report !== undefined && !values['refresh-and-retry']) throw new UsageError('--report only goes with --refresh-and-retry.');
  if (positionals.length !== 1) throw new UsageError('run takes exactly one FILE. Try: etag-guard run requests.http');
  if (!['pretty', 'json'].includes(values.format!)) throw new UsageError(`Unknown format '${values.format}' (pretty, json).`);
  if ([values.all, values.name !== undefined, values.line !== undefined].filter(Boolean).length > 1) {
    throw new UsageError('Use only one of --all, --name and --line.');
  }
  addSecretNames(values['mask-name'] ?? []);
  const filePath = path.resolve(io.cwd, positionals[0]);
  let text: string;
  try {
    text = readRegularFile(filePath, 'utf8', { maxBytes: MAX_SOURCE_BYTES });
  } catch (err) {
    throw new UsageError(`Cannot read ${positionals[0]}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  const file = parseHttp(text);
  const requests = selectRequests(file, values.name, values.line);
  const fileDir = path.dirname(filePath);
  // Body files and environments stay inside the file's project, wherever the command is run from.
  const workspaceRoot = findWorkspaceRoot(filePath);
  // REST Client users keep environments in .vscode/settings.json; the env files win over them.
  const notes: string[] = [];
  const environments = loadEnvironments(fileDir, workspaceRoot, readRestClientEnvironments(workspaceRoot, notes));
  if (values.env !== undefined && !environments.names.includes(values.env)) {
    const known = environments.names.length > 0 ? environments.names.join(', ') : `none: no http-client.env.json and no ${REST_CLIENT_ENVIRONMENTS} in .vscode/settings.json`;
    throw new UsageError(`Unknown environment '${values.env}' (${known}).`);
  }
  notes.push(...environments.skipped);
  const dotenv = loadDotenv(fileDir, workspaceRoot, notes);
  for (const note of notes) io.stderr(`etag-guard: ${escapeControls(note)}`);
  const session = new Session({ allowSelfSignedHosts: values.insecure ? ['*'] : [] });
  // Terminal output ends up in CI logs and is read by a terminal: secret values masked wherever they appear
  // (names are masked where the text is built), control characters from servers escaped.
  const forTerminal = (text: string) => escapeControls(maskValues(text, session.secrets));
  const say = (text: string) => io.stdout(forTerminal(text));
  const cancel = new AbortController();
  // Ctrl+C cancels what is in flight and ends the run; a second Ctrl+C (or a request that does not let go
  // within a second) ends the process at once. The watchdog stops once the run has let go: the results and the
  // report are still written however long that takes on a loaded machine.
  let interrupted = 0;
  let watchdog: NodeJS.Timeout | undefined;
  const onSigint = () => {
    cancel.abort();
    if (++interrupted > 1) process.exit(130);
    watchdog ??= setTimeout(() => {
      io.stderr('etag-guard: cancelled.');
      process.exit(130);
    }, 1000).unref();
  };
  process.on('SIGINT', onSigint);
  const results: Exchange[] = [];
  const retries = new Map<Exchange, RetryOutcome>();
  const pretty = values.format === 'pretty';
  // The wire tap sees what undici sends (remote address, HTTP version); it is only started when asked for.
  const recorder = values.trace || values.report !== undefined ? new RunRecorder(wireTap()) : undefined;
  const retry: RetryStepContext = {
    session, file, timeoutMs: DEFAULT_TIMEOUT_MS, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, edits: [],
    print: pretty ? say : undefined, recorder,
  };
  const options = {
    signal: cancel.signal, workspaceRoot,
    environment: environments.variables(values.env), overrides: parseVars(values.var ?? []),
    dotenv: (name: string) => dotenv.get(name),
    onExchange: (exchange: Exchange) => {
      results.push(exchange);
      rememberEvidence(workspaceRoot, exchange);
      const trace = recorder?.exchange(exchange);
      // Terminal output ends up in CI logs: credentials are masked (the JSON output is the raw data for scripts).
      if (pretty) say(exchangeText(exchange, { mask: true }) + '\n');
      if (pretty && values.trace && trace) say(`${traceText(trace)}\n`);
    },
  };
  try {
    // One request at a time, so a refresh-and-retry happens before the requests after it run.
    for (const request of requests) {
      const exchange = await runRequest({ path: filePath, file }, request, session, options);
      if (values['refresh-and-retry'] && isPreconditionFailure(exchange) && !cancel.signal.aborted) {
        const outcome = await retryStep(exchange, retry);
        if (outcome) retries.set(exchange, outcome);
      }
      if (cancel.signal.aborted || (values.bail && !finalSucceeded(exchange, retries))) break;
    }
    if (values.write && retry.edits.length > 0) fs.writeFileSync(filePath, applyTextEdits(text, retry.edits));
    if (values.report !== undefined) writeReport(path.resolve(io.cwd, values.report), recorder!, path.relative(io.cwd, filePath), io, workspaceRoot, session.secrets);
  } finally {
    process.off('SIGINT', onSigint);
    clearTimeout(watchdog);
    // After a cancel, connections still opening are dropped rather than waited for.
    await (cancel.signal.aborted ? session.dispatcher.destroy() : session.close());
  }
  if (values.format === 'json') {
    io.stdout(JSON.stringify({ results: results.map((r) => ({ ...jsonResult(r, retries.get(r)), ...(values.trace ? { trace: recorder!.traceOf(r) } : {}) })) }, null, 2));
  }
  if (cancel.signal.aborted) io.stderr('etag-guard: cancelled.');
  for (const r of results) if (r.error && values.format === 'json') io.stderr(`etag-guard: ${forTerminal(r.error.message)}`);
  return results.length > 0 && results.every((r) => finalSucceeded(r, retries)) && !cancel.signal.aborted ? 0 : 1;
}

function writeReport(target: string, recorder: RunRecorder, file: string, io: CommandIO, workspaceRoot: string, secrets: ReadonlySet<string>): void {
  const markdown = recorder.report({
    file, generatedAt: Date.now(), tool: `etag-guard ${VERSION}`, platform: `Node ${process.version} on ${process.platform}`,
    probes: storedProbes(workspaceRoot, io),
  });
  fs.writeFileSync(target, maskValues(markdown, secrets));
  io.stderr(`etag-guard: 412 report written to ${target} (${recorder.incidents().length} incident(s)).`);
}

/** The workspace's stored probe results for the report's appendix; a broken store is a warning, not a lost report. */
function storedProbes(workspaceRoot: string, io: CommandIO) {
  try {
    return readProbeStore(workspaceRoot);
  } catch (err) {
    io.stderr(`etag-guard: ${(err as Error).message} The report has no probe appendix.`);
    return [];
  }
}

function selectRequests(file: HttpFile, name: string | undefined, line: string | undefined): HttpRequest[] {
  if (file.requests.length === 0) throw new UsageError('The file holds no requests.');
  if (name !== undefined) {
    const found = file.requests.filter((r) => requestLabel(r) === name);
    if (found.length === 0) throw new UsageError(`No request named '${name}' (known: ${file.requests.map(requestLabel).filter(Boolean).join(', ') || 'none'}).`);
    return found.slice(0, 1);
  }
  if (line !== undefined) {
    const n = Number(line);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--line needs a line number (1-based), got '${line}'.`);
    if (n > file.lineCount) throw new UsageError(`Line ${n} is past the end of the file (${file.lineCount} lines).`);
    return [requestAtLine(file, n - 1)!];
  }
  return file.requests;
}

function parseVars(pairs: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var takes name=value, got '${pair}'.`);
    vars[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return vars;
}

/** True when the request, or its refresh-and-retry, ended with a response below 400. */
function finalSucceeded(e: Exchange, retries: ReadonlyMap<Exchange, RetryOutcome>): boolean {
  const final = retries.get(e)?.final;
  return final ? final.status < 400 : succeeded(e);
}

/**
 * The `--format json` shape: name, 1-based line, method, url, status, lower-case headers, durationMs, attempts;
 * a retried request also lists the resend in `attempts` and carries the `diagnosis`.
 */
function jsonResult(e: Exchange, retry: RetryOutcome | undefined) {
  const final = retry?.final;
  return {
    name: e.name ?? null,
    line: e.line + 1,
    method: e.request.method,
    url: e.request.url,
    status: final?.status ?? e.response?.status ?? null,
    headers: final?.headers ?? e.response?.headers ?? {},
    durationMs: Math.round(e.timings.totalMs * 10) / 10,
    attempts: [...e.attempts, ...(retry?.attempts.slice(1) ?? [])].map((a) => ({ status: a.status, headers: a.headers })),
    ...(retry ? { diagnosis: diagnosisJson(retry) } : {}),
    ...(e.error ? { error: e.error.message } : {}),
  };
}

function diagnosisJson({ diagnosis: d, stopped, changes }: RetryOutcome) {
  return {
    failed: d.failed, sent: d.sent ?? null, current: d.current ?? null, cause: d.cause, advice: d.advice, steps: d.steps,
    changes, ...(stopped ? { stopped } : {}),
  };
}

/** What the response tells about its API goes to `.etag-guard/observations.json` for `etag-guard lint` (never fatal). */
function rememberEvidence(root: string, exchange: Exchange): void {
  const o = observationOf(exchange);
  try {
    if (o) recordObservation(root, o);
  } catch {
    // A read-only checkout: the run itself is unaffected.
  }
}
