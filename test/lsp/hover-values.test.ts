// Hovers on `{{…}}` over stdio (issue 15 #8): the value and its origin from the environment files, file
// variables and `.env` the server reads itself, and from the run state a client reports with
// `etagGuard/runStateChanged` (picked environment, a session's captured response), secrets masked.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { RUN_STATE_CHANGED, type RunStateParams } from '../../server/src/lsp/protocol';
import { LspTestClient } from './lsp-client';

const TEXT = [
  '@itemPath = /items/1',
  '# @name item',
  'GET {{base}}{{itemPath}}',
  'X-Api-Key: {{$dotenv API_KEY}}',
  'X-Region: {{$dotenv REGION}}',
  'Authorization: Bearer {{accessToken}}',
  '',
  '###',
  'PUT {{base}}/items/1',
  'If-Match: {{item.response.headers.ETag}}',
  'X-Undefined: {{nowhere}}',
  '',
  '###',
  '@etag = {{item.response.headers.ETag}}',
  'GET {{base}}/items/1',
  'If-None-Match: {{etag}}',
  '',
].join('\n');

describe('hovers on {{…}} show the current value and where it comes from', () => {
  let client: LspTestClient;
  let dir: string;
  let uri: string;
  const hoverOn = async (line: number, needle: string): Promise<string> => {
    const character = TEXT.split('\n')[line].indexOf(needle) + 2;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    return hover ? (hover.contents as MarkupContent).value : '';
  };
  const report = (p: RunStateParams) => client.connection.sendNotification(RUN_STATE_CHANGED, p);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-hover-'));
    fs.writeFileSync(path.join(dir, 'http-client.env.json'), JSON.stringify({ $shared: { accessToken: 'tok-123' }, dev: { base: 'http://dev.example' }, prod: { base: 'https://prod.example' } }));
    fs.writeFileSync(path.join(dir, '.env'), 'API_KEY=k-456\nREGION=eu-west\n');
    uri = pathToFileURL(path.join(dir, 'items.http')).href;
    client = new LspTestClient();
    await client.initialize();
    await client.open(uri, TEXT);
  });
  after(async () => {
    assert.equal(await client.close(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a plain {{variable}}: the picked environment, the file that defines it and whether it came from $shared', async () => {
    await report({ environment: 'dev', trusted: true });
    const base = await hoverOn(2, '{{base}}');
    assert.match(base, /`http:\/\/dev\.example`/);
    assert.match(base, /environment `dev` in `http-client\.env\.json`/);
    await report({ environment: 'prod' });
    assert.match(await hoverOn(2, '{{base}}'), /`https:\/\/prod\.example`/);
    const token = await hoverOn(5, '{{accessToken}}');
    assert.match(token, /= `•••`/);
    assert.doesNotMatch(token, /tok-123/);
    assert.match(token, /`\$shared` in `http-client\.env\.json`/);
  });

  it('a variable of the request\'s block with its line, .env values (masked when secret-named), and an undefined name', async () => {
    // Above the first request line without a `###`, it belongs to that request's block (as the runner reads it).
    assert.match(await hoverOn(2, '{{itemPath}}'), /= `\/items\/1`[\s\S]*Request variable, line 1/);
    const key = await hoverOn(3, '{{$dotenv');
    assert.match(key, /= `•••`[\s\S]*`\.env`/);
    assert.doesNotMatch(key, /k-456/);
    assert.match(await hoverOn(4, '{{$dotenv'), /= `eu-west`/);
    assert.match(await hoverOn(10, '{{nowhere}}'), /Not defined/);
  });

  it('a response reference: "not run" until the client reports a session, then the captured value and when it arrived', async () => {
    assert.match(await hoverOn(9, '{{item.'), /Not run in this session yet/);
    const at = Date.now();
    await report({
      session: {
        uri, globals: [],
        responses: [{ name: 'item', line: 2, at, request: { method: 'GET', url: 'http://dev.example/items/1', headers: [] },
          response: { status: 200, headers: { etag: '"v2"' }, body: '{}', cut: false } }],
      },
    });
    const ref = await hoverOn(9, '{{item.');
    assert.match(ref, /Now: `"v2"` — response of `item` \(200\) at /);
    assert.ok(ref.includes(new Date(at).toLocaleTimeString()), ref);
    assert.match(ref, /From the GET `\{\{base\}\}\{\{itemPath\}\}` on line 3/);
    // A variable holding a reference: its text, and what the reference reads now.
    assert.match(await hoverOn(15, '{{etag}}'), /= `\{\{item\.response\.headers\.ETag\}\}`[\s\S]*line 14[\s\S]*Now: `"v2"`/);
  });

  it('environment files are not read once the client says the workspace is untrusted', async () => {
    await report({ trusted: false });
    const base = await hoverOn(2, '{{base}}');
    assert.match(base, /Not defined[\s\S]*untrusted/);
    await report({ trusted: true });
  });
});
