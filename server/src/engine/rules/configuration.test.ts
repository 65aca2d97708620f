import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, mergeConfig } from '../config/config';
import { lintHttp } from '../lint';
import { checkHttpFixture } from '../testing/lint-fixture';

/** The `etagGuard` settings section as the language server receives it (settings.ts merges it like this). */
const settings = (section: unknown) => mergeConfig(DEFAULT_CONFIG, section);

describe('rule configuration', () => {
  it('etagGuard.rules.<id> turns a rule off or changes its level', () => {
    const text = 'PUT https://x.test/a\nIf-Match: *\n';
    const levels = (config = DEFAULT_CONFIG) => lintHttp(text, config).findings.map((f) => `${f.ruleId}:${f.level}`);
    assert.deepEqual(levels(), ['wildcard-if-match:info']);
    assert.deepEqual(levels(settings({ rules: { 'wildcard-if-match': 'error' } })), ['wildcard-if-match:error']);
    assert.deepEqual(levels(settings({ rules: { 'wildcard-if-match': 'off' } })), []);
  });

  it('# etag-guard-disable-next-line <id> silences that rule on the next line only', () => {
    checkHttpFixture('hardcoded-etag', `
PUT https://x.test/a
# etag-guard-disable-next-line hardcoded-etag -- a fixture for a test server
If-Match: "abc"
###
PUT https://x.test/b
# etag-guard-disable-next-line weak-etag-in-if-match
If-Match: "abc"
          ^^^^^ info hardcoded-etag
`);
  });

  it('# etag-guard-disable <id> silences that rule to the end of the file', () => {
    checkHttpFixture('wildcard-if-match', `
PUT https://x.test/a
If-Match: *
^^^^^^^^^^^ info wildcard-if-match
###
# etag-guard-disable wildcard-if-match
PUT https://x.test/b
If-Match: *
###
DELETE https://x.test/c
If-Match: *
`);
  });
});
