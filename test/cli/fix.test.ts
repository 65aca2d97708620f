// `--fix`, `--fix-dry-run` and the JSON `fix` objects (issue #14), through the bundled dist/cli.js as users call it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../runner/cli';

/** Prettier's default output: double quotes, trailing commas, one property per line. */
const PRETTIER_TS = [
  'export async function save(u: string, t: string, body: string) {',
  '  await fetch(u, {',
  '    method: "PUT",',
  '    headers: {',
  '      Authorization: "Bearer " + t,',
  '    },',
  '    body,',
  '  });',
  '}',
  '',
].join('\n');

/** Black's output: a magic trailing comma in the call and in the dict. */
const BLACK_PY = [
  'import requests',
  '',
  '',
  'def save(url, token, body):',
  '    requests.put(',
  '        url,',
  '        json=body,',
  '        headers={',
  '            "Authorization": f"Bearer {token}",',
  '        },',
  '    )',
  '',
].join('\n');

describe('etag-guard lint --fix / --fix-dry-run', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const write = (name: string, text: string) => fs.writeFileSync(file(name), text);
  const read = (name: string) => fs.readFileSync(file(name), 'utf8');

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-fix-'));
    // Strict: these writes go to APIs nothing says are versioned; the fixes are what is under test.
    fs.writeFileSync(path.join(dir, '.etagguardrc.json'), JSON.stringify({ strict: true }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fixes the Prettier-formatted fetch PUT of the issue once, after the trailing comma, in its quotes; a second --fix changes nothing', async () => {
    write('save.ts', PRETTIER_TS);
    const first = await runCli(['lint', '--fix', 'save.ts'], dir);
    assert.equal(first.code, 0, first.stderr);
    const fixed = read('save.ts');
    assert.match(fixed, /\n {6}Authorization: "Bearer " \+ t,\n {6}"If-Match": etag,\n {4}\},\n/);
    assert.equal(fixed.match(/If-Match/g)?.length, 1);
    assert.doesNotMatch(fixed, /,,/);
    assert.match(first.stdout, /--fix applied 1 fix in 1 file\./);
    const second = await runCli(['lint', '--fix', 'save.ts'], dir);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(read('save.ts'), fixed, 'a second --fix is a no-op');
    assert.match(second.stdout, /--fix applied 0 fixes in 0 files\./);
  });

  it('fixes the Black-formatted requests.put with its magic trailing commas', async () => {
    write('save.py', BLACK_PY);
    const r = await runCli(['lint', '--fix', 'save.py'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(read('save.py'), /\n {12}"Authorization": f"Bearer \{token\}",\n {12}"If-Match": etag,\n {8}\},\n {4}\)\n/);
  });

  it('--fix-dry-run prints the unified diff --fix would write and leaves the file alone', async () => {
    write('dry.ts', PRETTIER_TS);
    const r = await runCli(['lint', '--fix-dry-run', 'dry.ts'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(read('dry.ts'), PRETTIER_TS, 'nothing written');
    // The body is the function's parameter: the caller read the data, so the preferred fix asks it for the ETag.
    assert.match(r.stdout, /^--- a\/dry\.ts\n\+\+\+ b\/dry\.ts\n@@ -1,8 \+1,9 @@\n/);
    assert.match(r.stdout, /\n\+export async function save\(u: string, t: string, body: string, etag: string\) \{\n/);
    assert.match(r.stdout, /\n\+ {6}"If-Match": etag,\n/);
    assert.match(r.stdout, /--fix-dry-run would apply 1 fix in 1 file\./);
    // The diff is what --fix then writes: apply it by hand and compare.
    write('wet.ts', PRETTIER_TS);
    await runCli(['lint', '--fix', 'wet.ts'], dir);
    assert.equal(applyUnifiedDiff(PRETTIER_TS, r.stdout.slice(0, r.stdout.indexOf('--fix-dry-run would'))), read('wet.ts'));
  });

  it('--fix-dry-run --format json gives ESLint\'s `output`; --fix and --fix-dry-run together is a usage error', async () => {
    write('dryjson.ts', PRETTIER_TS);
    const r = await runCli(['lint', '--fix-dry-run', '--format', 'json', 'dryjson.ts'], dir);
    const [result] = JSON.parse(r.stdout);
    assert.equal(read('dryjson.ts'), PRETTIER_TS);
    assert.match(result.output, /"If-Match": etag,/);
    assert.deepEqual(result.messages, [], 'the fixed text has no findings');
    const both = await runCli(['lint', '--fix', '--fix-dry-run', 'dryjson.ts'], dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /cannot be used together/);
  });

  it('--format json gives each fixable message ESLint\'s fix {range, text} in UTF-16 offsets; applying them gives what --fix writes', async () => {
    // A non-ASCII character before the edits: offsets are UTF-16 code units, not bytes.
    const http = '# Café ☕ 🚀\nPUT https://x.test/a\nIf-Match: abc\n\n###\nPATCH https://x.test/b\nIf-Match: W/"1"\n';
    write('api.http', http);
    const r = await runCli(['lint', '--format', 'json', 'api.http'], dir);
    const [result] = JSON.parse(r.stdout);
    const fixes = result.messages.filter((m: { fix?: unknown }) => m.fix).map((m: { fix: { range: [number, number]; text: string } }) => m.fix);
    assert.ok(fixes.length >= 2, JSON.stringify(result.messages));
    assert.equal(result.fixableErrorCount + result.fixableWarningCount, fixes.length);
    const invalid = result.messages.find((m: { ruleId: string }) => m.ruleId === 'invalid-etag');
    assert.deepEqual(invalid.fix, { range: [http.indexOf('abc'), http.indexOf('abc') + 3], text: '"abc"' });
    // As ESLint applies fixes: in order, skipping any that overlaps one already applied.
    let out = '';
    let at = 0;
    for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0])) {
      if (f.range[0] < at) continue;
      out += http.slice(at, f.range[0]) + f.text;
      at = f.range[1];
    }
    out += http.slice(at);
    write('api2.http', out);
    const relint = JSON.parse((await runCli(['lint', '--format', 'json', 'api2.http'], dir)).stdout)[0];
    assert.deepEqual(relint.messages.filter((m: { ruleId: string }) => m.ruleId === 'invalid-etag'), []);
  });

  it('says how many problems --fix could not fix', async () => {
    write('left.http', 'PUT https://x.test/a\nIf-Unmodified-Since: yesterday\n');
    const r = await runCli(['lint', '--fix', 'left.http'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /invalid-http-date/);
    assert.match(r.stdout, /--fix applied 0 fixes in 0 files; 1 problem left has no automatic fix\.\n$/);
  });
});

/** Applies a unified diff of one file (as `patch` would), so the test checks the diff means what --fix does. */
function applyUnifiedDiff(text: string, diff: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let at = 0;
  const hunkLines = diff.split('\n');
  for (let i = 0; i < hunkLines.length; i++) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(hunkLines[i]);
    if (!m) continue;
    const start = Number(m[1]) - (m[2] === '0' ? 0 : 1);
    while (at < start) out.push(lines[at++]);
    for (i++; i < hunkLines.length && /^[ +\-\\]/.test(hunkLines[i]); i++) {
      const l = hunkLines[i];
      if (l.startsWith('+')) out.push(l.slice(1));
      else if (l.startsWith(' ')) out.push(lines[at++]);
      else if (l.startsWith('-')) at++;
    }
    i--;
  }
  while (at < lines.length) out.push(lines[at++]);
  return out.join('\n');
}
