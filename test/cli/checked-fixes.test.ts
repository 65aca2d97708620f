/**
 * `--format json` checks each preferred fix by re-linting the fixed text with the fixed findings' rules only
 * (issue #16: the re-lint was a whole second lint). The verdicts must be those of a re-lint with every rule.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { checkedFixes, lintText } from '../../server/src/cli/lint-files';
import { DEFAULT_CONFIG, preferredFix, type CodeParsers, type EngineConfig } from '../../server/src/engine';
import { testParsers } from '../code/parsers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { httpFile } = require(path.join(ROOT, 'bench', 'lib', 'generate.js')) as { httpFile: (requests: number) => string };

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.(http|rest|ts|tsx|js|jsx|mjs|py)$/.test(e.name) ? [p] : [];
  });
}

describe('checked fixes for --format json', () => {
  let parsers: CodeParsers;
  before(async () => {
    parsers = await testParsers();
  });

  it('gives every fixture the verdicts a re-lint with every rule gives, in default and strict mode', () => {
    const inputs = [...filesUnder(path.join(ROOT, 'test', 'fixtures')), ...filesUnder(path.join(ROOT, 'examples'))]
      .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
    inputs.push({ file: 'generated.http', text: httpFile(300) });
    let fixable = 0;
    let kept = 0;
    for (const config of [DEFAULT_CONFIG, { ...DEFAULT_CONFIG, strict: true } satisfies EngineConfig]) {
      for (const { file, text } of inputs) {
        const result = lintText(text, file, config, parsers);
        const allRules = () => (t: string) => lintText(t, file, config, parsers);
        const fixedRulesOnly = (rules: Parameters<typeof lintText>[4]) => (t: string) => lintText(t, file, config, parsers, rules);
        const expected = checkedFixes(text, result, allRules);
        assert.deepEqual(checkedFixes(text, result, fixedRulesOnly), expected, `${file}${config.strict ? ' (strict)' : ''}`);
        fixable += result.findings.filter((f) => preferredFix(f)?.edits.length).length;
        kept += expected.filter((f) => f !== undefined).length;
      }
    }
    // The corpus exercises both verdicts: fixes kept, and fixes the check drops.
    assert.ok(kept > 50 && fixable > kept, `${kept} of ${fixable} fixes kept`);
  });
});
