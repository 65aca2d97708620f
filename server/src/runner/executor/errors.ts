/**
 * Every way a request can fail before it gets a response, as one readable line. Network errors from undici
 * and Node arrive in many shapes (codes on the error or on its `cause`); `describeFailure` folds them into a
 * `RunnerError` whose message names the host and what to check, never a stack.
 */

export type FailureKind =
  | 'refused' | 'dns' | 'tls' | 'timeout' | 'cancelled' | 'network' | 'too-large'
  | 'redirects' | 'variable' | 'environment' | 'body-file' | 'invalid-url';

/** A failure the user can act on; `message` is one line. */
export class RunnerError extends Error {
  constructor(readonly kind: FailureKind, message: string) {
    super(message);
    this.name = 'RunnerError';
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO/;

/** Turns anything thrown while sending to `url` into a `RunnerError`. */
export function describeFailure(err: unknown, url: string): RunnerError {
  if (err instanceof RunnerError) return err;
  const target = hostOf(url);
  const code = codeOf(err);
  const name = (err as { name?: string })?.name;
  if (name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') {
    return new RunnerError('cancelled', `Request to ${target} cancelled.`);
  }
  if ((err as { code?: string })?.code === 'ETAG_GUARD_CONNECT_FAILED') {
    return new RunnerError('network', `Could not connect to ${target} (directly or through HTTP(S)_PROXY): several attempts in a row ` +
      `failed (${code}). Check the proxy settings.`);
  }
  if (code === 'ECONNREFUSED') return new RunnerError('refused', `Connection refused by ${target}: is the server running on that port?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new RunnerError('dns', `Cannot resolve host ${target} (${code}): check the URL or your DNS/proxy settings.`);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return new RunnerError('timeout', `Connecting to ${target} timed out.`);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new RunnerError('timeout', `${target} sent no response headers in time.`);
  if (code === 'UND_ERR_BODY_TIMEOUT') return new RunnerError('timeout', `${target} stopped sending the response body.`);
  if (code && TLS_CODES.test(code)) {
    return new RunnerError('tls', `TLS verification failed for ${target} (${code}). ` +
      'If this host uses a self-signed certificate on purpose, add it to etagGuard.runner.allowSelfSignedHosts (CLI: --insecure).');
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return new RunnerError('network', `${target} closed the connection before answering (${code}).`);
  }
  const message = messageOf(err);
  return new RunnerError('network', `Request to ${target} failed: ${message}${code ? ` (${code})` : ''}.`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The most specific error code: undici wraps system errors in `cause`, sometimes twice. */
function codeOf(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  let found: string | undefined;
  for (let depth = 0; e && depth < 4; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string') found = e.code;
  }
  return found;
}

function messageOf(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0].replace(/\.$/, '');
}
