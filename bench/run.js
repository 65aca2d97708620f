/**
 * `npm run bench`: lint throughput, language-server latency, runner overhead against peers, client code, size
 * and start-up. Prints one table per section beside its targets and writes bench/results.json.
 *   node bench/run.js [lint] [lsp] [runner] [code] [size]   (no names: every section; run after a build)
 * Targets are reported, never asserted: the exit code is non-zero only when a section could not run.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadEngine, ROOT } = require('./lib/engine');
const { ensureHttpyac } = require('./lib/peers');
const { lintSection } = require('./sections/lint');
const { lspSection } = require('./sections/lsp');
const { runnerSection } = require('./sections/runner');
const { clientCodeSection } = require('./sections/client-code');
const { sizeStartupSection } = require('./sections/size-startup');

const SECTIONS = {
  lint: lintSection,
  lsp: lspSection,
  runner: runnerSection,
  code: clientCodeSection,
  size: sizeStartupSection,
};

async function main(argv) {
  const unknown = argv.filter((a) => !(a in SECTIONS));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);
  const chosen = argv.length ? argv : Object.keys(SECTIONS);
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const serverJs = path.join(ROOT, 'dist', 'server.js');
  if (!fs.existsSync(cli) || !fs.existsSync(serverJs)) throw new Error('dist/ is missing: run `node esbuild.js --production` first (npm run bench does)');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-bench-'));
  const context = {
    cli, serverJs, tmp,
    engine: await loadEngine(),
    httpyac: chosen.includes('runner') ? ensureHttpyac() : undefined,
  };
  const results = {
    date: new Date().toISOString(), node: process.version, platform: `${os.platform()} ${os.release()}`,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`, loadAverageAtStart: os.loadavg(), sections: {},
  };
  console.log(`etag-guard benchmark — Node ${process.version}, ${results.cpus}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  let failed = 0;
  try {
    for (const name of chosen) {
      const started = Date.now();
      try {
        results.sections[name] = await SECTIONS[name](context);
      } catch (err) {
        failed++;
        results.sections[name] = { error: err.message };
        console.log(`\n## ${name}: could not run — ${err.message}`);
      }
      results.sections[name].seconds = (Date.now() - started) / 1000;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const out = path.join(__dirname, 'results.json');
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(`bench: ${err.message}`);
  process.exit(2);
});
