/** Test helpers for rules on `.http` fixtures: check the annotated findings, then apply a fix and re-lint. */
import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../text/edits';
import type { EngineConfig } from '../config/config';
import { DEFAULT_CONFIG, mergeConfig } from '../config/config';
import { lintHttp, type LintFinding } from '../lint';
import { assertFindings, readFixture } from './fixture';

export function configWith(raw: Record<string, unknown> = {}): EngineConfig {
  return mergeConfig(DEFAULT_CONFIG, raw);
}

/** `--strict`: every unguarded write warns, evidence or not (fixtures about guards and fixes use it). */
export const STRICT = configWith({ strict: true });

/** Lints an annotated `.http` fixture and asserts exactly the annotated findings of `ruleId` appear. */
export function checkHttpFixture(ruleId: string, fixture: string, config: EngineConfig = DEFAULT_CONFIG): { text: string; findings: LintFinding[] } {
  const { text, expected } = readFixture(fixture);
  const { findings } = lintHttp(text, config);
  assertFindings(findings, expected, [ruleId]);
  return { text, findings };
}

/**
 * Applies the fix titled `title` (a prefix is enough) of the first finding of `ruleId`, and returns the new
 * text after asserting `ruleId` no longer fires on that request.
 */
export function applyHttpFix(text: string, ruleId: string, title: string, config: EngineConfig = DEFAULT_CONFIG): string {
  const { findings } = lintHttp(text, config);
  const finding = findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding`);
  const fix = finding.fixes.find((f) => f.title.startsWith(title));
  assert.ok(fix, `no fix titled "${title}"; fixes: ${finding.fixes.map((f) => f.title).join(' | ')}`);
  const fixed = applyTextEdits(text, fix.edits);
  const after = lintHttp(fixed, config).findings.filter((f) => f.ruleId === ruleId);
  assert.equal(after.length, findings.filter((f) => f.ruleId === ruleId).length - 1, `${ruleId} still fires after "${fix.title}":\n${fixed}`);
  return fixed;
}
