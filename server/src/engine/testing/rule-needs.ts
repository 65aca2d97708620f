/**
 * For tests of the rules' `needs` (rules/types.ts): the rules as whole-file checks, each called on every request, to
 * compare with the whole-file walk that skips a rule on the requests lacking what it needs.
 */
import type { EngineConfig } from '../config/config';
import { DEFAULT_CONFIG, mergeConfig } from '../config/config';
import { RULES } from '../rules/registry';
import type { Rule } from '../rules/types';

/** The rules as whole-file checks: each called on every request, needs or not. */
export const EVERY_REQUEST: readonly Rule[] = RULES.map((r) => (r.perRequest ? { ...r, perRequest: undefined } : r));

/** Findings with their fixes (deferred ones built), as text to compare. */
export function findingsText(findings: readonly object[]): string {
  return JSON.stringify(findings, null, 1);
}

/** The configurations that change which requests are writes and which writes are judged. */
export const NEEDS_CONFIGS: ReadonlyArray<readonly [string, EngineConfig]> = [
  ['default', DEFAULT_CONFIG],
  ['strict', mergeConfig(DEFAULT_CONFIG, { strict: true })],
  ['includePost', mergeConfig(DEFAULT_CONFIG, { includePost: true, strict: true })],
];
