// Builds the three shipped bundles (extension client, language server, CLI) plus the demo API.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The entry bundle's `require('./ui')` and `require('./language-client')` stay run-time requires of the bundles
 * beside it (extension-ui.js, extension-client.js): activation registers the commands and returns, the language
 * client library loads right after, and the runner, 412 workflow, traces and reports on first use.
 */
const LAZY_CHUNKS = {
  './ui': { importer: 'extension.ts', path: './extension-ui.js' },
  './language-client': { importer: 'extension.ts', path: './extension-client.js' },
};

/** A plugin that keeps each `require(specifier)` of its importer a run-time require of the bundle at `path` beside it. */
function runTimeChunks(name, chunks) {
  const escaped = Object.keys(chunks).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const filter = new RegExp(`^(?:${escaped.join('|')})$`);
  return {
    name,
    setup(build) {
      build.onResolve({ filter, namespace: 'file' }, (args) => {
        const chunk = chunks[args.path];
        return args.importer.endsWith(chunk.importer) ? { path: chunk.path, external: true } : undefined;
      });
    },
  };
}
const lazyChunks = runTimeChunks('lazy-chunks', LAZY_CHUNKS);

/**
 * The language server's `require('./code-documents')` and `require('./parse-yaml')` stay run-time requires of the
 * bundles beside it: the client-code engine and tree-sitter load on the first code document (`server-code.js`), the
 * YAML parser on the first OpenAPI document (`server-yaml.js`), and a session of `.http` files never compiles them
 * (docs/performance.md, "Issue 16, fifteenth session" and "sixteenth session").
 */
const SERVER_CHUNKS = {
  './code-documents': { importer: 'analyzer.ts', path: './server-code.js' },
  './parse-yaml': { importer: 'openapi-files.ts', path: './server-yaml.js' },
};
const serverChunks = runTimeChunks('server-chunks', SERVER_CHUNKS);

/**
 * The CLI's `require('./network-commands')` stays a run-time require of the bundle beside it (`cli-run.js`: `run` and
 * `probe`, with the HTTP client, cookie jar and runner), and its `require('./parse-yaml')` one of the language server's
 * YAML bundle: `lint` and `--version` compile neither (docs/performance.md, "Issue 16, eighteenth session").
 */
const CLI_CHUNKS = {
  './network-commands': { importer: 'main.ts', path: './cli-run.js' },
  './parse-yaml': SERVER_CHUNKS['./parse-yaml'],
};
const cliChunks = runTimeChunks('cli-chunks', CLI_CHUNKS);

/**
 * One entry per bundle: the extension host loads `extension` (then `extension-client`, and `extension-ui` on first
 * use), editors spawn `server` (which loads `server-code` on the first code document and `server-yaml` on the first
 * OpenAPI document), users run `cli` (which loads `cli-run` for `run` and `probe`, and `server-yaml` on the first YAML
 * OpenAPI document).
 */
const bundles = [
  { entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'], plugins: [lazyChunks] },
  { entryPoints: { 'extension-client': 'client/src/language-client.ts' }, external: ['vscode'] },
  { entryPoints: { 'extension-ui': 'client/src/ui.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/lsp/server.ts' }, plugins: [serverChunks] },
  { entryPoints: { 'server-code': 'server/src/lsp/code-documents.ts' } },
  { entryPoints: { 'server-yaml': 'server/src/host/evidence/parse-yaml.ts' } },
  { entryPoints: { cli: 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' }, plugins: [cliChunks] },
  { entryPoints: { 'cli-run': 'server/src/cli/network-commands.ts' }, plugins: [cliChunks] },
  { entryPoints: { 'demo-server': 'examples/server/main.ts' } },
];

const { version } = require('./package.json');

const common = {
  define: { __ETAG_GUARD_VERSION__: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code >= 1.97 and the CLI's own engine (undici 7) both need Node >= 20.18.
  target: 'node20',
  outdir: 'dist',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  // jsonc-parser's `main` is a UMD build whose internal requires esbuild cannot follow: bundle its ES build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/** The tree-sitter runtime and grammars, loaded at run time from dist/grammars (see server/src/host/code-parsers.ts). */
const wasmFiles = [
  'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-javascript/tree-sitter-javascript.wasm',
  'tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-typescript/tree-sitter-tsx.wasm',
  'tree-sitter-python/tree-sitter-python.wasm',
];

function copyGrammars() {
  const fs = require('node:fs');
  const path = require('node:path');
  fs.mkdirSync(path.join('dist', 'grammars'), { recursive: true });
  for (const f of wasmFiles) fs.copyFileSync(require.resolve(f), path.join('dist', 'grammars', path.basename(f)));
}

async function main() {
  copyGrammars();
  const contexts = await Promise.all(bundles.map((b) => esbuild.context({ ...common, ...b })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching for changes');
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

// Run as `node esbuild.js`; required (test/layout/server-bundle.test.ts), it only hands out the bundles' options.
if (require.main === module) {
  main().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}

module.exports = { common, bundles };
