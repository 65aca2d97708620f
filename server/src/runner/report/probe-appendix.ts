/**
 * The appendix of the 412 incident report: the stored probe of each failing request's server (the same origin
 * and path first, else another path of that origin), so the API provider sees, beside the failure, whether the
 * server honours If-Match at all. Pure; the caller reads `.etag-guard/probes.json` (runner/probe/store.ts).
 */
import { evidenceFor, type ProbeEvidence } from '../../engine/probe/evidence';
import { renderProbeMarkdown } from '../probe/render-markdown';
import type { Incident } from './incident';

/** The appendix lines, or none when no stored probe concerns the incidents. */
export function probeAppendix(incidents: readonly Incident[], probes: readonly ProbeEvidence[]): string[] {
  const chosen: ProbeEvidence[] = [];
  for (const incident of incidents) {
    const best = evidenceFor(probes, incident.failing.request.url)[0];
    if (best && !chosen.includes(best)) chosen.push(best);
  }
  if (chosen.length === 0) return [];
  const out = ['', '## Appendix: server precondition support', '',
    'Stored results of `etag-guard probe` for the servers above (docs/probe.md): how the server treats preconditions, independently of this run.'];
  for (const entry of chosen) out.push('', renderProbeMarkdown(entry.result, 3).trimEnd());
  return out;
}
