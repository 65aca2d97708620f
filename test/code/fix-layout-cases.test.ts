/**
 * Where and how the client-code fix writes the header, layout by layout (issue #14): the exact text, so a
 * change of style is a visible decision. The property tests (fix-properties.test.ts) cover the combinations.
 */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, fixUntilStable, lintCode, type CodeLanguage, type CodeParsers } from '../../server/src/engine';
import { testParsers } from './parsers';

let parsers: CodeParsers;

/** The write call's lines after `--fix` (the inserted read above it is not the subject here). */
function fixedCall(language: CodeLanguage, lines: string[], eol = '\n'): string {
  const text = lines.join(eol);
  const run = fixUntilStable(text, (t) => lintCode(t, language, DEFAULT_CONFIG, parsers));
  assert.equal(run.applied, 1, `one fix applied to:\n${text}\n---\n${run.output}`);
  const out = run.output.split(eol);
  const start = out.findIndex((l) => /fetch\(url|requests\.put\(/.test(l) && !/current/.test(l));
  return out.slice(start).join(eol);
}

describe('client-code fix layouts', () => {
  before(async () => {
    parsers = await testParsers();
  });

  it('Prettier: a trailing comma stays trailing, in double quotes', () => {
    assert.equal(fixedCall('typescript', [
      'async function f(url: string) {', '  await fetch(url, {', '    method: "PUT",', '    headers: {', '      Accept: "text/plain",', '    },', '  });', '}',
    ]), ['  await fetch(url, {', '    method: "PUT",', '    headers: {', '      Accept: "text/plain",', '      "If-Match": etag,', '    },', '  });', '}'].join('\n'));
  });

  it('no trailing comma: a comma after the last entry, none after the new one; a comment after the last entry stays with it', () => {
    assert.equal(fixedCall('javascript', [
      'async function f(url) {', '  await fetch(url, {', "    method: 'PUT',", '    headers: {', "      Accept: 'text/plain' // plain only", '    }', '  })', '}',
    ]), ['  await fetch(url, {', "    method: 'PUT',", '    headers: {', "      Accept: 'text/plain', // plain only", "      'If-Match': etag", '    }', '  })', '}'].join('\n'));
  });

  it('a comment on its own line after the last entry: the new entry goes below it, tabs kept', () => {
    assert.equal(fixedCall('javascript', [
      'async function f(url) {', '\tawait fetch(url, {', "\t\tmethod: 'PUT',", '\t\theaders: {', "\t\t\tAccept: 'text/plain',", '\t\t\t// more later', '\t\t},', '\t});', '}',
    ]), ['\tawait fetch(url, {', "\t\tmethod: 'PUT',", '\t\theaders: {', "\t\t\tAccept: 'text/plain',", '\t\t\t// more later', "\t\t\t'If-Match': etag,", '\t\t},', '\t});', '}'].join('\n'));
  });

  it('one line stays one line; `{}` gets `{ entry }`', () => {
    assert.equal(fixedCall('typescript', ['async function f(url: string) {', "  await fetch(url, { method: 'PUT', headers: {} });", '}']),
      "  await fetch(url, { method: 'PUT', headers: { 'If-Match': etag } });\n}");
  });

  it('Black: a magic trailing comma in the call gets a new keyword-argument line', () => {
    assert.equal(fixedCall('python', [
      'import requests', '', '', 'def f(url, body):', '    requests.put(', '        url,', '        json=body,', '    )', '',
    ]), ['    requests.put(', '        url,', '        json=body,', '        headers={"If-Match": etag},', '    )', ''].join('\n'));
  });

  it('arguments sharing a line above the closing bracket: the new one joins them', () => {
    assert.equal(fixedCall('python', [
      'import requests', '', '', 'def f(url, body):', '    requests.put(', '        url, json=body, timeout=30', '    )', '',
    ]), ['    requests.put(', '        url, json=body, timeout=30, headers={"If-Match": etag}', '    )', ''].join('\n'));
  });

  it('CRLF with a comment after the last dict entry: every line still ends in CRLF', () => {
    const out = fixedCall('python', [
      'import requests', '', '', 'def f(url, body):', '    requests.put(', '        url,', "        headers={", "            'Accept': 'text/plain',  # plain", '        },', '    )', '',
    ], '\r\n');
    assert.equal(out, ['    requests.put(', '        url,', '        headers={', "            'Accept': 'text/plain',  # plain", "            'If-Match': etag,", '        },', '    )', ''].join('\r\n'));
  });

  it('a Headers object made in the function: `.set` before the write, after the inserted read', () => {
    const text = [
      'async function f(url: string) {', '  const h = new Headers();', '  h.set("Accept", "text/plain");', '  await fetch(url, { method: "PUT", headers: h });', '}',
    ].join('\n');
    const run = fixUntilStable(text, (t) => lintCode(t, 'typescript', DEFAULT_CONFIG, parsers));
    assert.match(run.output, /  const etag = current\.headers\.get\('ETag'\);\n.*\n  h\.set\("If-Match", etag\);\n  await fetch\(url, \{ method: "PUT", headers: h \}\);/);
  });

  it('a headers object from outside the function (maybe shared by other requests) is left alone', () => {
    const text = ['const h = { Accept: "text/plain" };', 'async function f(url: string) {', '  await fetch(url, { method: "PUT", headers: h });', '}'].join('\n');
    const run = fixUntilStable(text, (t) => lintCode(t, 'typescript', DEFAULT_CONFIG, parsers));
    assert.equal(run.output, text);
    assert.equal(run.result.findings.filter((f) => f.ruleId === 'missing-precondition').length, 1);
  });
});
