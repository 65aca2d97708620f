/**
 * `.etagguardrc.json` `apis`: what a team states about its own APIs. The most specific matching entry wins
 * (a route over an origin over a host pattern); its word beats every other source, since the team knows.
 */
import { parsePattern, patternMatches, type TargetPattern } from './pattern';
import type { ApiPolicy, Evidence, EvidenceSource, WriteTarget } from './types';

const SENTENCE: Record<ApiPolicy['preconditions'], string> = {
  required: 'requires a precondition (answers 428 without one)',
  supported: 'honours preconditions',
  none: 'keeps no versions: preconditions do not apply',
};

export function policySource(policies: readonly ApiPolicy[]): EvidenceSource {
  const parsed: { policy: ApiPolicy; pattern: TargetPattern; specificity: number }[] = policies.map((policy) => {
    const pattern = parsePattern(policy.match);
    return { policy, pattern, specificity: (pattern.route ? pattern.route.length * 4 : 0) + (pattern.origin ? 2 : 0) + (pattern.host ? 1 : 0) };
  });
  return {
    name: 'config',
    lookup(target: WriteTarget): Evidence[] {
      let best: (typeof parsed)[number] | undefined;
      for (const p of parsed) if (patternMatches(p.pattern, target) && (!best || p.specificity > best.specificity)) best = p;
      if (!best) return [];
      return [{
        kind: 'config', verdict: best.policy.preconditions === 'none' ? 'unversioned' : 'versioned',
        sentence: `.etagguardrc.json says ${best.policy.match} ${SENTENCE[best.policy.preconditions]}`,
      }];
    },
  };
}
