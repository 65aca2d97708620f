/**
 * What every check gets: the client, the first two reads of the resource, whether writes are allowed, and
 * small helpers to build a verdict. Checks are `(context) => Promise<ProbeCheck[]>` (see checks.ts).
 */
import { randomUUID } from 'node:crypto';
import type { ProbeCheck, ProbeCheckId, ProbeStatus } from '../../engine/probe/types';
import { parseEntityTag, type EntityTag } from '../../engine/semantics/entity-tag';
import { header, type ProbeClient, type ProbeReply } from './probe-client';

export interface ProbeContext {
  client: ProbeClient;
  /** The first GET (identity encoding). */
  first: ProbeReply;
  /** A second GET: after the weak window when the first tag was weak right after a write. */
  settled: ProbeReply;
  /** A GET with Accept-Encoding: gzip (the encoding checks compare it with `settled`). */
  gzip: ProbeReply;
  /** Write checks may run (`--write`, or confirmed in the editor). */
  write: boolean;
  /** Why write checks do not run when `write` is false. */
  noWriteReason: string;
  wait(ms: number): Promise<void>;
}

export type Check = (context: ProbeContext) => Promise<ProbeCheck[]>;

/** A verdict. */
export function verdict(id: ProbeCheckId, status: ProbeStatus, summary: string, evidence: string[] = []): ProbeCheck {
  return { id, status, summary, evidence };
}

/** The response's ETag, parsed; undefined when absent or malformed. */
export function etagOf(reply: ProbeReply): EntityTag | undefined {
  const raw = header(reply, 'etag');
  if (raw === undefined) return undefined;
  const tag = parseEntityTag(raw.trim());
  return 'opaque' in tag ? tag : undefined;
}

/** An entity-tag no server can hold for this resource: a wrong If-Match. */
export function mismatchTag(): string {
  return `"etag-guard-probe-${randomUUID().slice(0, 8)}"`;
}

/** True for 2xx. */
export function ok(status: number): boolean {
  return status >= 200 && status < 300;
}
