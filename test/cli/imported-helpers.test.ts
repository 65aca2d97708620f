// Request helpers imported from another module of the project (issue #13): the CLI reads the relatively imported
// module, and a write made through its exported helper is judged at the call, with the caller's URL.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runLint, type LintRun } from './run-lint';
import { APP, STORE } from './imported-helpers-texts';

const GUARDED = `const store = require('./lib/store');
const LIST = 'https://graph.microsoft.com/v1.0/me/drive/special/approot:/list.json:/content';
export async function addItem(item, etag) {
  const list = await store.getJson(LIST);
  list.push(item);
  await store.replace(LIST, list, etag);
}
`;

function lint(cwd: string, ...args: string[]): Promise<LintRun> {
  return runLint(cwd, ['--format', 'json', ...args]);
}

describe('etag-guard lint: request helpers imported from another module', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-imported-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.writeFileSync(path.join(dir, 'lib', 'store.js'), STORE);
    fs.writeFileSync(path.join(dir, 'app.js'), APP);
    fs.writeFileSync(path.join(dir, 'guarded.js'), GUARDED);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('judges a write through an imported helper at the call, with the caller\'s URL', async () => {
    const { out } = await lint(dir, 'app.js');
    const [report] = JSON.parse(out) as Array<{ messages: Array<{ ruleId: string; line: number; message: string }> }>;
    const found = report.messages.filter((m) => m.ruleId === 'missing-precondition');
    assert.deepEqual(found.map((m) => m.line), [6]);
    assert.match(found[0].message, /follows a GET of the same URL on line 4/);
  });

  it('takes the If-Match a helper sends from its caller (module.exports = { replace: replaceJson })', async () => {
    const { out } = await lint(dir, 'guarded.js', '--strict');
    const [report] = JSON.parse(out) as Array<{ messages: Array<{ ruleId: string }> }>;
    assert.deepEqual(report.messages.filter((m) => m.ruleId === 'missing-precondition'), []);
  });

  it('reads the module again when it changes, and nothing when it is gone', async () => {
    fs.writeFileSync(path.join(dir, 'lib', 'store.js'), STORE.replace("method: 'PUT', headers: { 'Content-Type'", "method: 'PUT', headers: { 'If-Match': '*', 'Content-Type'"));
    const changed = JSON.parse((await lint(dir, 'app.js')).out) as Array<{ messages: unknown[] }>;
    assert.deepEqual(changed[0].messages, []);
    fs.rmSync(path.join(dir, 'lib', 'store.js'));
    const gone = JSON.parse((await lint(dir, 'app.js')).out) as Array<{ messages: unknown[] }>;
    assert.deepEqual(gone[0].messages, []);
    fs.writeFileSync(path.join(dir, 'lib', 'store.js'), STORE);
  });
});
