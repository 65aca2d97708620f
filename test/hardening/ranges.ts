/** Range checks shared by the property tests: every range a finding, fix or request carries must lie inside its document. */
import * as assert from 'node:assert/strict';
import type { LintResult, Range } from '../../server/src/engine';
import { lineLengths } from './inputs';

/** Fails when `range` starts or ends outside a document whose lines have `lengths`, or runs backwards. */
export function assertInside(range: Range, lengths: readonly number[], what: string): void {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  assert.ok(ok(range.start) && ok(range.end), `${what} range ${JSON.stringify(range)} is outside the document`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what} range is reversed`);
}

/** Fails when a rule threw or a finding or fix edit of `result` reaches outside `text`. */
export function assertSoundResult(result: LintResult, text: string): void {
  assert.deepEqual(result.failures, [], 'no rule may throw');
  const lengths = lineLengths(text);
  for (const f of result.findings) {
    assertInside(f.range, lengths, f.ruleId);
    for (const fix of f.fixes) for (const e of fix.edits) assertInside(e.range, lengths, `${f.ruleId} fix`);
  }
}
