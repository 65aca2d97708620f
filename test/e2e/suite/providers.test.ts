// Code lenses, document symbols and hovers from the language server.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import { hasCode, hoverText, lineOf, openWithDiagnostics } from './util';

const requestLine = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /;

function requestLines(doc: vscode.TextDocument): number[] {
  const lines: number[] = [];
  for (let i = 0; i < doc.lineCount; i++) if (requestLine.test(doc.lineAt(i).text)) lines.push(i);
  return lines;
}

test('a "Send request" code lens per request', async () => {
  const { doc, uri } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  const send = lenses.filter((l) => l.command && /send request/i.test(l.command.title));
  const reqs = requestLines(doc);
  assert.strictEqual(reqs.length, 3);
  assert.strictEqual(send.length, reqs.length, `lenses: ${lenses.map((l) => `${l.range.start.line}:${l.command?.title}`).join(', ')}`);
  // each lens sits on (or right above, at the ### separator of) its request
  for (const [i, l] of send.sort((a, b) => a.range.start.line - b.range.start.line).entries()) {
    assert.ok(l.range.start.line <= reqs[i] && (i === 0 || l.range.start.line > reqs[i - 1]), `lens ${i} on line ${l.range.start.line}, request on ${reqs[i]}`);
    assert.ok(l.command!.command, 'lens without a command id');
  }
  const all = lenses.filter((l) => l.command && /send all/i.test(l.command.title));
  assert.deepStrictEqual(all.map((l) => [l.range.start.line, l.command!.title]), [[reqs[0], 'Send all (3)']]);
});

test('a document symbol per request, named after method and URL', async () => {
  const { doc, uri } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  const symbols = (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
    'vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const names = symbols.map((s) => s.name);
  assert.strictEqual(symbols.length, requestLines(doc).length, `symbols: ${JSON.stringify(names)}`);
  for (const method of ['GET', 'PUT', 'DELETE']) {
    assert.ok(symbols.some((s) => s.name.includes(method) || ('detail' in s && s.detail.includes(method))), `no symbol for ${method}: ${JSON.stringify(names)}`);
  }
  const put = symbols.find((s) => s.name.includes('PUT') || ('detail' in s && s.detail.includes('PUT')))!;
  const range = 'range' in put ? put.range : put.location.range;
  assert.ok(range.contains(new vscode.Position(lineOf(doc, /^PUT /), 0)), 'PUT symbol does not cover the PUT line');
});

test('hover on an If-Match header explains it', async () => {
  const { doc, uri } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  const line = lineOf(doc, /^If-Match:/);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 3))) ?? [];
  const text = hovers.map(hoverText).join('\n---\n');
  assert.ok(hovers.length > 0, 'no hover on If-Match');
  assert.match(text, /If-Match/i);
  assert.match(text, /ETag|entity.tag|412|precondition/i);
});

test('hover on a response reference names the request it comes from', async () => {
  const { doc, uri } = await openWithDiagnostics('stale.http', hasCode('stale-etag'));
  const line = lineOf(doc, /^If-Match: \{\{widget/);
  const at = doc.lineAt(line).text.indexOf('widget') + 2;
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, at))) ?? [];
  const text = hovers.map(hoverText).join('\n---\n');
  assert.match(text, /widget/);
  assert.match(text, new RegExp(`GET.*line ${lineOf(doc, /^GET /) + 1}`), `hover: ${text}`);
});

test('no etag-guard hover on a request body', async () => {
  const { doc, uri } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  const line = lineOf(doc, /^\{"name": "blue"\}/);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 3))) ?? [];
  assert.doesNotMatch(hovers.map(hoverText).join('\n'), /If-Match|precondition/i);
});
