// The server asks its client to watch the project and environment files, and re-lints open documents when
// one changes: editing `.etagguardrc.json` turns a rule off without a reload.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type DidChangeWatchedFilesRegistrationOptions } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lsp-client';

describe('language server: watched files', () => {
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-watch-'));
    client = new LspTestClient();
    await client.initialize({ didChangeWatchedFiles: { dynamicRegistration: true } });
  });
  after(async () => {
    assert.equal(await client.close(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers watchers for the rc file, the environment files and OpenAPI descriptions', async () => {
    const registration = await client.registered('workspace/didChangeWatchedFiles');
    const globs = (registration.registerOptions as DidChangeWatchedFilesRegistrationOptions).watchers.map((w) => w.globPattern);
    assert.deepEqual(globs, ['**/.etagguardrc.json', '**/http-client*.env.json', '**/.env', '**/{openapi,swagger}*.{yaml,yml,json}']);
  });

  it('re-lints an open document when .etagguardrc.json changes', async () => {
    const rc = path.join(dir, '.etagguardrc.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: {} }));
    const uri = pathToFileURL(path.join(dir, 'items.http')).href;
    await client.open(uri, 'PUT https://x.test/items/1\nIf-Match: *\n');
    const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => d.code);
    assert.deepEqual(codes(await client.diagnostics(uri)), ['wildcard-if-match']);

    fs.writeFileSync(rc, JSON.stringify({ rules: { 'wildcard-if-match': 'off' } }));
    await client.filesChanged([{ uri: pathToFileURL(rc).href, type: FileChangeType.Changed }]);
    assert.deepEqual(codes(await client.diagnostics(uri, (p) => p.diagnostics.length === 0)), []);

    fs.writeFileSync(rc, JSON.stringify({ rules: { 'wildcard-if-match': 'error' } }));
    await client.filesChanged([{ uri: pathToFileURL(rc).href, type: FileChangeType.Changed }]);
    const raised = await client.diagnostics(uri, (p) => p.diagnostics.length === 1);
    assert.equal(raised.diagnostics[0].severity, 1);
  });
});
