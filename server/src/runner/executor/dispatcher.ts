/**
 * The one keep-alive undici dispatcher a session reuses for all its requests. TLS verification stays on
 * except for hosts the user lists (self-signed development servers); `HTTP(S)_PROXY` / `NO_PROXY` select
 * undici's EnvHttpProxyAgent. The connector reports how long each new connection took, for the timings.
 */
import { Agent, buildConnector, Client, EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';
import { hostMatches } from '../../engine';

export interface DispatcherOptions {
  /** Hosts (`name` or `*.suffix`) whose certificates are not verified. `*` alone means every host. */
  allowSelfSignedHosts?: readonly string[];
  /** Milliseconds to establish a connection (DNS + TCP + TLS). */
  connectTimeoutMs?: number;
  /** Process environment to read proxy variables from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  /** Called after each new connection with its duration. */
  onConnect?: (host: string, ms: number) => void;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Connection attempts in a row that may fail before the requests waiting for them fail too. */
export const MAX_FAILED_CONNECTS = 3;

/** Builds the session's dispatcher. */
export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const verified = buildConnector({ timeout, rejectUnauthorized: true });
  const unverified = buildConnector({ timeout, rejectUnauthorized: false });
  const allowed = options.allowSelfSignedHosts ?? [];
  const connect: buildConnector.connector = (opts, callback) => {
    const started = performance.now();
    const connector = hostMatches(opts.hostname, allowed) ? unverified : verified;
    return connector(opts, (...args) => {
      if (args[0] === null) options.onConnect?.(opts.hostname, performance.now() - started);
      callback(...args);
    });
  };
  const env = options.env ?? process.env;
  const proxied = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy'].some((k) => env[k]);
  if (!proxied) return new Agent({ connect, keepAliveTimeout: 30_000 });
  // Through a proxy the tunnel's own connector is undici's; per-host exceptions apply only when every host
  // is allowed, so a proxy never silently weakens verification for one host.
  return new EnvHttpProxyAgent({
    connect,
    factory: boundedPool,
    httpProxy: env.HTTP_PROXY ?? env.http_proxy,
    httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
    noProxy: env.NO_PROXY ?? env.no_proxy,
    requestTls: { rejectUnauthorized: !allowed.includes('*') },
  });
}

/**
 * A pool whose connection attempts are bounded. undici retries a connection that fails with a socket error
 * without failing the waiting request, and a proxy that accepts and closes every CONNECT fails exactly that way:
 * undici would open thousands of connections a second, for ever, past any timeout or cancel. After
 * `MAX_FAILED_CONNECTS` failures in a row, the failure is reported under a code undici does not retry, so the
 * waiting requests fail with it.
 */
function boundedPool(origin: string | URL, options: Pool.Options): Dispatcher {
  const connect = options.connect;
  let failures = 0;
  const bounded: buildConnector.connector | undefined = typeof connect !== 'function' ? undefined : (opts, callback) =>
    connect(opts, (err, socket) => {
      if (!err) {
        failures = 0;
        return (callback as (e: null, s: typeof socket) => void)(null, socket);
      }
      if (++failures < MAX_FAILED_CONNECTS) return (callback as (e: Error, s: null) => void)(err, null);
      failures = 0;
      const final = Object.assign(new Error(`${err.message} (${MAX_FAILED_CONNECTS} connection attempts in a row failed)`), { code: 'ETAG_GUARD_CONNECT_FAILED', cause: err });
      return (callback as (e: Error, s: null) => void)(final, null);
    });
  const bounds = { ...options, ...(bounded ? { connect: bounded } : {}) };
  return options.connections === 1 ? new Client(origin, bounds) : new Pool(origin, bounds);
}
