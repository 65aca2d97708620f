// What the language server loads at start-up, whatever document it is given: its bundle is parsed and its modules run
// before the first request. The runner's HTTP client (undici, 0.5 MB) and cookie jar came in through one barrel import
// and cost the idle server memory it never used; and one character above U+00FF anywhere in the minified bundle makes
// V8 keep its whole source at two bytes a character (docs/performance.md, "Issue 16, fifteenth session").
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The server bundle as `node esbuild.js --production` makes it, in memory. */
function productionServerBundle(): esbuild.BuildResult & { metafile: esbuild.Metafile; outputFiles: esbuild.OutputFile[] } {
  return esbuild.buildSync({
    absWorkingDir: ROOT, entryPoints: ['server/src/lsp/server.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    minify: true, write: false, metafile: true, outdir: 'out-bundle-check', logLevel: 'silent',
    define: { __ETAG_GUARD_VERSION__: '"test"' }, alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  });
}

describe('the language server bundle', () => {
  const bundle = productionServerBundle();

  it('carries neither the runner nor its HTTP client and cookie jar', () => {
    const inputs = Object.keys(bundle.metafile.inputs);
    assert.ok(inputs.some((i) => i.startsWith('server/src/engine/')), 'the metafile lists the bundle\'s inputs');
    const heavy = inputs.filter((i) => /^node_modules\/(undici|tough-cookie|tldts)\//.test(i) || /^server\/src\/runner\/executor\/(session|run|dispatcher)\.ts$/.test(i));
    assert.deepEqual(heavy, []);
  });

  it('is one byte per character to V8 (nothing above U+00FF)', () => {
    const text = bundle.outputFiles[0].text;
    const wide = [...text.matchAll(/[^\u0000-\u00ff]+/g)].map((m) => text.slice(Math.max(0, m.index! - 30), m.index! + 10));
    assert.deepEqual(wide, []);
  });
});
