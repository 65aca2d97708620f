/**
 * Loads the engine the way the shipped bundles carry it: esbuild bundles `server/src/engine` (minified, like
 * `--production`) into bench/.cache/engine.js, so in-process figures match what users run. The host's
 * tree-sitter loader comes along when it exists (client-code linting), as `loadCodeParsers`.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'bench', '.cache', 'engine.js');
const CODE_PARSERS = 'server/src/host/code-parsers.ts';

/** Bundles and requires the engine's public surface (`server/src/engine/index.ts`), plus `loadCodeParsers`. */
async function loadEngine() {
  const withParsers = fs.existsSync(path.join(ROOT, CODE_PARSERS));
  const contents = "module.exports = { ...require('./server/src/engine')" +
    (withParsers ? ", loadCodeParsers: require('./server/src/host/code-parsers').loadCodeParsers" : '') + ' };';
  await esbuild.build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, outfile: OUT, logLevel: 'warning',
    define: { __ETAG_GUARD_VERSION__: '"bench"' },
    // As esbuild.js: jsonc-parser's `main` is a UMD build whose internal requires esbuild cannot follow.
    alias: { 'jsonc-parser': path.join(ROOT, 'node_modules/jsonc-parser/lib/esm/main.js') },
  });
  return require(OUT);
}

module.exports = { loadEngine, ROOT, ENGINE_BUNDLE: OUT };
