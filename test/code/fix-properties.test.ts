/**
 * Property tests of the client-code fixes (issue #14) over formatting variants, for every library the rules
 * know: after `--fix`'s loop the text parses (tree-sitter, and esbuild for JS/TS), the write carries exactly
 * one If-Match, a write that had a preferred fix has no finding left, and fixing again changes nothing.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { transformSync } from 'esbuild';
import { DEFAULT_CONFIG, fixUntilStable, lintCode, preferredFix, type CodeParsers } from '../../server/src/engine';
import { testParsers } from './parsers';
import { jsSamples, layouts, pySamples, type Sample } from './fix-layouts';

let parsers: CodeParsers;

const LOADER = { javascript: 'js', javascriptreact: 'jsx', typescript: 'ts', typescriptreact: 'tsx' } as const;

function checkSample(sample: Sample): void {
  const relint = (t: string) => lintCode(t, sample.language, DEFAULT_CONFIG, parsers);
  const first = relint(sample.text);
  assert.equal(first.syntaxErrors, 0, `the generated sample parses:\n${sample.text}`);
  const fixable = first.findings.filter((f) => f.ruleId === 'missing-precondition' && preferredFix(f));
  // Node's http.request has no read idiom to insert, so no preferred fix; every other library has one.
  if (sample.library !== 'node-http') assert.equal(fixable.length, 1, `one fixable finding in the ${sample.library} sample:\n${sample.text}`);
  const run = fixUntilStable(sample.text, relint, first);
  const context = `\n--- before\n${sample.text}\n--- after\n${run.output}`;
  assert.ok(run.converged, `fixing settles${context}`);
  assert.equal(run.result.syntaxErrors, 0, `the fixed text parses (tree-sitter)${context}`);
  if (sample.language !== 'python') {
    assert.doesNotThrow(() => transformSync(run.output, { loader: LOADER[sample.language as keyof typeof LOADER] }), `esbuild parses the fixed text${context}`);
  }
  assert.ok((run.output.match(/If-Match/g) ?? []).length <= 1, `at most one If-Match${context}`);
  // A sample the rule fixes loses its finding (a local headers variable gets the header set on it before the write).
  if (fixable.length > 0) {
    assert.deepEqual(run.result.findings.filter((f) => f.ruleId === 'missing-precondition').map((f) => f.message), [], `the finding is gone${context}`);
    assert.ok(run.applied > 0, `a fix was applied${context}`);
  }
  if (run.output.includes('\r\n')) assert.ok(!/[^\r]\n/.test(run.output), `CRLF stays CRLF${context}`);
  const again = fixUntilStable(run.output, relint, run.result);
  assert.equal(again.output, run.output, `fixing again changes nothing${context}`);
}

describe('client-code fixes over formatting variants (property)', () => {
  before(async () => {
    parsers = await testParsers();
  });

  it('JS/TS: fetch, undici, axios, got, ky, superagent, https.request', () => {
    fc.assert(fc.property(layouts, (layout) => {
      for (const sample of jsSamples(layout)) checkSample(sample);
    }), { numRuns: 60 });
  });

  it('Python: requests, httpx (module and client), aiohttp', () => {
    fc.assert(fc.property(layouts, (layout) => {
      for (const sample of pySamples(layout)) checkSample(sample);
    }), { numRuns: 60 });
  });

  it('two writes in one block fixed in the same pass get their own names (no redeclared const)', () => {
    const text = [
      'export async function sync(u: string, v: string) {',
      '  await fetch(u, { method: "PUT", body: "a" });',
      '  await fetch(v, { method: "DELETE" });',
      '}',
      '',
    ].join('\n');
    const relint = (t: string) => lintCode(t, 'typescript', DEFAULT_CONFIG, parsers);
    const run = fixUntilStable(text, relint);
    assert.equal(run.applied, 2);
    assert.equal(run.passes, 1, 'both in one pass');
    assert.match(run.output, /const current = await fetch\(u\);[\s\S]*const current2 = await fetch\(v\);/);
    // esbuild rejects a redeclared const in one block; tree-sitter would not notice.
    assert.doesNotThrow(() => transformSync(run.output, { loader: 'ts' }));
  });
});
