/**
 * What the CLI probes: a URL and `-H 'Name: value'` headers, with `{{variables}}` from the selected environment
 * (and `.env`, `$processEnv`, dynamic values) substituted exactly as `etag-guard run` would — they go through
 * the runner's own request builder as a one-request `.http` document.
 */
import * as path from 'node:path';
import { parseHttp } from '../../engine';
import { resolveRequest, type ResolveOptions } from '../curl/resolve';
import { RunnerError } from '../executor/errors';
import type { Session } from '../executor/session';
import type { ProbeTarget } from './probe-client';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Resolves the URL and headers; `cwd` stands in for the request file's folder (`.env`). Header names must be
 * tokens and nothing may hold a line break (it would smuggle lines into the request).
 */
export async function resolveProbeTarget(url: string, pairs: readonly [string, string][], session: Session, cwd: string, options: ResolveOptions): Promise<ProbeTarget> {
  if (/\s/.test(url.trim()) || url.trim() === '') throw new RunnerError('invalid-url', `'${url}' is not a URL.`);
  const bad = pairs.find(([n, v]) => !TOKEN.test(n) || /[\r\n]/.test(v));
  if (bad) throw new RunnerError('invalid-url', `'${bad[0]}' cannot be sent as a header (a name is a token; values hold no line breaks).`);
  const text = [`GET ${url.trim()}`, ...pairs.map(([n, v]) => `${n}: ${v}`), ''].join('\n');
  const file = parseHttp(text);
  const request = file.requests[0];
  if (!request) throw new RunnerError('invalid-url', `'${url}' is not a URL.`);
  const resolved = await resolveRequest({ path: path.join(cwd, 'probe.http'), file }, request, session, options);
  return { url: new URL(resolved.url), headers: resolved.headers.map(([n, v]) => [n, v]) };
}
