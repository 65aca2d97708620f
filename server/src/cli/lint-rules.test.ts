/**
 * The rule catalogue through the CLI, as CI runs it: every rule id comes out of `lint --format json` on its
 * fixture, the correct session is clean, `--fix` writes exactly what the editor's quick fixes would, and
 * `.etagguardrc.json` / `--rule` change what is reported.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeActionParams } from 'vscode-languageserver';
import { applyTextEdits, DEFAULT_CONFIG, lintHttp, RULES, SYNTAX_RULE_ID } from '../engine';
import { codeActions } from '../lsp/features/code-actions';
import { toDiagnostic } from '../lsp/features/diagnostics';
import { main } from './main';
import type { EslintResult } from './formatters/eslint-json';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/rules');

async function lint(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // Strict: these fixtures are about the rules themselves, not about the evidence that gates missing-precondition.
  const code = await main(['lint', '--strict', ...args], { cwd: ROOT, stdout: (s) => { out += s + '\n'; }, stderr: (s) => { err += s + '\n'; }, color: false });
  return { code, out, err };
}

async function lintJson(...args: string[]): Promise<EslintResult[]> {
  const { out, err } = await lint(['--format', 'json', ...args]);
  assert.equal(err, '', 'no rule may fail');
  return JSON.parse(out) as EslintResult[];
}

/** Copies fixtures into a fresh temp dir (with an optional rc file) and returns the dir. */
function tempCopy(files: string[], rc?: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-cli-'));
  for (const f of files) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  if (rc !== undefined) fs.writeFileSync(path.join(dir, '.etagguardrc.json'), JSON.stringify(rc));
  return dir;
}

/** What an editor user gets by accepting the preferred quick fix of one diagnostic after another. */
function applyQuickFixesOneByOne(text: string): string {
  for (let step = 0; step < 20; step++) {
    const findings = lintHttp(text, { ...DEFAULT_CONFIG, strict: true }).findings;
    const params = (f: (typeof findings)[number]) => ({
      textDocument: { uri: 'file:///x.http' }, range: f.range, context: { diagnostics: [toDiagnostic(f)] },
    }) as CodeActionParams;
    const action = findings.flatMap((f) => codeActions(params(f), findings)).find((a) => a.isPreferred);
    if (!action) return text;
    text = applyTextEdits(text, action.edit!.changes!['file:///x.http']);
  }
  throw new Error('quick fixes did not converge');
}

describe('etag-guard lint: the rule catalogue', () => {
  for (const id of [...RULES.map((r) => r.id), SYNTAX_RULE_ID]) {
    it(`reports ${id} on test/fixtures/rules/${id}.http`, async () => {
      const [result] = await lintJson(path.join(FIXTURES, `${id}.http`));
      assert.ok(result.messages.some((m) => m.ruleId === id), `no ${id} in ${JSON.stringify(result.messages)}`);
    });
  }

  it('reports stale-etag in the httpYac and JetBrains dialects', async () => {
    const results = await lintJson(path.join(FIXTURES, 'stale-etag.httpyac.http'), path.join(FIXTURES, 'stale-etag.jetbrains.http'));
    assert.equal(results.length, 2);
    for (const r of results) assert.deepEqual(r.messages.map((m) => m.ruleId), ['stale-etag'], r.filePath);
  });

  it('finds nothing in a correct session, and exits 0', async () => {
    const { code, out } = await lint(['--format', 'json', path.join(FIXTURES, 'correct-session.http')]);
    assert.deepEqual((JSON.parse(out) as EslintResult[])[0].messages, []);
    assert.equal(code, 0);
  });
});

describe('etag-guard lint --fix', () => {
  const fixable = ['missing-precondition', 'stale-etag', 'hardcoded-etag', 'weak-etag-in-if-match', 'invalid-etag',
    'invalid-http-date', 'inverted-precondition', 'stale-etag.httpyac', 'stale-etag.jetbrains'];
  for (const name of fixable) {
    it(`writes the same text as the editor's quick fixes for ${name}.http`, async () => {
      const file = `${name}.http`;
      const dir = tempCopy([file]);
      const original = fs.readFileSync(path.join(dir, file), 'utf8');
      await lint(['--fix', '--format', 'json', path.join(dir, file)]);
      const written = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.notEqual(written, original, 'the fix changed nothing');
      assert.equal(written, applyQuickFixesOneByOne(original));
      fs.rmSync(dir, { recursive: true });
    });
  }
});

describe('etag-guard lint: configuration', () => {
  it('reads rule levels from the nearest .etagguardrc.json', async () => {
    const dir = tempCopy(['wildcard-if-match.http', 'missing-precondition.http'], { rules: { 'wildcard-if-match': 'error', 'missing-precondition': 'off' } });
    const results = await lintJson(path.join(dir, 'wildcard-if-match.http'), path.join(dir, 'missing-precondition.http'));
    const byFile = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => `${m.ruleId}:${m.severity}`)]));
    assert.deepEqual(byFile, { 'wildcard-if-match.http': ['wildcard-if-match:2'], 'missing-precondition.http': [] });
    fs.rmSync(dir, { recursive: true });
  });

  it('reads weakEtagHosts from .etagguardrc.json', async () => {
    const dir = tempCopy(['weak-etag-in-if-match.http'], { weakEtagHosts: ['api.example.com'] });
    const [result] = await lintJson(path.join(dir, 'weak-etag-in-if-match.http'));
    assert.deepEqual(result.messages.map((m) => m.ruleId), ['hardcoded-etag']);
    fs.rmSync(dir, { recursive: true });
  });

  it('knows the variables an environment file beside the .http file defines', async () => {
    const dir = tempCopy([]);
    fs.writeFileSync(path.join(dir, 'api.http'), 'GET {{baseUrl}}/items/{{itemId}}\n');
    const names = async () => (await lintJson(path.join(dir, 'api.http')))[0].messages.map((m) => m.message.slice(0, 13));
    // No environment in sight: the variables may come from editor settings, so nothing is said.
    assert.deepEqual(await names(), []);
    fs.writeFileSync(path.join(dir, 'http-client.env.json'), '{"dev": {"baseUrl": "http://localhost:3412"}}');
    assert.deepEqual(await names(), ['`{{itemId}}` ']);
    fs.rmSync(dir, { recursive: true });
  });

  it('lets --rule override a level', async () => {
    const [result] = await lintJson('--rule', 'hardcoded-etag=off', path.join(FIXTURES, 'hardcoded-etag.http'));
    assert.deepEqual(result.messages, []);
  });
});
