/**
 * Client-code analysis on hostile input (issue #9): code in the middle of an edit (syntax errors), random
 * edits of real files (property test), files over `maxCodeFileBytes` (skipped with one info message) and a
 * large single-line minified bundle under the limit (analysed, and in linear time).
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_CONFIG, FILE_TOO_LARGE_ID, lintCode, mergeConfig, type CodeLanguage, type CodeParsers } from '../../server/src/engine';
import { readFixture } from '../../server/src/engine/testing/fixture';
import { testParsers } from '../code/parsers';
import { growthRatio } from './growth';
import { assertSoundResult } from './ranges';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/code');
const fixtureText = (name: string) => readFixture(fs.readFileSync(path.join(FIXTURES, name), 'utf8')).text;

/** Fragments people type: half-finished calls, options, strings and brackets. */
const TYPED = ['fetch(', "{method: 'PUT',", 'headers: {', "'If-Match': ", 'etag', ')', '}', ']', '(', '"', "'", '`', '${', '\n', ',', ';',
  'await ', 'requests.put(', 'headers={', '"If-Match": ', 'json=', 'def f(', ':', '    ', '#', '//', '/*', 'import ', 'from '];

/** One edit: replace `length` characters at a relative position with `insert`. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.constantFrom(...TYPED), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('\r\n', '\r', '\u2028', '\uFEFF', '\u0000')),
});

function applyEdits(text: string, edits: readonly { at: number; length: number; insert: string }[]): string {
  return edits.reduce((t, e) => {
    const at = Math.floor(e.at * t.length);
    return t.slice(0, at) + e.insert + t.slice(at + e.length);
  }, text);
}

describe('client code under hostile input', () => {
  let parsers: CodeParsers;
  before(async () => {
    parsers = await testParsers();
  });
  const lint = (text: string, language: CodeLanguage, config = DEFAULT_CONFIG) => lintCode(text, language, config, parsers);

  it('survives a half-typed TypeScript call and still reports the finished ones', () => {
    const text = "const url = 'https://api.test/items/1';\nawait fetch(url, { method: 'DELETE' });\nawait fetch(url, {method: 'PUT',";
    const result = lint(text, 'typescript');
    assertSoundResult(result, text);
    assert.ok(result.findings.some((f) => f.ruleId === 'missing-precondition' && f.range.start.line === 1), JSON.stringify(result.findings));
  });

  it('survives a half-typed Python call', () => {
    const text = 'import requests\nrequests.delete("https://api.test/items/1")\nrequests.put(';
    const result = lint(text, 'python');
    assertSoundResult(result, text);
    assert.ok(result.findings.some((f) => f.ruleId === 'missing-precondition' && f.range.start.line === 1), JSON.stringify(result.findings));
  });

  it('puts findings on the editor\'s lines when a file has lone CR line ends', () => {
    const text = "const u = '/items/1';\rawait fetch(u, { method: 'DELETE' });\r";
    const result = lint(text, 'typescript');
    assertSoundResult(result, text);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.range.start.line]), [['missing-precondition', 1]]);
  });

  for (const [file, language] of [['fetch.ts', 'typescript'], ['axios.ts', 'typescript'], ['requests.py', 'python'], ['httpx.py', 'python']] as const) {
    it(`never throws and keeps ranges inside the document under random edits of ${file}`, () => {
      const original = fixtureText(file);
      fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const text = applyEdits(original, edits);
        assertSoundResult(lint(text, language), text);
      }), { numRuns: 60, seed: 9 });
    });
  }

  it('skips a file over maxCodeFileBytes with exactly one info message', () => {
    const text = fixtureText('fetch.ts');
    const result = lint(text, 'typescript', mergeConfig(DEFAULT_CONFIG, { maxCodeFileBytes: Buffer.byteLength(text) - 1 }));
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.level]), [[FILE_TOO_LARGE_ID, 'info']]);
    assert.ok(lint(text, 'typescript').findings.length > 1, 'under the limit the same file is analysed');
  });

  it('analyses a single-line minified bundle under the limit, in time linear in its size', () => {
    // Mostly plain code, one unguarded DELETE in ten statements, all on one line: what a bundler emits.
    const statement = (i: number) => i % 10 === 0 ? `fetch("/i/${i}",{method:"DELETE"});` : `var a${i}=function(b){return b+${i}};`;
    const bundle = (statements: number) => Array.from({ length: statements }, (_, i) => statement(i)).join('');
    const text = bundle(16_000);
    assert.ok(Buffer.byteLength(text) > 512 * 1024 && Buffer.byteLength(text) < DEFAULT_CONFIG.maxCodeFileBytes && !text.includes('\n'));
    const result = lint(text, 'javascript');
    assertSoundResult(result, text);
    assert.equal(result.findings.filter((f) => f.ruleId === 'missing-precondition').length, 1_600);
    // 16× the bundle: linear costs about 16×, quadratic about 256×; a bound of 64 separates them with room for a
    // loaded machine (a 4× step with a bound of 12 failed at 13.2× under load while linear alone).
    const ratio = growthRatio((t) => lint(t, 'javascript'), bundle(1_000), bundle(16_000), 3);
    assert.ok(ratio < 64, `16× the bundle took ${ratio.toFixed(1)}× the time: something is super-linear`);
  });
});
