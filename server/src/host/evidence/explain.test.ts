import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../engine';
import { explainEvidence } from './explain';
import type { WorkspaceEvidence } from './workspace-evidence';

describe('explainEvidence', () => {
  it('says when the OpenAPI scan stopped at a limit, and stays silent when it did not', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-explain-'));
    try {
      const file = path.join(root, 'items.http');
      fs.writeFileSync(file, 'GET https://api.example.com/items/1\n');
      const workspace: WorkspaceEvidence = { root, documents: [], observations: [], probes: [], sources: [] };
      const complete = explainEvidence([file], root, DEFAULT_CONFIG, () => workspace);
      assert.match(complete, /OpenAPI documents: none found\n/);
      assert.doesNotMatch(complete, /scan for them stopped/);
      const stopped = explainEvidence([file], root, DEFAULT_CONFIG, () => ({ ...workspace, scanStopped: '20,000 other entries listed' }));
      assert.match(stopped, /OpenAPI documents: none found\n {2}\(the scan for them stopped after 20,000 other entries listed: documents further in are not read\)\n/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('names each piece of evidence once, though it is filed under the read\'s route and the write\'s', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-explain-'));
    try {
      const file = path.join(root, 'shelves.http');
      fs.writeFileSync(file, [
        '# @name shelves', 'GET https://api.library.dev/shelves', '', '###',
        'PUT https://api.library.dev/shelves/3', 'If-Match: {{shelves.response.headers.ETag}}', '', '{"label": "A"}', '',
        '###', 'PATCH https://api.library.dev/shelves/4', '', '{"label": "B"}', '',
      ].join('\n'));
      const workspace: WorkspaceEvidence = { root, documents: [], observations: [], probes: [], sources: [] };
      const text = explainEvidence([file], root, DEFAULT_CONFIG, () => workspace);
      const sentence = 'line 6 uses the ETag of GET https://api.library.dev/shelves (line 2)';
      assert.equal(text.split(sentence).length - 1, 1, text);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('says a write that carries its precondition is guarded, not how it would be judged without one', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-explain-'));
    try {
      const file = path.join(root, 'flags.http');
      fs.writeFileSync(file, [
        'PUT http://127.0.0.1:8500/v1/kv/flags/beta?cas=0', '', 'on', '', '###',
        'PUT http://127.0.0.1:8500/v1/kv/flags/beta', '', 'off', '',
      ].join('\n'));
      const workspace: WorkspaceEvidence = { root, documents: [], observations: [], probes: [], sources: [] };
      const text = explainEvidence([file], root, DEFAULT_CONFIG, () => workspace);
      assert.match(text, /1: PUT http:\/\/127\.0\.0\.1:8500\/v1\/kv\/flags\/beta\?cas=0 → guarded \(it sends a precondition\)/);
      assert.match(text, /6: PUT http:\/\/127\.0\.0\.1:8500\/v1\/kv\/flags\/beta → (warn|hint)/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('says what the rule does where only the catalogue speaks: a warning after a read of the resource, else a hint', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-explain-'));
    try {
      const file = path.join(root, 'kv.http');
      fs.writeFileSync(file, [
        'GET http://127.0.0.1:8500/v1/kv/a', '', '###', 'PUT http://127.0.0.1:8500/v1/kv/a', '', 'x', '',
        '###', 'PUT http://127.0.0.1:8500/v1/kv/b', '', 'y', '', '###', 'DELETE http://127.0.0.1:8500/v1/kv/c', '',
      ].join('\n'));
      const workspace: WorkspaceEvidence = { root, documents: [], observations: [], probes: [], sources: [] };
      const text = explainEvidence([file], root, DEFAULT_CONFIG, () => workspace);
      assert.match(text, /4: PUT http:\/\/127\.0\.0\.1:8500\/v1\/kv\/a → warn\n/);
      assert.match(text, /9: PUT http:\/\/127\.0\.0\.1:8500\/v1\/kv\/b → hint \(only a hint: only the catalogue says the service versions it, and nothing in the file reads the resource right before this write\)/);
      assert.match(text, /14: DELETE http:\/\/127\.0\.0\.1:8500\/v1\/kv\/c → hint \(only a hint: only the catalogue says the service versions it, and a delete means whatever is there\)/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
