/**
 * A trace as text in the style of `curl -v`: `*` lines for the connection and timings, `>` for what was sent,
 * `<` for what came back. Used by "Show trace", `etag-guard run --trace` and the incident report.
 */
import { formatBytes } from '../executor/body-format';
import { timingSummary } from '../executor/exchange-text';
import type { Trace } from './trace';

/** The trace as text (no trailing newline). */
export function traceText(trace: Trace): string {
  const { request, response, connection } = trace;
  const url = new URL(request.url);
  const lines = [`* ${request.method} ${request.url}${trace.name ? ` (${trace.name})` : ''} — request line ${trace.line + 1}, started ${new Date(trace.startedAt).toISOString()}`];
  if (connection?.remoteAddress) {
    const from = connection.localAddress ? ` from ${connection.localAddress}:${connection.localPort}` : '';
    lines.push(`* Connected to ${url.hostname} (${connection.remoteAddress}) port ${connection.remotePort}${connection.family ? ` ${connection.family}` : ''}${from}`);
  } else if (!trace.error) {
    lines.push('* Remote address not recorded (the wire tap was off for this request).');
  }
  if (connection?.tls) lines.push(`* TLS ${connection.tls}`);
  for (const hop of trace.redirects) lines.push(`* ${hop.status} redirect from ${hop.url}`);
  lines.push(`> ${request.method} ${url.pathname}${url.search} ${request.httpVersion ?? 'HTTP/1.1'}`);
  for (const [n, v] of request.headers) lines.push(`> ${n}: ${v}`);
  lines.push('>');
  if (request.bodySize > 0) {
    lines.push(`> [body: ${formatBytes(request.bodySize)}${request.bodyPreview === undefined ? ', binary' : ''}]`);
    if (request.bodyPreview !== undefined) lines.push(...request.bodyPreview.split('\n').map((l) => `> ${l}`));
    if (request.bodyTruncated) lines.push('> …');
  }
  if (!response) {
    lines.push(`* Failed: ${trace.error ?? 'no response'}`);
    return lines.join('\n');
  }
  lines.push(`< ${request.httpVersion ?? 'HTTP/1.1'} ${response.status} ${response.statusText}`.trimEnd());
  for (const [n, v] of Object.entries(response.headers)) for (const x of Array.isArray(v) ? v : [v]) lines.push(`< ${n}: ${x}`);
  lines.push('<');
  lines.push(`* ${formatBytes(response.size)}${response.truncated ? ' (truncated)' : ''} · ${timingSummary(trace.timings)}`);
  return lines.join('\n');
}
