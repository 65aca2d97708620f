// Workspace evidence through the CLI (issue #13): an OpenAPI document and what the runner has seen turn a
// hint (never printed) into a warning that names them; --explain-evidence shows what is known.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runLint, type LintRun } from './run-lint';
import { readObservations, recordObservation } from '../../server/src/host/evidence/observation-store';

const SPEC = `openapi: 3.0.3
servers:
  - url: https://api.shop.dev/v1
paths:
  /items/{id}:
    put:
      parameters:
        - $ref: '#/components/parameters/IfMatch'
      responses:
        '200': { description: ok }
        '412': { description: changed meanwhile }
components:
  parameters:
    IfMatch: { name: If-Match, in: header, required: true, schema: { type: string } }
`;

function lint(cwd: string, ...args: string[]): Promise<LintRun> {
  return runLint(cwd, args);
}

describe('etag-guard lint: workspace evidence', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-evidence-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.mkdirSync(path.join(dir, 'spec'));
    fs.writeFileSync(path.join(dir, 'spec', 'shop-api.yml'), SPEC);
    fs.writeFileSync(path.join(dir, 'api.http'), 'PUT https://api.shop.dev/v1/items/3\n\n###\nPUT http://127.0.0.1:9/notes/4\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('warns where the OpenAPI document declares If-Match, and prints no hint elsewhere', async () => {
    const { out } = await lint(dir, '--format', 'json', 'api.http');
    const [result] = JSON.parse(out) as { messages: { line: number; message: string; ruleId: string }[] }[];
    assert.deepEqual(result.messages.map((m) => `${m.line} ${m.ruleId}`), ['1 missing-precondition']);
    assert.match(result.messages[0].message, /shop-api\.yml declares If-Match, a 412 response on PUT \/items\/\{id\}/);
  });

  it('remembers a GET refused with 405 (no read to insert there) and forgets it when a GET of the route succeeds', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-405-'));
    try {
      assert.ok(recordObservation(root, { method: 'GET', url: 'http://127.0.0.1:9/inbox/1', status: 405, at: '2026-11-29T10:02:00Z' }));
      assert.deepEqual(readObservations(root).map((o) => o.status), [405]);
      // A success without validators tells nothing about versions, but it does say GET is served now.
      assert.ok(recordObservation(root, { method: 'GET', url: 'http://127.0.0.1:9/inbox/2', status: 200, at: '2026-11-29T10:03:00Z' }));
      assert.deepEqual(readObservations(root), []);
      assert.equal(recordObservation(root, { method: 'GET', url: 'http://127.0.0.1:9/inbox/2', status: 200, at: '2026-11-29T10:04:00Z' }), false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('remembers what the runner saw, and explains it', async () => {
    assert.ok(recordObservation(dir, { method: 'GET', url: 'http://127.0.0.1:9/notes/1?token=secret', status: 200, etag: true, at: '2026-11-29T10:02:00Z' }));
    const stored = fs.readFileSync(path.join(dir, '.etag-guard', 'observations.json'), 'utf8');
    assert.doesNotMatch(stored, /secret/, 'query strings are not kept');
    const { out } = await lint(dir, '--format', 'json', 'api.http');
    const [result] = JSON.parse(out) as { messages: { line: number; message: string }[] }[];
    assert.deepEqual(result.messages.map((m) => m.line), [1, 4]);
    assert.match(result.messages[1].message, /GET \/notes\/1 returned ETag at 10:02/);
    const explained = await lint(dir, '--explain-evidence', 'api.http');
    assert.match(explained.out, /OpenAPI documents: spec[\\/]shop-api\.yml/);
    assert.match(explained.out, /4: PUT http:\/\/127\.0\.0\.1:9\/notes\/4 → warn/);
    assert.match(explained.out, /observed: GET \/notes\/1 returned ETag at 10:02/);
  });

  it('explains client code too: every piece of evidence a warning names only the first of, and why a write is a hint', async () => {
    // A warning's message names its first piece of evidence and points here for the rest ("and more").
    const code = [
      'import boto3',
      's3 = boto3.client("s3")',
      '',
      'def bump(name):',
      '    seen = s3.get_object(Bucket="tallies", Key=name)["Body"].read()',
      '    s3.put_object(Bucket="tallies", Key=name, Body=str(int(seen) + 1))',
      '',
      'def reset(name):',
      '    s3.put_object(Bucket="tallies", Key=name, Body="0")',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'tallies.py'), code);
    const { out } = await lint(dir, '--explain-evidence', 'tallies.py');
    assert.match(out, /tallies\.py\n {2}6: PUT \S+ → warn\n {6}same-file: the PUT on line 6 follows a GET of the same URL on line 5/);
    assert.match(out, /catalogue: Amazon S3 returns an ETag/);
    assert.match(out, /9: PUT \S+ → hint \(/);
  });
});
