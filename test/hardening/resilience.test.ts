/**
 * Resilience (issue #9): a rule that throws is isolated and reported, the others still run; the language
 * server survives malformed LSP input and keeps serving.
 */
import { it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { DEFAULT_CONFIG, lintHttp, RULES, type Rule } from '../../server/src/engine';
import { LspTestClient, SERVER } from '../lsp/lsp-client';

it('isolates a rule that throws: reported once, the other rules still run', () => {
  const broken: Rule = { id: 'broken', defaultLevel: 'error', summary: 'throws', languages: ['http'], check: () => { throw new Error('boom'); } };
  const result = lintHttp('PUT https://x.test/a\nIf-Match: nope\n', DEFAULT_CONFIG, [broken, ...RULES]);
  assert.deepEqual(result.failures, [{ ruleId: 'broken', error: 'boom' }]);
  assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), ['invalid-etag']);
});

it('the language server survives malformed JSON-RPC and still answers', async () => {
  const client = new LspTestClient();
  await client.initialize();
  // Write garbage straight into the server's stdin: a bad header, then a body that is not JSON.
  client.writeRaw('Content-Length: 12\r\n\r\n{not json!!}');
  client.writeRaw('Content-Length: 40\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"x/y"}');
  const uri = 'file:///tmp/resilience.http';
  await client.open(uri, 'DELETE https://x.test/a\n');
  const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.equal(diagnostics[0].code, 'missing-precondition');
  assert.equal(await client.close(), 0);
});

it('the language server exits cleanly when its client goes away, so a restarted client gets a fresh one', async () => {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.notEqual(code, null, 'the server must exit on its own when stdin closes');
});
