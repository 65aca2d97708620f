/** Every rule, in the order their findings are listed. Adding a rule means adding it here and a docs page. */
import { etagFromOtherResource } from './etag-from-other-resource';
import { hardcodedEtag } from './hardcoded-etag';
import { ignoredPrecondition } from './ignored-precondition';
import { invalidEtag } from './invalid-etag';
import { invalidHttpDate } from './invalid-http-date';
import { invertedPrecondition } from './inverted-precondition';
import { missingPrecondition } from './missing-precondition';
import { staleEtag } from './stale-etag';
import { unknownReference } from './unknown-reference';
import { weakEtagInIfMatch } from './weak-etag-in-if-match';
import { wildcardIfMatch } from './wildcard-if-match';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  missingPrecondition,
  staleEtag,
  hardcodedEtag,
  etagFromOtherResource,
  weakEtagInIfMatch,
  invalidEtag,
  invalidHttpDate,
  ignoredPrecondition,
  invertedPrecondition,
  wildcardIfMatch,
  unknownReference,
];

/** The pseudo-rule under which `.http` syntax problems are reported and configured. */
export const SYNTAX_RULE_ID = 'http-syntax';

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
