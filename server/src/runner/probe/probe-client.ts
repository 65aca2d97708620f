/**
 * The probe's requests, through the runner's own executor (`sendOnce`: the session's keep-alive undici pool,
 * its timeouts, TLS policy and cookie jar). Every request carries the user's headers (credentials, API keys)
 * minus those the probe itself decides (preconditions, Accept-Encoding, the body's headers), plus
 * `Cache-Control: no-cache` so a cache in the path must ask the origin. Each exchange becomes one evidence line,
 * credentials masked.
 */
import { maskHeaderValue, maskUrl } from '../executor/mask';
import { sendOnce, type SendLimits } from '../executor/send';
import type { Session } from '../executor/session';
import type { ResponseHeaders } from '../executor/types';

/** What is probed: the URL and the user's own headers (`-H`, or the request's headers in the editor). */
export interface ProbeTarget {
  url: URL;
  headers: [string, string][];
}

export interface ProbeReply {
  status: number;
  headers: ResponseHeaders;
  body: Buffer;
  truncated: boolean;
  /** The evidence line: `PUT /doc.txt with If-Match: "…" → 412`. */
  line: string;
}

/** Headers the probe sets itself; the user's values for them are dropped. */
const PROBE_OWNED = /^(if-match|if-none-match|if-unmodified-since|if-modified-since|if-range|range|accept-encoding|cache-control|content-type|content-length|content-encoding|transfer-encoding|host|connection|expect)$/i;

export class ProbeClient {
  /** Every response received, for the checks that look at all of them (cache-in-path). */
  readonly replies: ProbeReply[] = [];
  /** Methods sent, in order: the read-only guarantee is checked against it. */
  readonly methods: string[] = [];

  constructor(private readonly session: Session, readonly target: ProbeTarget, private readonly limits: SendLimits) {}

  /** GET with the given probe headers; identity encoding unless `headers` says otherwise. */
  get(headers: [string, string][] = []): Promise<ProbeReply> {
    return this.send('GET', headers);
  }

  /** PUT `body` (bytes read from the server) with `contentType` and the given probe headers. */
  put(body: Buffer, contentType: string | undefined, headers: [string, string][] = []): Promise<ProbeReply> {
    return this.send('PUT', [...(contentType ? [['Content-Type', contentType] as [string, string]] : []), ...headers], body);
  }

  private async send(method: string, probeHeaders: [string, string][], body?: Buffer): Promise<ProbeReply> {
    const own = probeHeaders.some(([n]) => n.toLowerCase() === 'accept-encoding') ? [] : [['Accept-Encoding', 'identity'] as [string, string]];
    const headers: [string, string][] = [
      ...this.target.headers.filter(([n]) => !PROBE_OWNED.test(n)), ...own, ['Cache-Control', 'no-cache'], ...probeHeaders,
    ];
    this.methods.push(method);
    const hop = await sendOnce(this.session, { method, url: this.target.url, headers, body }, this.limits);
    const reply = { status: hop.status, headers: hop.headers, body: hop.body, truncated: hop.truncated, line: '' };
    reply.line = evidenceLine(method, this.target.url, probeHeaders.filter(([n]) => n.toLowerCase() !== 'content-type'), reply, body);
    this.replies.push(reply);
    return reply;
  }
}

/** The first value of a response header. */
export function header(reply: { headers: ResponseHeaders }, name: string): string | undefined {
  const v = reply.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function evidenceLine(method: string, url: URL, shown: [string, string][], reply: Omit<ProbeReply, 'line'>, body: Buffer | undefined): string {
  const path = maskUrl(url.href).slice(url.origin.length) || '/';
  const sent = shown.map(([n, v]) => `${n}: ${maskHeaderValue(n, v)}`);
  if (body) sent.push(`${body.length} bytes`);
  const seen = ['etag', 'content-encoding', 'vary', 'last-modified'].map((h) => [h, header(reply, h)]).filter(([, v]) => v !== undefined);
  const answer = seen.length > 0 ? ` (${seen.map(([n, v]) => `${n}: ${v}`).join(', ')})` : '';
  return `${method} ${path}${sent.length > 0 ? ` with ${sent.join(', ')}` : ''} → ${reply.status}${answer}`;
}
