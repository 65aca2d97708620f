/**
 * Runs requests of a parsed `.http` file in a session: `runRequest` for one (running the named requests it
 * references first, when they have not run yet) and `runAll` for the file in order. Failures become the
 * exchange's `error` (one line); nothing here throws for network or variable problems.
 */
import * as path from 'node:path';
import type { HttpFile, HttpRequest } from '../../engine';
import { capturesOf, applyCaptures } from './captures';
import { describeFailure, RunnerError } from './errors';
import { DEFAULT_MAX_REDIRECTS, redirectTarget } from './redirects';
import { askPrompts, type AskPrompt } from './prompts';
import { prepareRequest, type PreparedRequest } from './request-builder';
import { sendOnce, type HopResult } from './send';
import type { Session } from './session';
import type { Attempt, Exchange, RunResponse, SentRequest } from './types';
import type { ResolveScope } from './variables';
import { startLineOf } from '../../engine/text/span';

/** A parsed request file and where it lives (body files and `.env` are relative to it). */
export interface HttpSource {
  path: string;
  file: HttpFile;
}

export interface RunOptions {
  /** Variables of the selected environment (`$shared` merged in). */
  environment?: Record<string, string>;
  /** `--var` values: they win over everything. */
  overrides?: Record<string, string>;
  /** Body files may not leave this folder. Default: the request file's folder. */
  workspaceRoot?: string;
  allowFilesOutsideWorkspace?: boolean;
  /** Per-request deadline; `# @timeout N` overrides it. 0 = none. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  followRedirects?: boolean;
  maxRedirects?: number;
  signal?: AbortSignal;
  /** `$dotenv` lookups; the caller decides whether `.env` may be read (workspace trust). */
  dotenv?: (name: string) => string | undefined;
  processEnv?: NodeJS.ProcessEnv;
  /**
   * Called with each finished exchange, dependencies included, in the order they finish; the next request
   * waits for a returned promise (the editor explains a 412 before a "Send all" goes on).
   */
  onExchange?: (exchange: Exchange) => void | Promise<void>;
  /** Asks for `# @prompt` variables when a request is sent; without it they are looked up like any other. */
  ask?: AskPrompt;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** Runs one request; the exchange is also remembered in the session under the request's name. */
export async function runRequest(source: HttpSource, request: HttpRequest, session: Session, options: RunOptions = {}): Promise<Exchange> {
  return new Runner(source, session, options).run(request);
}

/** Runs `requests` (default: all of the file) in order; with `bail`, stops after the first error or status ≥ 400. */
export async function runAll(source: HttpSource, session: Session, options: RunOptions & { bail?: boolean; requests?: HttpRequest[] } = {}): Promise<Exchange[]> {
  const runner = new Runner(source, session, options);
  const results: Exchange[] = [];
  for (const request of options.requests ?? source.file.requests) {
    const exchange = await runner.run(request);
    results.push(exchange);
    if (exchange.error?.kind === 'cancelled' || (options.bail && !succeeded(exchange))) break;
  }
  return results;
}

/** True when the request got a final response below 400. */
export function succeeded(exchange: Exchange): boolean {
  return exchange.response !== undefined && exchange.response.status < 400;
}

/** The name used in results: `@name`, else the `###` title. */
export function requestLabel(request: HttpRequest): string | undefined {
  return request.name?.value ?? (request.title?.trim() || undefined);
}

class Runner {
  /** Requests in progress, so a reference cycle does not recurse forever. */
  private readonly running = new Set<HttpRequest>();

  constructor(private readonly source: HttpSource, private readonly session: Session, private readonly options: RunOptions) {}

  async run(request: HttpRequest): Promise<Exchange> {
    this.running.add(request);
    const startedAt = Date.now();
    const started = performance.now();
    let sent: SentRequest = { method: request.requestLine.method, url: request.requestLine.url, headers: [] };
    const attempts: Attempt[] = [];
    const exchange: Exchange = { name: requestLabel(request), line: startLineOf(request.requestLine.range), request: sent, attempts, timings: { waitMs: 0, downloadMs: 0, totalMs: 0 }, startedAt, warnings: [] };
    try {
      const answers = await askPrompts(request, this.session, this.options.overrides ?? {}, this.options.ask);
      let prepared = await prepareRequest(request, this.scope(request, answers), this.bodyFilePolicy());
      const follow = (this.options.followRedirects ?? true) && !hasMetadata(request, 'no-redirect');
      const maxRedirects = this.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
      // One deadline for the request, redirects included: no hop, 1xx response or reconnection extends it.
      const limits = this.limits(request);
      const deadlineAt = limits.timeoutMs > 0 ? Date.now() + limits.timeoutMs : undefined;
      for (;;) {
        const hop = await sendOnce(this.session, prepared, { ...limits, deadlineAt });
        sent = describeSent(prepared, hop.sentHeaders);
        attempts.push({ url: prepared.url.href, status: hop.status, headers: hop.headers, receivedAt: hop.receivedAt });
        exchange.timings.waitMs += hop.waitMs;
        exchange.timings.connectMs = hop.connectMs ?? exchange.timings.connectMs;
        const location = hop.headers.location;
        const target = !follow ? undefined : redirectTarget(prepared, hop.status, Array.isArray(location) ? location[0] : location);
        if (!target) {
          exchange.response = toResponse(hop);
          exchange.timings.downloadMs = hop.downloadMs;
          break;
        }
        if (attempts.length > maxRedirects) throw new RunnerError('redirects', `Stopped after ${maxRedirects} redirects (last to ${target.url.href}).`);
        prepared = target;
      }
      exchange.warnings.push(...applyCaptures(request, exchange.response, this.session));
    } catch (err) {
      const failure = describeFailure(err, sent.url);
      exchange.error = { kind: failure.kind, message: failure.message };
    } finally {
      this.running.delete(request);
    }
    exchange.request = sent;
    exchange.timings.totalMs = performance.now() - started;
    if (request.name) this.session.responses.set(request.name.value, exchange);
    await this.options.onExchange?.(exchange);
    return exchange;
  }

  /** What `request`'s `{{…}}` may read; `answers` to its `# @prompt` questions count as given on the command line. */
  private scope(request: HttpRequest, answers: Record<string, string>): ResolveScope {
    return {
      file: this.source.file, request,
      environment: this.options.environment ?? {},
      overrides: { ...this.options.overrides, ...answers },
      session: this.session,
      dynamic: { processEnv: this.options.processEnv ?? process.env, dotenv: this.options.dotenv ?? (() => undefined) },
      ensureResponse: (name) => this.runDependency(this.source.file.requests.find((r) => r.name?.value === name)),
      ensureCapture: (variable) => this.runDependency(this.source.file.requests
        .filter((r) => r.index < request.index && capturesOf(r).some((c) => c.variable === variable)).pop()),
    };
  }

  private async runDependency(request: HttpRequest | undefined): Promise<void> {
    if (!request || this.running.has(request) || this.options.signal?.aborted) return;
    await this.run(request);
  }

  private limits(request: HttpRequest) {
    const meta = request.metadata.find((m) => m.key === 'timeout');
    const fromMeta = meta && /^\d+$/.test(meta.value.trim()) ? Number(meta.value.trim()) : undefined;
    return {
      timeoutMs: fromMeta ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      signal: this.options.signal,
    };
  }

  private bodyFilePolicy() {
    const httpFileDir = path.dirname(path.resolve(this.source.path));
    return {
      httpFileDir,
      workspaceRoot: this.options.workspaceRoot ?? httpFileDir,
      allowOutsideWorkspace: this.options.allowFilesOutsideWorkspace ?? false,
    };
  }
}

function hasMetadata(request: HttpRequest, key: string): boolean {
  return request.metadata.some((m) => m.key === key);
}

/** The final response of a hop, as an exchange holds it. */
export function toResponse(hop: HopResult): RunResponse {
  const type = hop.headers['content-type'];
  return {
    status: hop.status, statusText: hop.statusText, headers: hop.headers, body: hop.body, size: hop.size,
    truncated: hop.truncated, contentType: (Array.isArray(type) ? type[0] : type) ?? '',
  };
}

function describeSent(request: PreparedRequest, headers: [string, string][]): SentRequest {
  let body: string | undefined;
  if (typeof request.body === 'string') body = request.body;
  else if (request.body) body = isUtf8(request.body) ? request.body.toString('utf8') : `<${request.body.length} bytes of binary data>`;
  return { method: request.method, url: request.url.href, headers, body };
}

function isUtf8(bytes: Buffer): boolean {
  return !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}
