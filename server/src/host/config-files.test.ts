import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_CONFIG, lintHttp } from '../engine';
import { applyRcFile } from './config-files';

describe('.etagguardrc.json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-rc-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('may hold comments and trailing commas', () => {
    fs.writeFileSync(path.join(dir, '.etagguardrc.json'), '{\n  // CI wants errors\n  "rules": { "missing-precondition": "error", },\n}\n');
    const loaded = applyRcFile(DEFAULT_CONFIG, path.join(dir, 'a.http'), dir);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.config.rules['missing-precondition'], 'error');
  });

  it('reports broken JSON as one problem with its position, and keeps the base configuration', () => {
    fs.writeFileSync(path.join(dir, '.etagguardrc.json'), '{\n  "rules": {\n}');
    const loaded = applyRcFile(DEFAULT_CONFIG, path.join(dir, 'a.http'), dir);
    assert.deepEqual(loaded.problems.map((p) => p.message), ['cannot read: CloseBraceExpected at line 3, column 2']);
    assert.deepEqual(loaded.config.rules, DEFAULT_CONFIG.rules);
  });

  it('reads the environment files\' names only when a variable is unresolved, then once', () => {
    fs.rmSync(path.join(dir, '.etagguardrc.json'), { force: true });
    fs.writeFileSync(path.join(dir, 'http-client.env.json'), JSON.stringify({ dev: { host: 'https://api.example.com' } }));
    const loaded = applyRcFile(DEFAULT_CONFIG, path.join(dir, 'a.http'), dir);
    let asked = 0;
    const config = { ...loaded.config, environmentFileNames: () => (asked++, loaded.config.environmentFileNames!()) };
    const unknown = (text: string) => lintHttp(text, config).findings.filter((f) => f.ruleId === 'unknown-reference').map((f) => f.range.start.line);
    assert.deepEqual(unknown('@base = https://api.example.com\nGET {{base}}/items\n'), []);
    assert.equal(asked, 0, 'every variable resolved: the folders up to / are not listed');
    // Line 0 names what the environment file defines; whether line 1 is reported depends on the folders above the
    // temporary one (another tool's environment file there may define anything), so only line 0 is asserted.
    assert.ok(!unknown('GET {{host}}/items\n###\nGET {{hots}}/items\n').includes(0));
    assert.equal(asked, 1);
  });
});
