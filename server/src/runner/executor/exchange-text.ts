/**
 * An exchange as readable text: what was sent, the status line, response headers, the body formatted by
 * content type, and where the time went. The CLI's pretty output and the VS Code response view both use it.
 */
import { formatBody, formatBytes } from './body-format';
import { maskBody, maskHeaderPairs, maskHeaderRecord, maskUrl } from './mask';
import type { Exchange, ResponseHeaders, Timings } from './types';

export interface ExchangeTextOptions {
  /** Mask credentials everywhere (logs, history, the CLI's terminal output). */
  mask?: boolean;
  /**
   * Mask credentials in what was sent (the request line, headers and redirect lines), showing the response as
   * received: the response view, which ends up in screenshots and shared tabs, yet whose response a user may
   * need to copy a token from.
   */
  maskSent?: boolean;
  /** Include the request headers that were sent. */
  requestHeaders?: boolean;
  /** Echo the request body under the request headers (`> ` lines), secret-named fields masked. */
  requestBody?: boolean;
}

/** The request line as sent, e.g. `PUT http://127.0.0.1:8080/dav/a.txt`. */
export function requestSummary(exchange: Exchange, mask = false): string {
  return `${exchange.request.method} ${mask ? maskUrl(exchange.request.url) : exchange.request.url}`;
}

/** `200 OK`, or the failure line. */
export function statusSummary(exchange: Exchange): string {
  if (exchange.response) return `${exchange.response.status} ${exchange.response.statusText}`.trim();
  return `failed: ${exchange.error?.message ?? 'no response'}`;
}

/** `total 12 ms · connect 2 ms · wait 9 ms · download 1 ms`. */
export function timingSummary(t: Timings): string {
  const parts = [`total ${ms(t.totalMs)}`];
  if (t.connectMs !== undefined) parts.push(`connect ${ms(t.connectMs)}`);
  parts.push(`wait ${ms(t.waitMs)}`, `download ${ms(t.downloadMs)}`);
  return parts.join(' · ');
}

/** The whole exchange as text. */
export function exchangeText(exchange: Exchange, options: ExchangeTextOptions = {}): string {
  const maskSent = options.mask || options.maskSent;
  const lines = [`${requestSummary(exchange, maskSent)}`];
  if (options.requestHeaders) {
    const sent = maskSent ? maskHeaderPairs(exchange.request.headers) : exchange.request.headers;
    for (const [n, v] of sent) lines.push(`> ${n}: ${v}`);
  }
  if (options.requestBody && exchange.request.body) {
    lines.push('>', ...maskBody(exchange.request.body).split(/\r?\n/).map((l) => `> ${l}`));
  }
  for (const attempt of exchange.attempts.slice(0, -1)) lines.push(`↪ ${attempt.status} redirect from ${maskSent ? maskUrl(attempt.url) : attempt.url}`);
  lines.push('');
  const response = exchange.response;
  if (!response) {
    lines.push(statusSummary(exchange));
    return lines.join('\n');
  }
  lines.push(`HTTP ${statusSummary(exchange)}`);
  lines.push(...headerLines(options.mask ? maskHeaderRecord(response.headers) : response.headers));
  const body = formatBody(response);
  if (body !== '') lines.push('', body);
  lines.push('', `# ${timingSummary(exchange.timings)} · ${formatBytes(response.size)}`);
  for (const w of exchange.warnings) lines.push(`# warning: ${w}`);
  return lines.join('\n');
}

function headerLines(headers: ResponseHeaders): string[] {
  return Object.entries(headers).flatMap(([n, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${displayName(n)}: ${x}`));
}

/** `etag` → `ETag`, `content-type` → `Content-Type`: undici lower-cases names, people read them capitalised. */
function displayName(name: string): string {
  if (name === 'etag') return 'ETag';
  return name.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function ms(n: number): string {
  return n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`;
}
