/**
 * The etag-guard language server: `node dist/server.js --stdio` for any LSP editor. Glue only: documents come
 * in, the engine lints them, features turn results into LSP.
 */
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from './analyzer';
import { ChangeRanges } from './change-ranges';
import { codeActions } from './features/code-actions';
import { codeLenses } from './features/code-lens';
import { completions } from './features/completion';
import { toDiagnostic } from './features/diagnostics';
import { hover } from './features/hover';
import { documentSymbols, foldingRanges } from './features/symbols';
import { Settings } from './settings';
import { EVIDENCE_CHANGED, EXPLAIN_EVIDENCE, RUN_STATE_CHANGED, type EvidenceChangedParams, type ExplainEvidenceParams, type RunStateParams } from './protocol';
import { RunState } from './run-state';
import { LintLog } from './lint-log';
import { explainEvidence } from '../host/evidence/explain';
import { DEFAULT_CONFIG } from '../engine';
import { fileURLToPath } from 'node:url';
import { canWatchFiles, registerFileWatchers } from './watched-files';
import { VERSION } from '../host/version';
import { setFlagsFromString } from 'node:v8';

// Every keystroke in a big document leaves a few large arrays (one slot per request) for the garbage collector.
// V8's default heap growth lets old-generation garbage pile up to 2–3× the live heap before a full collection;
// growing by 20 % per collection keeps the resident size near what the analysis holds (docs/performance.md).
setFlagsFromString('--heap-growing-percent=20');
// A big document's first analysis is mostly V8's optimising compiler, on other threads, compiling functions that
// inline whole phases; a smaller inlining budget compiles less and the optimised code runs as fast (docs/performance.md,
// "Issue 16, twelfth session", step 2).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

const connection = createConnection(ProposedFeatures.all);
/** The editor's change ranges, so a keystroke in a big `.http` document is analysed around where it happened. */
const changeRanges = new ChangeRanges();
const documents = new TextDocuments(changeRanges.documents);
let pullConfiguration = false;
let watchFiles = false;
const settings = new Settings(connection, () => pullConfiguration);
const analyzer = new Analyzer(settings, (message) => connection.console.error(message), changeRanges);
const runState = new RunState(connection, settings, () => pullConfiguration);
/** What the server did, for the client's output channel (window/logMessage). */
const lintLog = new LintLog((message) => connection.console.info(message));

connection.onInitialize((params) => {
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  const folders = (params.workspaceFolders ?? []).map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  settings.setWorkspaceFolders(folders);
  watchFiles = canWatchFiles(params);
  lintLog.started(VERSION, folders.length, params.clientInfo?.name);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '{'] },
    },
    serverInfo: { name: 'etag-guard', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  if (watchFiles) registerFileWatchers(connection);
});

async function validate(doc: TextDocument): Promise<void> {
  // `process.hrtime`, not `performance.now()`: the `performance` global loads perf_hooks on first use, ~3 ms of
  // compilation on the way to a document's first diagnostics.
  const started = process.hrtime.bigint();
  const pending = analyzer.analyze(doc);
  const analysis = await pending;
  // A newer version, or new settings (which start a fresh analysis of the same version), may have arrived
  // meanwhile: that validation publishes; never publish an older or superseded one, whenever it finishes.
  if (documents.get(doc.uri)?.version !== analysis.version || !analyzer.isLatest(doc.uri, pending)) return;
  lintLog.linted(doc.uri, analysis.version, analysis.findings.length, Number(process.hrtime.bigint() - started) / 1e6);
  // Resolves once the message is written out (a big list fills the pipe): only then may the server block again.
  await connection.sendDiagnostics({ uri: doc.uri, version: analysis.version, diagnostics: analysis.findings.map(toDiagnostic) });
  analyzer.prime(doc.uri);
}

documents.onDidChangeContent((e) => void validate(e.document));
documents.onDidClose((e) => {
  analyzer.forget(e.document.uri);
  changeRanges.forget(e.document.uri);
  lintLog.forget(e.document.uri);
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** Settings or an rc file changed: forget what was derived from them and lint every open document again. */
function revalidateAll(): void {
  settings.reset();
  analyzer.clear();
  for (const doc of documents.all()) void validate(doc);
}

connection.onDidChangeConfiguration(revalidateAll);
connection.onDidChangeWatchedFiles(() => {
  // An OpenAPI document or `.etag-guard/` may be among the changed files: read the workspaces' evidence again.
  settings.evidence.forget();
  revalidateAll();
});
// The runner saw a response that tells whether an API versions its resources (or the evidence was cleared).
connection.onNotification(EVIDENCE_CHANGED, (p: EvidenceChangedParams) => {
  settings.evidence.forget(p.root);
  revalidateAll();
});
// The runner's picked environment, trust and captured responses, for hovers on `{{…}}`.
connection.onNotification(RUN_STATE_CHANGED, (p: RunStateParams) => runState.update(p));
connection.onRequest(EXPLAIN_EVIDENCE, (p: ExplainEvidenceParams): string => {
  const filePath = p.uri.startsWith('file:') ? fileURLToPath(p.uri) : undefined;
  if (!filePath) return 'etag-guard keeps evidence for files on disk only.';
  return explainEvidence([filePath], settings.rootOf(filePath), DEFAULT_CONFIG, (f) => settings.evidence.get(settings.rootOf(f)));
});

const withDoc = <P extends { textDocument: { uri: string } }, R>(empty: R, fn: (doc: TextDocument, p: P) => Promise<R> | R) =>
  async (p: P): Promise<R> => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? fn(doc, p) : empty;
  };

connection.onCodeAction(withDoc([], async (doc, p) => {
  const analysis = await analyzer.analyze(doc);
  return codeActions(p, analysis.findings, analysis.checker);
}));
connection.onCodeLens(withDoc([], async (doc) => {
  const file = (await analyzer.analyze(doc)).file;
  return file ? codeLenses(doc.uri, file) : [];
}));
connection.onDocumentSymbol(withDoc([], async (doc) => {
  const file = (await analyzer.analyze(doc)).file;
  return file ? documentSymbols(file) : [];
}));
connection.onFoldingRanges(withDoc([], async (doc) => {
  const file = (await analyzer.analyze(doc)).file;
  return file ? foldingRanges(file) : [];
}));
connection.onHover(withDoc(null, async (doc, p) => {
  const file = (await analyzer.analyze(doc)).file;
  if (!file) return null;
  return (await hover(file, p.position, lineAt(doc, p.position.line), () => runState.sourcesFor(doc.uri))) ?? null;
}));
connection.onCompletion(withDoc([], async (doc, p) => {
  const file = (await analyzer.analyze(doc)).file;
  if (!file) return [];
  return completions(file, lineAt(doc, p.position.line), p.position);
}));

function lineAt(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$/, '');
}

documents.listen(connection);
connection.listen();
