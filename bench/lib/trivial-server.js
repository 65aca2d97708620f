/**
 * The floor the language-server figures are compared with: a trivial language server on the same
 * `vscode-languageserver` library and the same incremental document sync, which on every change re-scans the
 * whole text with one regex per line and publishes as many diagnostics as etag-guard did (`--diagnostics N`:
 * the first N write lines), shaped like etag-guard's (code, docs link, source, a sentence of message).
 *   node bench/lib/trivial-server.js --stdio --diagnostics N
 */
'use strict';
const { createConnection, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const limit = Number(process.argv[process.argv.indexOf('--diagnostics') + 1]) || Infinity;
const WRITE = /^(PUT|PATCH|DELETE|POST)\s+(\S+)/;

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));

documents.onDidChangeContent(({ document }) => {
  const lines = document.getText().split(/\r?\n/);
  const diagnostics = [];
  for (let line = 0; line < lines.length && diagnostics.length < limit; line++) {
    const m = WRITE.exec(lines[line]);
    if (!m) continue;
    diagnostics.push({
      range: { start: { line, character: 0 }, end: { line, character: lines[line].length } },
      severity: DiagnosticSeverity.Warning,
      code: 'trivial-write',
      codeDescription: { href: 'https://example.test/docs/rules/trivial-write.md' },
      source: 'trivial',
      message: `${m[1]} ${m[2]} was matched by a regular expression on its line; nothing else was looked at.`,
    });
  }
  connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
});

documents.listen(connection);
connection.listen();
