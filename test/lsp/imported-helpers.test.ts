// The language server over stdio reads the module a client-code document imports relatively (issue #13): a write
// through the module's exported helper is a diagnostic at the call.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lsp-client';
import { APP, STORE } from '../cli/imported-helpers-texts';

describe('language server: request helpers imported from another module', () => {
  let client: LspTestClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-lsp-imported-'));
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.writeFileSync(path.join(dir, 'lib', 'store.js'), STORE);
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.close(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the write made through the imported helper, on the call', async () => {
    const uri = pathToFileURL(path.join(dir, 'app.js')).href;
    await client.open(uri, APP, 'javascript');
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-precondition'), 30000);
    const found = diagnostics.filter((d) => d.code === 'missing-precondition');
    assert.deepEqual(found.map((d) => d.range.start.line), [5]);
    assert.match(String(found[0].message), /follows a GET of the same URL/);
  });
});
