import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest,
  DidChangeConfigurationNotification, type CodeAction, type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lsp-client';

const URI = 'file:///tmp/etag-guard-lsp-test/session.http';
const TEXT = [
  '# @name item',
  'GET https://api.example.com/items/1',
  '',
  '###',
  'PUT https://api.example.com/items/1',
  'Content-Type: application/json',
  'If-Match: abc',
  '',
  '{"name": "x"}',
  '',
  '###',
  'DELETE https://api.example.com/items/1',
  '',
].join('\n');

describe('language server over stdio (a non-VS Code client)', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    await client.open(URI, TEXT);
  });
  after(async () => {
    assert.equal(await client.close(), 0);
  });

  it('publishes diagnostics with rule codes, docs links and the source', async () => {
    const { diagnostics } = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    const summary = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`).sort();
    assert.deepEqual(summary, ['11:0 missing-precondition', '6:10 invalid-etag']);
    for (const d of diagnostics) {
      assert.equal(d.source, 'etag-guard');
      assert.match(d.codeDescription!.href, new RegExp(`docs/rules/${String(d.code)}\\.md$`));
    }
  });

  it('re-lints after an incremental edit', async () => {
    await client.change(URI, 2, [{ range: { start: { line: 6, character: 10 }, end: { line: 6, character: 13 } }, text: '"abc"' }]);
    const { diagnostics, version } = await client.diagnostics(URI, (p) => p.version === 2);
    assert.deepEqual(diagnostics.map((d) => d.code), ['hardcoded-etag', 'missing-precondition']);
    assert.equal(version, 2);
  });

  it('offers the quick fixes as workspace edits', async () => {
    const { diagnostics } = await client.diagnostics(URI, (p) => p.version === 2);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics },
    }) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Use the ETag read by item'), titles.join(' | '));
    const preferred = actions.find((a) => a.isPreferred)!;
    const edits = preferred.edit!.changes![URI];
    assert.deepEqual(edits.map((e) => e.newText), ['{{item.response.headers.ETag}}']);
  });

  it('serves a Send lens per request plus Send all', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(lenses!.map((l) => l.command!.title), ['Send all (3)', 'Send request', 'Send request', 'Send request']);
    assert.deepEqual(lenses![2].command!.arguments, [URI, 4]);
  });

  it('lists one symbol and one folding range per request', async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(symbols!.map((s) => s.name), ['item', 'PUT https://api.example.com/items/1', 'DELETE https://api.example.com/items/1']);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(folds!.map((f) => [f.startLine, f.endLine]), [[0, 1], [4, 8]]);
  });

  it('explains If-Match on hover, with the RFC section', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 6, character: 3 } });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*If-Match\*\*/);
    assert.match(value, /strong/);
    assert.match(value, /rfc9110#section-13\.1\.1/);
  });

  it('completes If-Match values with ETag references of earlier named requests', async () => {
    await client.change(URI, 3, [{ range: { start: { line: 6, character: 10 }, end: { line: 6, character: 15 } }, text: '' }]);
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line: 6, character: 10 } });
    const labels = (Array.isArray(items) ? items : items!.items).map((i) => i.label);
    assert.deepEqual(labels, ['{{item.response.headers.ETag}}']);
  });
});

describe('language server under rapid edits', () => {
  it('publishes each version with the diagnostics of that version\'s text, never an older analysis', async () => {
    const client = new LspTestClient();
    await client.initialize();
    const uri = 'file:///tmp/etag-guard-lsp-test/rapid.http';
    // Odd versions hold an unquoted tag (invalid-etag), even versions a quoted one (no invalid-etag).
    const textOf = (v: number) => `PUT https://api.example.com/items/1\nIf-Match: ${v % 2 ? 'abc' : '"abc"'}\n`;
    const seen: { version: number; invalid: boolean }[] = [];
    client.onDiagnostics((p) => {
      if (p.uri === uri) seen.push({ version: p.version!, invalid: p.diagnostics.some((d) => d.code === 'invalid-etag') });
    });
    await client.open(uri, textOf(1));
    await client.diagnostics(uri, (p) => p.version === 1);
    // A settings change makes every analysis wait for a workspace/configuration round trip: edits arrive meanwhile.
    void client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    for (let v = 2; v <= 12; v++) {
      void client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: textOf(v) }]);
    }
    await client.diagnostics(uri, (p) => p.version === 12);
    assert.ok(seen.length > 0);
    for (const s of seen) assert.equal(s.invalid, s.version % 2 === 1, `version ${s.version} was published with another version's diagnostics`);
    assert.equal(await client.close(), 0);
  });

  it('publishes the settings changed last, even when an earlier change\'s settings arrive after it', async () => {
    const client = new LspTestClient();
    await client.initialize();
    const uri = 'file:///tmp/etag-guard-lsp-test/settings-race.http';
    await client.open(uri, 'PUT https://api.example.com/items/1\nIf-Match: abc\n');
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'invalid-etag'));
    const published: boolean[] = [];
    client.onDiagnostics((p) => { if (p.uri === uri) published.push(p.diagnostics.some((d) => d.code === 'invalid-etag')); });
    // First change: the rule turned off, but the client answers that pull late (an editor busy elsewhere).
    client.answerSettings = () => new Promise((resolve) => setTimeout(() => resolve({ rules: { 'invalid-etag': 'off' } }), 400));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Second change: the rule back on, answered at once; it is the settings in force from now on.
    client.answerSettings = () => ({});
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await new Promise((resolve) => setTimeout(resolve, 900));
    assert.ok(published.length > 0, 'the second change was published');
    assert.equal(published[published.length - 1], true, `the late answer of the first change was published last: ${JSON.stringify(published)}`);
    assert.equal(await client.close(), 0);
  });
});
