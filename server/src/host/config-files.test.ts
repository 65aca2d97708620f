import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../engine';
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
});
