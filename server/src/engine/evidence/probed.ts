/**
 * `etag-guard probe` results (`.etag-guard/probes.json`, see docs/probe.md) as evidence: a probe that saw a
 * validator says the origin versions what it serves; one that saw If-Match ignored on a write says a
 * precondition cannot protect it there. A probe is of one path: it counts for that route on that origin.
 */
import type { ProbeEvidence } from '../probe/evidence';
import { routeOf, routesMatch } from './route';
import type { Evidence, EvidenceSource, WriteTarget } from './types';

export function probeSource(entries: readonly ProbeEvidence[]): EvidenceSource {
  const probes = entries.map((p) => ({ p, route: routeOf(p.path) }));
  return {
    name: 'probe',
    lookup(target: WriteTarget): Evidence[] {
      const found: Evidence[] = [];
      for (const { p, route } of probes) {
        if (p.origin.toLowerCase() !== target.origin || !routesMatch(route, target.route)) continue;
        const when = /T(\d\d:\d\d)/.exec(p.probedAt)?.[1] ?? p.probedAt;
        if (p.facts.ifMatchOnWrite === 'ignored') {
          found.push({ kind: 'observed', verdict: 'unversioned', at: p.probedAt, sentence: `the probe of ${p.path} at ${when} saw If-Match ignored on a write` });
        } else if (p.facts.versioned || p.facts.preconditionRequired) {
          const what = p.facts.preconditionRequired ? 'answered 428 to an unconditional write' : `returned ${p.facts.etag === 'none' ? 'Last-Modified' : 'an ETag'}`;
          found.push({ kind: 'observed', verdict: 'versioned', at: p.probedAt, sentence: `the probe of ${p.path} at ${when}: the server ${what}` });
        }
      }
      return found;
    },
  };
}
