/**
 * Resilience (issue #9): a rule that throws is isolated and reported, the others still run; the language
 * server survives malformed LSP input and hostile documents, and keeps serving.
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

it('the language server keeps serving after a document with a 1 MB line is opened and edited', async () => {
  const client = new LspTestClient();
  await client.initialize();
  const hostile = 'file:///tmp/hostile.http';
  const huge = '{{'.repeat(512 * 1024);
  await client.open(hostile, `DELETE https://x.test/a\nX-Hostile: ${huge}\n`);
  await client.diagnostics(hostile, (p) => p.diagnostics.some((d) => d.code === 'missing-precondition'), 30_000);
  // Type into the middle of the huge line, then guard the DELETE: the server must follow both edits.
  const middle = { line: 1, character: 'X-Hostile: '.length + huge.length / 2 };
  await client.change(hostile, 2, [{ range: { start: middle, end: middle }, text: '}}\n### \u0000' }]);
  await client.change(hostile, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'If-Match: "x"\n\n' }]);
  await client.diagnostics(hostile, (p) => p.version === 3 && !p.diagnostics.some((d) => d.code === 'missing-precondition'), 30_000);
  const plain = 'file:///tmp/after-hostile.http';
  await client.open(plain, 'PATCH https://x.test/b\n');
  const { diagnostics } = await client.diagnostics(plain, (p) => p.diagnostics.length > 0);
  assert.equal(diagnostics[0].code, 'missing-precondition');
  assert.equal(await client.close(), 0);
});

it('the language server exits cleanly when its client goes away, so a restarted client gets a fresh one', async () => {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.notEqual(code, null, 'the server must exit on its own when stdin closes');
});
