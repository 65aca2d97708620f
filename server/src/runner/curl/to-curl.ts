/**
 * A request as a curl command that sends the same bytes: `-X` for the method, one `-H` per header in order,
 * `--data-binary` for the body (sent byte for byte), POSIX shell quoting. Pure.
 */
import { maskHeaderValue, maskUrl } from '../executor/mask';
import { shellQuote } from './shell-words';

/** What a curl command needs: the resolved request. */
export interface CurlRequest {
  method: string;
  url: string;
  headers: readonly [string, string][];
  /** A text body, sent as is. */
  body?: string;
  /** A body read from this file instead (`--data-binary @file`). */
  bodyFile?: string;
}

export interface ToCurlOptions {
  /** Replace credentials (Authorization, cookies, token-like headers and query parameters) with •••. */
  mask?: boolean;
  /** One option per line with `\` continuations (default), or all on one line. */
  multiline?: boolean;
}

/** Headers curl computes itself: sending them from the request would be wrong once the body is re-encoded. */
const COMPUTED = new Set(['content-length', 'transfer-encoding', 'connection']);

/** The curl command for `request`. */
export function toCurl(request: CurlRequest, options: ToCurlOptions = {}): string {
  const method = request.method.toUpperCase();
  const url = options.mask ? maskUrl(request.url) : request.url;
  const hasBody = request.body !== undefined || request.bodyFile !== undefined;
  const parts: string[][] = [];
  // curl treats [] and {} in URLs as glob patterns unless told not to.
  if (/[[\]{}]/.test(url)) parts.push(['--globoff']);
  if (method === 'HEAD') parts.push(['--head']);
  else if (method !== (hasBody ? 'POST' : 'GET')) parts.push(['-X', method]);
  parts.push([url]);
  const headers = request.headers.filter(([n]) => !COMPUTED.has(n.toLowerCase()));
  for (const [name, value] of headers) parts.push(['-H', `${name}: ${options.mask ? maskHeaderValue(name, value) : value}`]);
  if (hasBody && !headers.some(([n]) => n.toLowerCase() === 'content-type')) {
    // `--data-binary` adds Content-Type: application/x-www-form-urlencoded; the request had none.
    parts.push(['-H', 'Content-Type:']);
  }
  if (request.bodyFile !== undefined) parts.push(['--data-binary', `@${request.bodyFile}`]);
  // A literal body that starts with @ would name a file to --data-binary; --data-raw sends it as written.
  else if (request.body !== undefined) parts.push([request.body.startsWith('@') ? '--data-raw' : '--data-binary', request.body]);
  const words = parts.map((p) => p.map(shellQuote).join(' '));
  return `curl ${words.join(options.multiline === false ? ' ' : ' \\\n  ')}`;
}
