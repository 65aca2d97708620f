import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FileTooLargeError, NotRegularFileError, readRegularFile, readRegularFileHead } from './regular-file';

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

describe('readRegularFile', () => {
  it('reads files of every size around its first buffer whole, and refuses one over the cap', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-read-'));
    try {
      const file = path.join(dir, 'big.http');
      // The first buffer is the size `fstat` gives plus one byte (at least 64 KiB): sizes on both sides of it.
      for (const size of [0, 1, 65_535, 65_536, 65_537, 131_072, 1_421_991]) {
        const text = 'GET /x\n'.repeat(Math.ceil(size / 7)).slice(0, size);
        fs.writeFileSync(file, text);
        assert.equal(readRegularFile(file, 'utf8', { maxBytes: 2_000_000 }), text, `size ${size}`);
      }
      fs.writeFileSync(file, 'x'.repeat(1000));
      assert.equal(readRegularFile(file, null, { maxBytes: 1000 }).length, 1000);
      assert.throws(() => readRegularFile(file, null, { maxBytes: 999 }), FileTooLargeError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a file whose size says 0 to its end (a /proc file)', { skip: !fs.existsSync('/proc/self/status') && 'no /proc here' }, () => {
    const text = readRegularFile('/proc/self/status', 'utf8', { maxBytes: 1_000_000 });
    assert.match(text, /^Name:/);
    assert.match(text, /\n$/);
  });
});
