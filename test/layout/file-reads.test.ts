// Every file etag-guard reads goes through host/regular-file.ts (issue #19): a FIFO, device or folder named
// like a file it reads must be skipped, never opened blocking, and every read has a size cap. A raw
// fs.readFile*/createReadStream/openSync anywhere else under server/src or client/src is a way round it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GUARDED_READER = path.join('server', 'src', 'host', 'regular-file.ts');
const RAW_READ = /\b(readFileSync|readFile|createReadStream|openSync|readSync|fs\.open|promises\.open)\s*\(/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    // engine/testing reads the project's own fixtures, in tests only.
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('file reads', () => {
  it('only host/regular-file.ts opens or reads files', () => {
    const files = ['server/src', 'client/src'].flatMap((d) => sources(path.join(ROOT, d)));
    assert.ok(files.length > 50, 'the scan found the sources');
    const raw = files
      .filter((f) => path.relative(ROOT, f) !== GUARDED_READER)
      .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => RAW_READ.test(line) && !line.trimStart().startsWith('//') && !line.trimStart().startsWith('*')))
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    assert.deepEqual(raw, []);
  });
});
