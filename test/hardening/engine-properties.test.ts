/**
 * Property tests (issue #9): the parser and every rule are total (never throw), keep every range inside the
 * document, and are deterministic, on random and pathological input.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG, lintHttp, mergeConfig, RULES } from '../../server/src/engine';
import { httpDocument, lineLengths, pathologicalInputs } from './inputs';
import { assertInside, assertSoundResult } from './ranges';
import { rangeOf } from '../../server/src/engine/text/span';

const ALL_RULES_ON = mergeConfig(DEFAULT_CONFIG, { rules: Object.fromEntries(RULES.map((r) => [r.id, 'warning'])), includePost: true });

function checkDocument(text: string): void {
  const result = lintHttp(text, ALL_RULES_ON);
  assertSoundResult(result, text);
  const lengths = lineLengths(text);
  for (const r of result.file.requests) assertInside(rangeOf(r.range), lengths, 'request');
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
    // A hang (super-linear work on the input) fails the test instead of stalling the run.
    it(`survives ${name}`, { timeout: 60_000 }, () => checkDocument(text));
  }
});
