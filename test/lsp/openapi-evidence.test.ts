// An OpenAPI document in the open workspace folder is evidence the language server reads: a PUT on a route that
// declares If-Match warns with the document named. The server's bundle does not carry the YAML parser (it is
// `dist/server-yaml.js`, required with the first such document), so this is also the test that the require reaches it.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lsp-client';

const CATALOGUE_SPEC = `openapi: 3.0.3
servers:
  - url: https://catalogue.shop-tools.dev/v2
paths:
  /shelves/{shelf}:
    patch:
      parameters:
        - { name: If-Match, in: header, required: true, schema: { type: string } }
      responses:
        '200': { description: patched }
        '412': { description: edited by someone else }
`;

describe('language server: OpenAPI evidence', () => {
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-openapi-'));
    fs.writeFileSync(path.join(dir, 'catalogue-openapi.yaml'), CATALOGUE_SPEC);
    client = new LspTestClient();
    await client.initialize({}, [pathToFileURL(dir).href]);
  });
  after(async () => {
    assert.equal(await client.close(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('warns on a write the workspace\'s OpenAPI document guards, naming the document', async () => {
    const uri = pathToFileURL(path.join(dir, 'shelves.http')).href;
    await client.open(uri, 'PATCH https://catalogue.shop-tools.dev/v2/shelves/7\nContent-Type: application/json\n\n{"label": "new"}\n');
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['missing-precondition']);
    assert.match(String(diagnostics[0].message), /catalogue-openapi\.yaml declares If-Match/);
  });
});
