/**
 * What undici put on the wire, from its diagnostics channel `undici:client:sendHeaders`: the request line
 * with the HTTP version, the header block as written (including the `host` and `connection` headers undici
 * adds itself), and the socket's remote and local address. The executor's own result has none of these.
 * Records are keyed by method and URL and kept for the most recent 256 requests; two identical requests in
 * flight at the same moment to different addresses of one host could be confused (only the address differs).
 */
import * as diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** One request as the HTTP client wrote it. */
/** Where the connection went; absent when the tap did not see the request (it was not started). */
export interface TraceConnection {
  remoteAddress?: string;
  remotePort?: number;
  /** `IPv4` / `IPv6`. */
  family?: string;
  localAddress?: string;
  localPort?: number;
  /** TLS protocol (`TLSv1.3`) when the connection is encrypted. */
  tls?: string;
}

export interface WireRecord extends TraceConnection {
  /** `PUT /dav/a.txt HTTP/1.1`. */
  requestLine: string;
  httpVersion: string;
  /** The header block as written, in order. */
  headers: [string, string][];
}

interface SendHeadersMessage {
  request: { method: string; origin: string | URL; path: string };
  headers: string;
  socket: Socket & { alpnProtocol?: string | false; getProtocol?: () => string | null };
}

const CHANNEL = 'undici:client:sendHeaders';
const CAPACITY = 256;

/** Listens to undici while started; `lookup` finds the record of a request that was sent. */
export class WireTap {
  private readonly records = new Map<string, WireRecord>();
  private started = false;
  private readonly listener = (message: unknown) => this.record(message as SendHeadersMessage);

  start(): void {
    if (this.started) return;
    diagnosticsChannel.subscribe(CHANNEL, this.listener);
    this.started = true;
  }

  stop(): void {
    if (!this.started) return;
    diagnosticsChannel.unsubscribe(CHANNEL, this.listener);
    this.started = false;
  }

  /** The latest record for `method url`, if that request went out while the tap was started. */
  lookup(method: string, url: string): WireRecord | undefined {
    return this.records.get(keyOf(method, url));
  }

  private record({ request, headers, socket }: SendHeadersMessage): void {
    const origin = typeof request.origin === 'string' ? request.origin : request.origin.origin;
    const key = keyOf(request.method, origin + request.path);
    const [requestLine, ...lines] = headers.split('\r\n').filter((l) => l !== '');
    const alpn = socket.alpnProtocol;
    this.records.delete(key);
    this.records.set(key, {
      requestLine,
      httpVersion: alpn === 'h2' ? 'HTTP/2' : (/ (HTTP\/[\d.]+)$/.exec(requestLine)?.[1] ?? 'HTTP/1.1'),
      headers: lines.map((l) => {
        const colon = l.indexOf(':');
        return [l.slice(0, colon), l.slice(colon + 1).trim()];
      }),
      remoteAddress: socket.remoteAddress, remotePort: socket.remotePort, family: socket.remoteFamily,
      localAddress: socket.localAddress, localPort: socket.localPort, tls: socket.getProtocol?.() ?? undefined,
    });
    if (this.records.size > CAPACITY) this.records.delete(this.records.keys().next().value!);
  }
}

function keyOf(method: string, url: string): string {
  let normal = url;
  try {
    normal = new URL(url).href;
  } catch {
    // keep it as given
  }
  return `${method.toUpperCase()} ${normal}`;
}

let shared: WireTap | undefined;

/** The process's tap, started on first use (the CLI with --trace, the extension at activation). */
export function wireTap(): WireTap {
  shared ??= new WireTap();
  shared.start();
  return shared;
}
