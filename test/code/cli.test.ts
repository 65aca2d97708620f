/** `etag-guard lint` over a folder of client code: discovery, findings per language, --fix, the size limit. */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLint, type LintRun } from '../cli/run-lint';

let dir: string;

function lint(...args: string[]): Promise<LintRun> {
  return runLint(dir, ['--strict', ...args]);
}

describe('etag-guard lint on client code', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-code-'));
    fs.writeFileSync(path.join(dir, 'app.ts'), "export async function f(u: string) {\n  await fetch(u, { method: 'DELETE' });\n}\n");
    fs.writeFileSync(path.join(dir, 'svc.py'), 'import requests\n\ndef f(u):\n    requests.put(u, headers={"If-Match": "abc"})\n');
    fs.writeFileSync(path.join(dir, 'ok.js'), "fetch('https://x.test/items', { method: 'POST' });\n");
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'dep.js'), "fetch('https://x.test/i/1', { method: 'PUT' });\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the same rule ids as for .http files, skipping node_modules', async () => {
    const { code, out } = await lint('--format', 'json', '.');
    const results = JSON.parse(out) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const byFile = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)]));
    assert.deepEqual(byFile, {
      'app.ts': ['2:9 missing-precondition'],
      'ok.js': [],
      'svc.py': ['4:43 invalid-etag'],
    });
    assert.equal(code, 1, 'invalid-etag is an error');
  });

  it('applies the preferred fixes with --fix', async () => {
    const { code } = await lint('--fix', 'svc.py', 'app.ts');
    // Pass 1 quotes the tag (invalid-etag); pass 2 replaces the now valid but fixed tag by a fresh read (hardcoded-etag).
    assert.equal(fs.readFileSync(path.join(dir, 'svc.py'), 'utf8'),
      'import requests\n\ndef f(u):\n    current = requests.get(u)\n    etag = current.headers["ETag"]\n    requests.put(u, headers={"If-Match": etag})\n');
    assert.match(fs.readFileSync(path.join(dir, 'app.ts'), 'utf8'), /const current = await fetch\(u\);\n  const etag = current\.headers\.get\('ETag'\);\n  if \(etag === null\) throw new Error\('The server sent no ETag: refusing to write without a precondition\.'\);\n  await fetch\(u, \{ method: 'DELETE', headers: \{ 'If-Match': etag \} \}\);/);
    assert.equal(code, 0);
  });

  it('skips a file over maxCodeFileBytes with one info message', async () => {
    fs.writeFileSync(path.join(dir, '.etagguardrc.json'), JSON.stringify({ maxCodeFileBytes: 10 }));
    try {
      const { out } = await lint('--format', 'json', 'ok.js');
      const [result] = JSON.parse(out) as { messages: { ruleId: string; message: string }[] }[];
      assert.deepEqual(result.messages.map((m) => m.ruleId), ['file-too-large']);
      assert.match(result.messages[0].message, /over etagGuard\.maxCodeFileBytes \(10\)/);
    } finally {
      fs.rmSync(path.join(dir, '.etagguardrc.json'));
    }
  });
});
