/**
 * The trace of one run: the exact request sent (method, URL, headers after substitution — the HTTP client's
 * own `Host`/`Connection` included when the wire tap saw them —, body size and a preview) and the response
 * (status, HTTP version, headers, size, timings, remote address), secrets always masked. Plain JSON, so the
 * history keeps it and the report embeds it.
 */
import { maskHeaderPairs, maskHeaderRecord, maskUrl } from '../executor/mask';
import type { Exchange, ResponseHeaders, Timings } from '../executor/types';
import { bodyPreview } from './body-preview';
import type { TraceConnection, WireRecord, WireTap } from './wire-tap';

export type { TraceConnection };

export interface TraceRequest {
  method: string;
  url: string;
  httpVersion?: string;
  headers: [string, string][];
  bodySize: number;
  bodyPreview?: string;
  bodyTruncated?: boolean;
}

export interface TraceResponse {
  status: number;
  statusText: string;
  headers: ResponseHeaders;
  size: number;
  truncated: boolean;
}

export interface Trace {
  /** Epoch ms when the run started. */
  startedAt: number;
  name?: string;
  /** 0-based request line in its file. */
  line: number;
  request: TraceRequest;
  /** Redirect hops before the final response. */
  redirects: { url: string; status: number }[];
  response?: TraceResponse;
  connection?: TraceConnection;
  timings: Timings;
  error?: string;
}

/** Headers the HTTP client writes itself; shown in the trace, they are not part of the request file. */
const CLIENT_HEADERS = new Set(['host', 'connection']);

/** The trace of `exchange`; pass the wire tap to add the HTTP version, client headers and addresses. */
export function traceOf(exchange: Exchange, tap?: WireTap): Trace {
  const sent = exchange.request;
  const wire = exchange.attempts.length > 0 ? tap?.lookup(sent.method, sent.url) : undefined;
  const body = bodyPreview(sent.body);
  const response = exchange.response;
  return {
    startedAt: exchange.startedAt,
    name: exchange.name,
    line: exchange.line,
    request: {
      method: sent.method,
      url: maskUrl(sent.url),
      httpVersion: wire?.httpVersion,
      headers: maskHeaderPairs([...clientHeaders(wire), ...sent.headers]),
      bodySize: body.size,
      ...(body.preview !== undefined ? { bodyPreview: body.preview } : {}),
      ...(body.truncated ? { bodyTruncated: true } : {}),
    },
    redirects: exchange.attempts.slice(0, -1).map((a) => ({ url: maskUrl(a.url), status: a.status })),
    response: response && {
      status: response.status, statusText: response.statusText, headers: maskHeaderRecord(response.headers),
      size: response.size, truncated: response.truncated,
    },
    connection: wire && connectionOf(wire),
    timings: { ...exchange.timings },
    error: exchange.error?.message,
  };
}

function clientHeaders(wire: WireRecord | undefined): [string, string][] {
  return (wire?.headers ?? []).filter(([n]) => CLIENT_HEADERS.has(n.toLowerCase()));
}

function connectionOf(wire: WireRecord): TraceConnection {
  const { remoteAddress, remotePort, family, localAddress, localPort, tls } = wire;
  return { remoteAddress, remotePort, family, localAddress, localPort, ...(tls ? { tls } : {}) };
}
