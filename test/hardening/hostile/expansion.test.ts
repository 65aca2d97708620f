/**
 * Exponential variable expansion (issue #19, attack 2): seven levels of `@vN = {{vN-1}}` sixteen times over,
 * under 1 KB of text, expand to 16^7 characters. Lint reports it (rule variable-too-large) instead of expanding
 * it; run stops with a clear error; the language server keeps answering for other documents.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runAll, Session } from '../../../server/src/runner/executor';
import { source } from '../../runner/helpers';
import { LspTestClient } from '../../lsp/lsp-client';
import { cli, tempFolder } from './helpers';

/** `@v0 = x`, then `@vN` = sixteen copies of `{{vN-1}}`, for N up to `levels`; a request uses the last. */
export function doublingChain(levels = 7, copies = 16, use = 'GET http://127.0.0.1:9/{{v7}}'): string {
  let text = '@v0 = x\n';
  for (let n = 1; n <= levels; n++) text += `@v${n} = ${`{{v${n - 1}}}`.repeat(copies)}\n`;
  return `${text}\n${use}\n`;
}

describe('exponential variable expansion', () => {
  it('lint reports it as variable-too-large instead of expanding it', async () => {
    const dir = tempFolder({ 'bomb.http': doublingChain() });
    const r = await cli(['lint', '--format', 'json', path.join(dir, 'bomb.http')], { killAfterMs: 30_000 });
    assert.equal(r.hung, false, 'lint did not finish');
    const messages = JSON.parse(r.stdout)[0].messages as { ruleId: string; line: number; message: string }[];
    const found = messages.filter((m) => m.ruleId === 'variable-too-large');
    assert.ok(found.length > 0, `no variable-too-large finding: ${r.stdout}`);
    assert.match(found[0].message, /@v\d/);
  });

  it('run stops with a clear error', { timeout: 60_000 }, async () => {
    const session = new Session();
    try {
      const [r] = await runAll(source(doublingChain()), session);
      assert.equal(r.error?.kind, 'variable');
      assert.match(r.error!.message, /expan/i);
      assert.doesNotMatch(r.error!.message, /Invalid string length/);
    } finally {
      await session.close();
    }
  });

  it('the language server keeps answering other documents', { timeout: 60_000 }, async () => {
    const client = new LspTestClient();
    await client.initialize();
    try {
      const bomb = 'file:///tmp/etag-guard-bomb.http';
      await client.open(bomb, doublingChain());
      const plain = 'file:///tmp/etag-guard-after-bomb.http';
      await client.open(plain, 'PUT https://x.test/a\nIf-Match: nope\n');
      const { diagnostics } = await client.diagnostics(plain, (p) => p.diagnostics.length > 0, 10_000);
      assert.equal(diagnostics[0].code, 'invalid-etag');
      const own = await client.diagnostics(bomb, (p) => p.diagnostics.some((d) => d.code === 'variable-too-large'), 10_000);
      assert.ok(own.diagnostics.length > 0);
    } finally {
      client.kill();
    }
  });
});
