/**
 * Runs the TextMate grammar tests (test/grammar/*.http, vscode-tmgrammar-test's `^^^` assertions) under node:test.
 * The embedded JavaScript / JSON / XML / GraphQL grammars are empty stand-ins (test/grammar/embedded/): VS Code
 * ships the real ones, and these tests check etag-guard's own scopes, including the meta.embedded.block.* ones.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: the nearest folder above this file holding the grammar, else the working folder. */
function repoRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'syntaxes', 'http.tmLanguage.json'))) return dir;
  }
  return process.cwd();
}

const root = repoRoot();
const grammars = ['syntaxes/http.tmLanguage.json', 'syntaxes/http-response.tmLanguage.json', ...fs.readdirSync(path.join(root, 'test/grammar/embedded')).map((f) => `test/grammar/embedded/${f}`)];

function runGrammarTests(pattern: string): { status: number | null; output: string } {
  const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js', { paths: [root] });
  const args = [cli, ...grammars.flatMap((g) => ['-g', g]), pattern];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('TextMate grammar (syntaxes/http.tmLanguage.json)', () => {
  it('passes every assertion in test/grammar/*.http', () => {
    const { status, output } = runGrammarTests('test/grammar/*.http');
    assert.equal(status, 0, output);
    for (const file of fs.readdirSync(path.join(root, 'test/grammar')).filter((f) => f.endsWith('.http'))) {
      assert.match(output, new RegExp(`✓ test/grammar/${file.replace('.', '\\.')} run successfuly`), output);
    }
  });

  it('fails on a wrong assertion (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-grammar-'));
    try {
      const file = path.join(dir, 'wrong.http');
      fs.writeFileSync(file, '# SYNTAX TEST "source.http" "wrong on purpose"\nGET https://example.com\n# <--- comment.line.number-sign.http\n');
      const { status, output } = runGrammarTests(file);
      assert.notEqual(status, 0, output);
      assert.match(output, /missing required scopes: comment\.line\.number-sign\.http/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
