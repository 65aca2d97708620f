/**
 * Client-code fixes where the workspace's OpenAPI document describes the write's path and declares no GET on
 * it: no read is inserted (the API does not serve one); the ETag parameter is offered instead.
 */
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lintCode, openApiSource, type CodeParsers, type EngineConfig } from '../../server/src/engine';
import { testParsers } from './parsers';

let parsers: CodeParsers;

function configFor(withItemGet: boolean): EngineConfig {
  const item: Record<string, unknown> = { put: { parameters: [{ name: 'If-Match', in: 'header' }], responses: { 412: { description: 'changed' } } } };
  if (withItemGet) item.get = { responses: { 200: { description: 'ok' } } };
  const spec = { openapi: '3.1.0', servers: [{ url: 'https://api.shop.dev' }], paths: { '/notes/{id}': item } };
  return { ...DEFAULT_CONFIG, evidenceSources: [openApiSource([{ path: '/ws/openapi.json', content: spec }])] };
}

function titles(text: string, language: 'typescript' | 'python', config: EngineConfig): string[] {
  const [finding] = lintCode(text, language, config, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
  assert.ok(finding, 'expected a missing-precondition finding');
  return finding.fixes.map((f) => (f.preferred ? '* ' : '') + f.title);
}

describe('client-code fixes on a route the OpenAPI document gives no GET', () => {
  before(async () => {
    parsers = await testParsers();
  });

  const ts = "export async function archive(id: string) {\n  await fetch(`https://api.shop.dev/notes/${id}`, { method: 'PUT', body: '{\"archived\":true}' });\n}\n";
  const py = 'import requests\n\ndef archive(note_id):\n    requests.put(f"https://api.shop.dev/notes/{note_id}", json={"archived": True})\n';

  it('offers the ETag parameter (preferred) and no inserted GET (TypeScript, Python)', () => {
    for (const [text, language] of [[ts, 'typescript'], [py, 'python']] as const) {
      const offered = titles(text, language, configFor(false));
      assert.ok(!offered.some((t) => /Insert a GET/.test(t)), `${language}: ${offered.join(' | ')}`);
      assert.match(offered[0], /^\* Add an etag parameter/, `${language}: ${offered.join(' | ')}`);
    }
  });

  it('still inserts a GET first where the document declares one', () => {
    assert.match(titles(ts, 'typescript', configFor(true))[0], /^\* Insert a GET/);
  });
});
