/**
 * Every file in test/fixtures/code is an annotated fixture: the findings of all rules must be exactly the
 * caret lines (`// ^^^ warning rule-id: fragment` or `# ^^^ …`). Files under `correct/` carry no carets, so
 * they must lint clean. A first-line `fixture-config: {…}` comment holds the configuration.
 */
import { describe, it, before } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, languageOfPath, lintCode, mergeConfig, RULES, type CodeParsers } from '../../server/src/engine';
import { assertFindings, readFixture } from '../../server/src/engine/testing/fixture';
import { testParsers } from './parsers';
import { CODE_FIXTURES, fixtureFiles } from './fixture-files';

const ROOT = CODE_FIXTURES;

/** Lints one fixture file and checks its annotations. */
export function checkFixtureFile(file: string, parsers: CodeParsers): void {
  const { text, expected } = readFixture(fs.readFileSync(file, 'utf8'));
  const m = /fixture-config:\s*(\{.*\})\s*$/m.exec(text.split('\n')[0]);
  // Strict unless the fixture says otherwise: the fixtures of earlier issues judge every unguarded write.
  const base = { ...DEFAULT_CONFIG, strict: true };
  const config = m ? mergeConfig(base, JSON.parse(m[1])) : base;
  const language = languageOfPath(file);
  if (!language || language === 'http') throw new Error(`not a code fixture: ${file}`);
  const result = lintCode(text, language, config, parsers);
  if (result.failures.length > 0) throw new Error(`rule failures: ${JSON.stringify(result.failures)}`);
  assertFindings(result.findings, expected, RULES.map((r) => r.id));
}

describe('client-code fixtures', () => {
  let parsers: CodeParsers;
  before(async () => {
    parsers = await testParsers();
  });
  const files = fixtureFiles(ROOT);
  it('has fixtures for every library and a set of correct programs', () => {
    const names = files.map((f) => path.relative(ROOT, f)).join(' ');
    for (const lib of ['fetch', 'undici', 'axios', 'got', 'ky', 'superagent', 'node-http', 'requests', 'httpx', 'aiohttp', 'jquery', 'spfx', 'wrappers']) {
      if (!names.includes(lib)) throw new Error(`no fixture for ${lib}`);
    }
    if (!files.some((f) => f.includes(`${path.sep}correct${path.sep}`))) throw new Error('no correct programs');
  });
  for (const file of files) {
    it(path.relative(ROOT, file), () => checkFixtureFile(file, parsers));
  }
});
