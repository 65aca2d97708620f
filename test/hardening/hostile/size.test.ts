/**
 * Size (issue #19, attack 9): a 50 MB `.http` file took 3.6 GB to lint, and a 20 MB document blocked the language
 * server for over a minute. Large files are linted in slices: memory stays bounded by the slice, and the
 * language server yields between slices so other documents are answered meanwhile.
 * The memory bound is the (1 GB peak RSS for the CLI); the language server test checks the order of
 * answers, not their timing (see the test).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { MAX_FINDINGS_PER_LARGE_FILE } from '../../../server/src/engine';
import { LspTestClient } from '../../lsp/lsp-client';
import { cliPath } from '../../runner/cli';
import { tempFolder } from './helpers';

/**
 * A request file of about `bytes`: reads, guarded writes with JSON bodies of about `bodyChars`, deletes with
 * a malformed If-Match, references between them. (Dense files of tiny requests are linted at about 1–4 s per MB here; the
 * bodies keep the test's run time reasonable while the file is as large as the attack's.)
 */
export function bigHttpFile(bytes: number, bodyChars = 2000): string {
  const parts: string[] = [];
  let size = 0;
  const filler = 'x'.repeat(bodyChars);
  for (let i = 0; size < bytes; i++) {
    const part = `### r${i}\n# @name r${i}\nGET https://api.example.com/items/${i}\nAccept: application/json\n\n` +
      `###\nPUT https://api.example.com/items/${i}\nIf-Match: {{r${i}.response.headers.ETag}}\nContent-Type: application/json\n\n` +
      `{"name": "item ${i}", "value": ${i}, "notes": "${filler}"}\n\n###\nDELETE https://api.example.com/items/${i}\nIf-Match: v${i}\n\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** Runs the CLI with a preload that prints the peak RSS (kB) on exit; resolves with it and the output. */
function lintMeasured(file: string): Promise<{ code: number | null; maxRssKb: number; stdout: string; stderr: string }> {
  const dir = path.dirname(file);
  const hook = path.join(dir, 'peak-rss.js');
  fs.writeFileSync(hook, "process.on('exit', () => process.stderr.write(`\\npeak-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n");
  const child = spawn(process.execPath, ['--require', hook, cliPath(), 'lint', '--format', 'json', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => {
    const m = /peak-rss-kb (\d+)/.exec(stderr);
    resolve({ code, maxRssKb: m ? Number(m[1]) : Infinity, stdout, stderr });
  }));
}

describe('large files', () => {
  it('linting a 50 MB .http file stays under 1 GB of memory', { timeout: 300_000 }, async () => {
    const dir = tempFolder();
    const file = path.join(dir, 'big.http');
    fs.writeFileSync(file, bigHttpFile(50 * 1024 * 1024));
    const r = await lintMeasured(file);
    assert.ok(r.maxRssKb < 1024 * 1024, `peak RSS ${Math.round(r.maxRssKb / 1024)} MB`);
    const messages = JSON.parse(r.stdout)[0].messages as { ruleId: string; line: number; message: string }[];
    // Every DELETE sends a malformed If-Match: one finding per request triple, all the way to the end of the
    // file; the first MAX_FINDINGS_PER_LARGE_FILE are listed, the rest counted in one notice.
    const deletes = bigHttpFile(50 * 1024 * 1024).split('\nDELETE ').length - 1;
    assert.ok(deletes > MAX_FINDINGS_PER_LARGE_FILE);
    assert.equal(messages.filter((m) => m.ruleId === 'invalid-etag').length, MAX_FINDINGS_PER_LARGE_FILE);
    const notice = messages.find((m) => m.ruleId === 'too-many-findings');
    assert.match(notice?.message ?? '', new RegExp(`^${(deletes - MAX_FINDINGS_PER_LARGE_FILE).toLocaleString('en')} more findings`));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // A behaviour test, not a timed one: before slicing, the analysis of the big document held the event loop
  // until it ended, so every hover sent meanwhile was answered after the big document's findings were
  // published. Now hovers are answered while it is analysed. How long one takes (the 1 s) is load-bound
  // on a shared machine, so it is measured by hand and recorded in docs/hardening.md, and only logged here.
  it('the language server answers hovers on another document while a 20 MB document is analysed', { timeout: 300_000 }, async (t) => {
    const client = new LspTestClient();
    await client.initialize();
    try {
      const small = 'file:///tmp/etag-guard-small.http';
      await client.open(small, 'PUT https://x.test/a\nIf-Match: "1"\n');
      await client.diagnostics(small);
      const big = 'file:///tmp/etag-guard-big.http';
      let bigPublished = false;
      client.onDiagnostics((p) => {
        if (p.uri === big) bigPublished = true;
      });
      const published = client.diagnostics(big, () => true, 280_000);
      await client.open(big, bigHttpFile(20 * 1024 * 1024));
      const answeredBefore: number[] = [];
      while (!bigPublished) {
        const sent = performance.now();
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 1, character: 3 } });
        assert.ok(hover, 'no hover');
        if (!bigPublished) answeredBefore.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await published;
      t.diagnostic(`hovers answered during the analysis: ${answeredBefore.length}, slowest ${Math.round(Math.max(...answeredBefore))} ms`);
      // One or two can slip in before the analysis starts (it first asks the client for settings); with the
      // analysis holding the event loop no more could (seen: 1), sliced they keep coming (seen: 21 at load 18).
      assert.ok(answeredBefore.length >= 3, `only ${answeredBefore.length} hovers were answered before the big document's findings`);
    } finally {
      client.kill();
    }
  });
});
