/**
 * Loads the engine the way the shipped bundles carry it: esbuild bundles `server/src/engine` (minified, like
 * `--production`) into bench/.cache/engine.js, so in-process figures match what users run. The host's
 * tree-sitter loader comes along when it exists (client-code linting), as `loadCodeParsers`.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
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

/**
 * Bundles (minified) and requires the engine of git revision `rev` (its `server/src` extracted into `tmp`), or of
 * the working tree when `rev` is undefined: two engines side by side in one process, for figures that compare.
 */
function bundleEngineAt(rev, tmp) {
  let root = ROOT;
  if (rev !== undefined) {
    root = path.join(tmp, 'old');
    fs.mkdirSync(root, { recursive: true });
    execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${rev}" server/src | tar -x -C "${root}"`]);
  }
  const outfile = path.join(tmp, rev === undefined ? 'new.js' : 'old.js');
  esbuild.buildSync({
    stdin: { contents: "module.exports = require('./server/src/engine');", resolveDir: root, loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, outfile, logLevel: 'warning',
    nodePaths: [path.join(ROOT, 'node_modules')],
    define: { __ETAG_GUARD_VERSION__: '"bench"' },
    alias: { 'jsonc-parser': path.join(ROOT, 'node_modules/jsonc-parser/lib/esm/main.js') },
  });
  return require(outfile);
}

module.exports = { loadEngine, bundleEngineAt, ROOT, ENGINE_BUNDLE: OUT };
