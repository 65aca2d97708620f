/**
 * Every rule id the linter can emit is a registry entry with a docs page and a setting: the engine spells no
 * rule id as a bare string outside its rule file, every rule file's id is registered, and the notices emitted
 * instead of an analysis follow their configured level.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, mergeConfig } from '../config/config';
import { lintCode } from '../code/lint-code';
import { ALL_RULES, RULES, ruleById } from './registry';

const ROOT = path.resolve(__dirname, '../../../../..');
const ENGINE = path.join(ROOT, 'server/src/engine');

function engineSources(dir = ENGINE): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : engineSources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('rule registry', () => {
  it('registers each id once', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.deepEqual([...new Set(ids)], ids);
  });

  it('registers every rule file under rules/ (one file per rule, named by its id)', () => {
    const files = fs.readdirSync(path.join(ENGINE, 'rules')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const ruleFiles = files.filter((f) => /^\s*id: '[a-z-]+',$/m.test(fs.readFileSync(path.join(ENGINE, 'rules', f), 'utf8')));
    assert.ok(ruleFiles.length >= RULES.length, 'the scan found the rule files');
    assert.deepEqual(ruleFiles.map((f) => f.slice(0, -3)).sort(), ALL_RULES.map((r) => r.id).sort());
  });

  it('leaves no rule id as a bare string in the engine: findings and failures take it from a rule', () => {
    const bare = engineSources().flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/ruleId:\s*['"`]([^'"`]+)/g)]
      .map((m) => `${path.relative(ROOT, f)}: ruleId '${m[1]}'`));
    assert.deepEqual(bare, []);
  });

  it('gives every rule a docs page and an etagGuard.rules setting', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as
      { contributes: { configuration: { properties: Record<string, { properties: Record<string, unknown> }> } } };
    const settings = Object.keys(manifest.contributes.configuration.properties['etagGuard.rules'].properties);
    for (const r of ALL_RULES) {
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
      assert.ok(settings.includes(r.id), `etagGuard.rules.${r.id} in package.json`);
      assert.equal(ruleById(r.id), r);
    }
  });
});

describe('notices for files not analysed', () => {
  const noParsers = { parserFor: () => undefined };
  const big = 'x'.repeat(64);
  const small = mergeConfig(DEFAULT_CONFIG, { maxCodeFileBytes: 16 });

  it('code-parser: a language without a parser gets one warning on the first line, not silence', () => {
    const result = lintCode('fetch(url, { method: "PUT" })\n', 'typescript', DEFAULT_CONFIG, noParsers);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.level, f.range.start.line]), [['code-parser', 'warning', 0]]);
    assert.match(result.findings[0].message, /no typescript parser is loaded/);
  });

  it('file-too-large and code-parser follow their configured level, off included', () => {
    assert.deepEqual(lintCode(big, 'typescript', small, noParsers).findings.map((f) => [f.ruleId, f.level]), [['file-too-large', 'info']]);
    const levels = (rules: Record<string, string>) => lintCode(big, 'python', mergeConfig(small, { rules }), noParsers).findings.map((f) => f.level);
    assert.deepEqual(levels({ 'file-too-large': 'warning' }), ['warning']);
    assert.deepEqual(levels({ 'file-too-large': 'off' }), []);
    assert.deepEqual(lintCode('', 'python', mergeConfig(DEFAULT_CONFIG, { rules: { 'code-parser': 'off' } }), noParsers).findings, []);
  });
});
