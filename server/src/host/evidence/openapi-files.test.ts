import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SCAN_LIMITS, scanApiDocuments } from './openapi-files';

const DOCUMENT = "openapi: 3.0.3\ninfo: { title: Items, version: '1' }\npaths: {}\n";

describe('the workspace scan for OpenAPI documents', () => {
  let root: string;
  before(() => {
    // root/openapi.yaml, then a folder of 300 other files (a data set) holding a second document below them.
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-openapi-scan-'));
    fs.writeFileSync(path.join(root, 'openapi.yaml'), DOCUMENT);
    fs.writeFileSync(path.join(root, 'notes.txt'), 'not YAML');
    fs.mkdirSync(path.join(root, 'data', 'deeper'), { recursive: true });
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(root, 'data', `sample-${i}.csv`), '1,2\n');
    fs.writeFileSync(path.join(root, 'data', 'deeper', 'billing.openapi.yml'), DOCUMENT);
    fs.writeFileSync(path.join(root, 'data', 'deeper', 'described.json'), JSON.stringify({ swagger: '2.0', paths: {} }, null, 2));
    // Found by its top, read as a head of bytes first: 1,300 three-byte characters before the telling line.
    fs.writeFileSync(path.join(root, 'data', 'deeper', 'prices.yaml'), `# ${'€'.repeat(1300)}\n${DOCUMENT}`);
    // Telling line past the first 4,096 characters: not an API description by content (as before).
    fs.writeFileSync(path.join(root, 'data', 'deeper', 'late.yaml'), `# ${'x'.repeat(4100)}\n${DOCUMENT}`);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const found = (scan: ReturnType<typeof scanApiDocuments>) => scan.documents.map((d) => path.relative(root, d.path)).sort();

  it('finds every document, by name and by content, within the limits', () => {
    const scan = scanApiDocuments(root);
    assert.deepEqual(found(scan), ['data/deeper/billing.openapi.yml', 'data/deeper/described.json', 'data/deeper/prices.yaml', 'openapi.yaml']
      .map((p) => p.split('/').join(path.sep)));
    assert.equal(scan.stopped, undefined);
  });

  it('stops listing after maxOtherEntries entries that are not YAML/JSON, keeping what it found nearer the root', () => {
    const scan = scanApiDocuments(root, { ...SCAN_LIMITS, maxOtherEntries: 100 });
    assert.deepEqual(found(scan), ['openapi.yaml']);
    assert.equal(scan.stopped, '100 other entries listed');
  });

  it('stops reading after maxCandidates YAML/JSON files', () => {
    const scan = scanApiDocuments(root, { ...SCAN_LIMITS, maxCandidates: 2 });
    assert.ok(scan.documents.length <= 2 && found(scan).includes('openapi.yaml'));
    assert.equal(scan.stopped, '2 YAML/JSON files read');
  });

  it('does not go below maxDepth, without calling that a stop', () => {
    const scan = scanApiDocuments(root, { ...SCAN_LIMITS, maxDepth: 1 });
    assert.deepEqual(found(scan), ['openapi.yaml']);
    assert.equal(scan.stopped, undefined);
  });
});
