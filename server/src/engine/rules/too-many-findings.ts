/**
 * too-many-findings: a large `.http` file (linted in slices) reports at most `MAX_FINDINGS_PER_LARGE_FILE`
 * findings; one notice at the first finding left out says how many more there are. A 50 MB file of a million
 * flawed requests would otherwise hold a million findings (and their output) in memory: gigabytes, for a list
 * nobody reads past the first screens. Not a model check: the sliced linter emits it.
 */
import type { RuleInfo } from './types';

export const tooManyFindings: RuleInfo = {
  id: 'too-many-findings',
  defaultLevel: 'info',
  summary: 'A large .http file has more findings than are reported for one file; the rest are counted, not listed.',
  languages: ['http'],
};
