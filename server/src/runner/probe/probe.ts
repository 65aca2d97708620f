/**
 * `etag-guard probe`: does this server honour preconditions? Reads the resource (twice, waiting out a weak
 * window after a recent write, and once with gzip), runs the read-only checks, then — only when writes are
 * allowed — the write checks, which PUT back exactly the bytes the server holds. VS Code-free: the CLI and the
 * editor's "Check Server Precondition Support" both call `runProbe`.
 */
import type { ProbeCheck, ProbeResult } from '../../engine/probe/types';
import { maskUrl } from '../executor/mask';
import type { SendLimits } from '../executor/send';
import type { Session } from '../executor/session';
import { etagOf, ok, type Check, type ProbeContext } from './context';
import { ifMatchGetMismatch, ifNoneMatchGet } from './conditional-read-checks';
import { cacheInPath, encodingChangesEtag, varyAcceptEncoding } from './encoding-checks';
import { header, ProbeClient, type ProbeReply, type ProbeTarget } from './probe-client';
import { etagPresent, etagStable, etagStrong, lastModifiedPresent } from './validator-checks';
import { writeChecks } from './write-phase';

export interface ProbeOptions {
  /** Run the write checks. */
  write: boolean;
  /** Why not, for the skipped write checks (default: "read-only run: pass --write"). */
  noWriteReason?: string;
  limits: SendLimits;
  /** e.g. `etag-guard 0.1.0`. */
  tool: string;
  wait?: (ms: number) => Promise<void>;
}

/** The probe cannot start: the URL does not answer a GET with 2xx. */
export class ProbeError extends Error {}

/** Read-only checks, in report order; cache-in-path last, so it sees every response. */
const READ_CHECKS: Check[] = [
  etagPresent, etagStrong, etagStable, lastModifiedPresent, ifNoneMatchGet, ifMatchGetMismatch, encodingChangesEtag, varyAcceptEncoding,
];

/** Probes `target`. Throws ProbeError when the resource cannot be read, RunnerError for network failures. */
export async function runProbe(session: Session, target: ProbeTarget, options: ProbeOptions): Promise<{ result: ProbeResult; methods: string[] }> {
  const probedAt = new Date().toISOString();
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const client = new ProbeClient(session, target, options.limits);
  const first = await client.get();
  if (!ok(first.status)) throw new ProbeError(`GET ${maskUrl(target.url.href)} answered ${first.status}${redirectNote(first)}: the probe needs a resource that exists and can be read.`);
  // Apache marks a just-written file's ETag weak for about a second: read again once it has passed.
  if (etagOf(first)?.weak && recentlyModified(first)) await wait(1100);
  const settled = await client.get();
  const gzip = await client.get([['Accept-Encoding', 'gzip']]);
  const context: ProbeContext = {
    client, first, settled, gzip, write: options.write, wait,
    noWriteReason: options.noWriteReason ?? 'Read-only run: pass --write to send PUTs that write back the bytes the server holds.',
  };
  const checks: ProbeCheck[] = [];
  for (const check of READ_CHECKS) checks.push(...await check(context));
  const writes = await writeChecks(context);
  checks.push(...await cacheInPath(context), ...writes);
  return { result: { url: maskUrl(target.url.href), checks, probedAt, wrote: options.write, tool: options.tool }, methods: client.methods };
}

/** Last-Modified within two seconds of the server's Date: the resource was just written. */
function recentlyModified(reply: ProbeReply): boolean {
  const modified = Date.parse(header(reply, 'last-modified') ?? '');
  const date = Date.parse(header(reply, 'date') ?? '');
  return Number.isFinite(modified) && (!Number.isFinite(date) || date - modified <= 2000);
}

function redirectNote(reply: ProbeReply): string {
  const location = header(reply, 'location');
  return location && reply.status >= 300 && reply.status < 400 ? ` (redirect to ${location}: probe that URL)` : '';
}
