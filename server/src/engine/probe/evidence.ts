/**
 * A probe result as linter evidence: the origin and path probed, and the few facts a rule needs ("does this
 * server version the resource, does it honour If-Match on writes"), derived from the checks. The workspace
 * keeps these in `.etag-guard/probes.json` (see server/src/runner/probe/store.ts and docs/probe.md). Pure.
 */
import type { ProbeCheckId, ProbeResult, ProbeStatus } from './types';

export interface ProbeFacts {
  /** The server sent a validator (ETag or Last-Modified) for the resource: clients can guard writes to it. */
  versioned: boolean;
  etag: 'strong' | 'weak' | 'none';
  /** PUT with a wrong If-Match: 412 (`honoured`), written anyway (`ignored`), or not tried / could not run. */
  ifMatchOnWrite: 'honoured' | 'ignored' | 'unknown';
  /** An unconditional PUT got 428; undefined when not tried. */
  preconditionRequired?: boolean;
  /** The gzip representation's ETag fails If-Match (Apache bug 45023). */
  gzipEtagRejected: boolean;
}

/** One entry of the workspace's probe store. */
export interface ProbeEvidence {
  /** `scheme://host[:port]`. */
  origin: string;
  /** The path probed (no query); rules match their write targets against it. */
  path: string;
  /** ISO 8601, as in the result. */
  probedAt: string;
  facts: ProbeFacts;
  result: ProbeResult;
}

/** The facts the checks of `result` establish. */
export function probeFacts(result: ProbeResult): ProbeFacts {
  const status = (id: ProbeCheckId): ProbeStatus | undefined => result.checks.find((c) => c.id === id)?.status;
  const hasEtag = status('etag-present') === 'pass';
  const ifMatch = status('if-match-mismatch-write');
  const required = status('precondition-required');
  return {
    versioned: hasEtag || status('last-modified-present') === 'pass',
    etag: !hasEtag ? 'none' : status('etag-strong') === 'pass' ? 'strong' : 'weak',
    ifMatchOnWrite: ifMatch === 'pass' ? 'honoured' : ifMatch === 'fail' ? 'ignored' : 'unknown',
    // Report only: 428 is `pass`, an accepted unconditional write `info`, never a failure.
    ...(required === 'pass' || required === 'info' ? { preconditionRequired: required === 'pass' } : {}),
    gzipEtagRejected: status('encoding-changes-etag') === 'fail',
  };
}

/** The evidence entry for `result` (the URL's secret query parameters are already masked in the result). */
export function probeEvidence(result: ProbeResult): ProbeEvidence {
  const url = new URL(result.url);
  return { origin: url.origin, path: url.pathname, probedAt: result.probedAt, facts: probeFacts(result), result };
}

/** The entries about `url`: the same origin and path first (newest first), then the rest of that origin. */
export function evidenceFor(entries: readonly ProbeEvidence[], url: string): ProbeEvidence[] {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return [];
  }
  const sameOrigin = entries.filter((e) => e.origin === target.origin).sort((a, b) => b.probedAt.localeCompare(a.probedAt));
  return [...sameOrigin.filter((e) => e.path === target.pathname), ...sameOrigin.filter((e) => e.path !== target.pathname)];
}
