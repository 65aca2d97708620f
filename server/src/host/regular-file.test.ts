import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { NotRegularFileError, readRegularFileHead } from './regular-file';

describe('readRegularFileHead', () => {
  it('reads the first bytes asked for, the whole of a shorter file, and refuses a folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-head-'));
    try {
      const file = path.join(dir, 'a.json');
      fs.writeFileSync(file, 'x'.repeat(100_000));
      assert.equal(readRegularFileHead(file, 16_384).length, 16_384);
      fs.writeFileSync(file, '{"a": 1}');
      assert.equal(readRegularFileHead(file, 16_384).toString('utf8'), '{"a": 1}');
      assert.throws(() => readRegularFileHead(dir, 10), NotRegularFileError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
