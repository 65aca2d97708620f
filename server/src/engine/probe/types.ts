/**
 * What `etag-guard probe` finds out about a server's precondition support, as plain JSON: the CLI prints it
 * (`--format json`), the editor renders it, `.etag-guard/probes.json` keeps it per workspace as evidence for the
 * linter, and the 412 incident report appends it. Pure types; the probe itself lives in server/src/runner/probe.
 */

/** One check's verdict. `skipped` always says why in the summary (no ETag, PUT not allowed, no `--write`…). */
export type ProbeStatus = 'pass' | 'fail' | 'warn' | 'info' | 'skipped';

export const READ_CHECK_IDS = [
  'etag-present', 'etag-strong', 'etag-stable', 'last-modified-present', 'if-none-match-get', 'if-match-get-mismatch',
  'encoding-changes-etag', 'vary-accept-encoding', 'cache-in-path',
] as const;

export const WRITE_CHECK_IDS = [
  'if-match-mismatch-write', 'if-unmodified-since-past-write', 'if-none-match-star-existing', 'if-match-current-write',
  'etag-on-write-response', 'weak-after-write', 'precondition-required',
] as const;

export type ReadCheckId = (typeof READ_CHECK_IDS)[number];
export type WriteCheckId = (typeof WRITE_CHECK_IDS)[number];
export type ProbeCheckId = ReadCheckId | WriteCheckId;

export interface ProbeCheck {
  id: ProbeCheckId;
  status: ProbeStatus;
  /** One sentence: what was seen and what it means. */
  summary: string;
  /** The exchanges behind the verdict, one line each (`PUT /x If-Match: "…" → 412`), credentials masked. */
  evidence: string[];
}

/** The result of one probe run: the `--format json` document. */
export interface ProbeResult {
  /** The URL probed, secret query parameters masked. */
  url: string;
  checks: ProbeCheck[];
  /** ISO 8601, when the probe started. */
  probedAt: string;
  /** True when the write checks ran (`--write`, or confirmed in the editor). */
  wrote: boolean;
  /** e.g. `etag-guard 0.1.0`. */
  tool: string;
}
