/**
 * The rules' `needs` on client code: the whole-file walk, which skips a rule on the requests lacking what it needs,
 * finds in every client-code fixture exactly what calling every rule on every request finds.
 */
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { languageOfPath, lintCode, type CodeParsers } from '../../server/src/engine';
import { EVERY_REQUEST, findingsText, NEEDS_CONFIGS } from '../../server/src/engine/testing/rule-needs';
import { testParsers } from './parsers';
import { fixtureFiles } from './fixture-files';


describe('rule needs on client code', () => {
  let parsers: CodeParsers;
  before(async () => {
    parsers = await testParsers();
  });
  for (const [name, config] of NEEDS_CONFIGS) {
    it(`every client-code fixture (${name})`, () => {
      let findings = 0;
      for (const file of fixtureFiles()) {
        const language = languageOfPath(file);
        if (!language || language === 'http') continue;
        const text = fs.readFileSync(file, 'utf8');
        const walked = lintCode(text, language, config, parsers).findings;
        findings += walked.length;
        assert.equal(findingsText(walked), findingsText(lintCode(text, language, config, parsers, EVERY_REQUEST).findings), file);
      }
      assert.ok(findings > 50, 'the fixtures give findings');
    });
  }
});
