/**
 * Every rule id the linter can emit. The model checks run in this order; the notices lintCode emits instead of
 * analysing a file are listed after them. Adding a rule means adding it here and a docs page (a test checks).
 */
import { codeParser } from './code-parser';
import { etagFromOtherResource } from './etag-from-other-resource';
import { fileTooLarge } from './file-too-large';
import { partTooLarge } from './part-too-large';
import { tooManyFindings } from './too-many-findings';
import { hardcodedEtag } from './hardcoded-etag';
import { httpSyntax } from './http-syntax';
import { ignoredPrecondition } from './ignored-precondition';
import { invalidEtag } from './invalid-etag';
import { invalidHttpDate } from './invalid-http-date';
import { invertedPrecondition } from './inverted-precondition';
import { missingPrecondition } from './missing-precondition';
import { staleEtag } from './stale-etag';
import { unknownReference } from './unknown-reference';
import { variableTooLarge } from './variable-too-large';
import { weakEtagInIfMatch } from './weak-etag-in-if-match';
import { wildcardIfMatch } from './wildcard-if-match';
import type { Rule, RuleInfo } from './types';

/** The rules that check a document model. */
export const RULES: readonly Rule[] = [
  httpSyntax,
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
  variableTooLarge,
];

/** The notices emitted when a client-code file is not analysed at all. */
export const NOT_ANALYSED: readonly RuleInfo[] = [fileTooLarge, codeParser];

/** Every rule id the linter can emit, with its default level and summary (docs, SARIF, settings, `--rule`). */
export const ALL_RULES: readonly RuleInfo[] = [...RULES, ...NOT_ANALYSED, tooManyFindings, partTooLarge];

/** The rule under which `.http` syntax problems are reported and configured. */
export const SYNTAX_RULE_ID = httpSyntax.id;

export function ruleById(id: string): RuleInfo | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
