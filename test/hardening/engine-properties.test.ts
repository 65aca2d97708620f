/**
 * Property tests (issue #9): the parser and every rule are total (never throw), keep every range inside the
 * document, and are deterministic, on random and pathological input.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG, lintHttp, mergeConfig, RULES, type Range } from '../../server/src/engine';
import { httpDocument, lineLengths, pathologicalInputs } from './inputs';

const ALL_RULES_ON = mergeConfig(DEFAULT_CONFIG, { rules: Object.fromEntries(RULES.map((r) => [r.id, 'warning'])), includePost: true });

function assertInside(range: Range, lengths: readonly number[], what: string): void {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  assert.ok(ok(range.start) && ok(range.end), `${what} range ${JSON.stringify(range)} is outside the document`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what} range is reversed`);
}

function checkDocument(text: string): void {
  const result = lintHttp(text, ALL_RULES_ON);
  assert.deepEqual(result.failures, [], 'no rule may throw');
  const lengths = lineLengths(text);
  for (const f of result.findings) {
    assertInside(f.range, lengths, f.ruleId);
    for (const fix of f.fixes) for (const e of fix.edits) assertInside(e.range, lengths, `${f.ruleId} fix`);
  }
  for (const r of result.file.requests) assertInside(r.range, lengths, 'request');
}

describe('engine properties', () => {
  it('is total and keeps ranges inside the document on random input', () => {
    fc.assert(fc.property(httpDocument, (text) => checkDocument(text)), { numRuns: 400, seed: 20261126 });
  });

  it('is deterministic', () => {
    fc.assert(fc.property(httpDocument, (text) => {
      const strip = (t: string) => JSON.stringify(lintHttp(t, ALL_RULES_ON).findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => x.edits) })));
      assert.equal(strip(text), strip(text));
    }), { numRuns: 100, seed: 7 });
  });

  for (const [name, text] of Object.entries(pathologicalInputs())) {
    it(`survives ${name}`, () => checkDocument(text));
  }
});
