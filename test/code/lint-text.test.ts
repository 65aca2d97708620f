/** The CLI's lintText keeps what the fix checker needs: the parse-error count beside the findings (issue #14). */
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/cli/lint-files';
import { DEFAULT_CONFIG, type CodeParsers } from '../../server/src/engine';
import { testParsers } from './parsers';

let parsers: CodeParsers;

describe('lintText', () => {
  before(async () => {
    parsers = await testParsers();
  });

  it('reports how many places did not parse, for code and for .http', () => {
    assert.equal(lintText('fetch(u, { method: "PUT" });\n', 'a.ts', DEFAULT_CONFIG, parsers).syntaxErrors, 0);
    assert.ok((lintText('fetch(u, { method: "PUT",, });\n', 'a.ts', DEFAULT_CONFIG, parsers).syntaxErrors ?? 0) > 0);
    assert.ok((lintText('requests.put(url, headers={"a": 1,,})\n', 'a.py', DEFAULT_CONFIG, parsers).syntaxErrors ?? 0) > 0);
    assert.equal(lintText('PUT https://x.test/a\n', 'a.http', DEFAULT_CONFIG).syntaxErrors, 0);
  });
});
