/** Every rule, in the order their findings are listed. Adding a rule means adding it here and a docs page. */
import { invalidEtag } from './invalid-etag';
import { missingPrecondition } from './missing-precondition';
import { staleEtag } from './stale-etag';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  missingPrecondition,
  staleEtag,
  invalidEtag,
];

/** The pseudo-rule under which `.http` syntax problems are reported and configured. */
export const SYNTAX_RULE_ID = 'http-syntax';

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
