#!/usr/bin/env node
/**
 * `node bench/cold-path.js [ROUNDS] [--requests N] [--flags "V8 FLAGS"]... [--warm N] [--rev REV] [--no-server]`: the cold path of issue
 * #16, taken apart. Each round starts fresh processes, one per flag set (the first set is always none), in turn:
 *   - the engine bundle (bench/lib/engine.js) loads and runs ONE `lintHttpText` on the generated N-request file, as
 *     the CLI does: wall time, CPU time of the whole process (the compiler and collector threads included), CPU time
 *     of the main thread alone (Linux), and the collector's pauses on the main thread during the lint; with
 *     `--warm N`, N more lints of the same text in that process (wall and main-thread CPU, median of the last half);
 *   - the language server (dist/server.js, those flags before it) opens the same file: didOpen → first diagnostics;
 *   - with `--rev REV`, also the engine of git revision REV (cold lint only), to see what a change did to the cold path;
 *     the trivial server (bench/lib/trivial-server.js) once per round as the floor.
 * Prints medians. On a shared machine compare the columns of one run (the rounds alternate, so load drift hits
 * every set alike); the main thread's CPU time is what the wall clock would be with a core to spare for the
 * compiler and collector threads. Run `node esbuild.js --production` first.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { httpFile } = require('./lib/generate');
const { loadEngine, bundleEngineAt, ENGINE_BUNDLE, ROOT } = require('./lib/engine');
const { LspSession } = require('./lib/lsp-session');
const { runProcess } = require('./lib/proc');
const { median } = require('./lib/stats');

/** Run as `node FLAGS -e COLD_LINT BUNDLE FILE`: one first `lintHttpText`, measured inside the process, as JSON. */
const COLD_LINT = `
const fs = require('fs');
const { PerformanceObserver } = require('perf_hooks');
const mainCpuMs = () => {
  try {
    const f = fs.readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 1000 / 100;
  } catch { return NaN; }
};
const gc = [];
new PerformanceObserver((list) => gc.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
const [bundle, file, warmRuns] = process.argv.slice(1);
const loadStart = performance.now();
const e = require(bundle);
const loadMs = performance.now() - loadStart;
const text = fs.readFileSync(file, 'utf8');
const cpu = process.cpuUsage(); const main = mainCpuMs(); const t = performance.now();
e.lintHttpText(text, e.DEFAULT_CONFIG);
const wallMs = performance.now() - t; const c = process.cpuUsage(cpu); const mainMs = mainCpuMs() - main;
// The same lint again in the same process, for the warm figure: the median of the last half of the runs.
const warm = [];
for (let i = 0; i < Number(warmRuns); i++) {
  const m = mainCpuMs(); const w = performance.now();
  e.lintHttpText(text, e.DEFAULT_CONFIG);
  warm.push({ wall: performance.now() - w, main: mainCpuMs() - m });
}
const late = warm.slice(Math.floor(warm.length / 2));
const mid = (k) => late.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(late.length / 2)] ?? NaN;
// The observer hears of collections a little later, not within the same turn.
setTimeout(() => {
  const during = gc.filter((g) => g.startTime >= t && g.startTime <= t + wallMs);
  process.stdout.write(JSON.stringify({ loadMs, wallMs, cpuMs: (c.user + c.system) / 1000, mainMs,
    gcMs: during.reduce((s, g) => s + g.duration, 0), gcCount: during.length, warmWallMs: mid('wall'), warmMainMs: mid('main') }));
}, 100);`;

function parseArgs(argv) {
  const options = { rounds: 6, requests: 10000, flagSets: [''], server: true, warm: 0, rev: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--requests') options.requests = Number(argv[++i]);
    else if (a === '--flags') options.flagSets.push(argv[++i]);
    else if (a === '--no-server') options.server = false;
    else if (a === '--warm') options.warm = Number(argv[++i]);
    else if (a === '--rev') options.rev = argv[++i];
    else if (/^\d+$/.test(a)) options.rounds = Number(a);
    else throw new Error(`unknown argument ${a}; usage: node bench/cold-path.js [ROUNDS] [--requests N] [--flags "V8 FLAGS"]... [--warm N] [--rev REV] [--no-server]`);
  }
  return options;
}

const split = (flags) => flags.split(/\s+/).filter(Boolean);

async function coldLint(flags, bundle, file, warm) {
  const r = await runProcess(process.execPath, [...split(flags), '-e', COLD_LINT, bundle, file, String(warm)], { timeoutMs: 300000 });
  if (r.code !== 0) throw new Error(`cold lint with "${flags}" failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function firstDiagnostics(serverJs, nodeArgs, serverArgs, uri, text) {
  const session = new LspSession(serverJs, nodeArgs, serverArgs);
  try {
    await session.initialize();
    const first = session.diagnosticsFor(uri, 1, 120000);
    const opened = process.hrtime.bigint();
    await session.open(uri, text, 1, 'http');
    const { at, params } = await first;
    return { ms: Number(at - opened) / 1e6, count: params.diagnostics.length };
  } finally {
    await session.close();
  }
}

async function main() {
  const { rounds, requests, flagSets, server, warm, rev } = parseArgs(process.argv.slice(2));
  await loadEngine();
  const serverJs = path.join(ROOT, 'dist', 'server.js');
  if (server && !fs.existsSync(serverJs)) throw new Error('dist/server.js is missing: run `node esbuild.js --production` first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-cold-'));
  try {
    const text = httpFile(requests);
    const file = path.join(tmp, `requests-${requests}.http`);
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    console.log(`cold path, ${requests} requests (${(text.length / 1e6).toFixed(2)} MB), ${rounds} rounds, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const variants = flagSets.map((flags) => ({ label: flags || '(none)', flags, bundle: ENGINE_BUNDLE, server, samples: [] }));
    if (rev !== undefined) {
      // Another revision's engine (bundled as compare-engine.js does), its cold lint only: its server is not built.
      bundleEngineAt(rev, tmp);
      variants.push({ label: `engine at ${rev}`, flags: '', bundle: path.join(tmp, 'old.js'), server: false, samples: [] });
    }
    const floor = [];
    let diagnostics = 0;
    for (let round = 0; round < rounds; round++) {
      for (const v of variants) {
        const s = await coldLint(v.flags, v.bundle, file, warm);
        if (v.server) {
          const d = await firstDiagnostics(serverJs, split(v.flags), [], uri, text);
          s.firstMs = d.ms;
          diagnostics = d.count;
        }
        v.samples.push(s);
      }
      if (server) floor.push((await firstDiagnostics(path.join(__dirname, 'lib', 'trivial-server.js'), [], ['--diagnostics', String(diagnostics)], uri, text)).ms);
    }
    const floorMs = median(floor);
    const cols = ['loadMs', 'wallMs', 'cpuMs', 'mainMs', 'gcMs', 'gcCount', ...(warm ? ['warmWallMs', 'warmMainMs'] : []), ...(server ? ['firstMs'] : [])];
    const rows = variants.map((v) => {
      const row = { flags: v.label };
      for (const k of cols) row[k] = median(v.samples.map((s) => s[k] ?? NaN));
      if (server) row.firstRatio = row.firstMs / floorMs;
      return row;
    });
    console.log(['variant (V8 flags)', 'bundle load ms', 'cold lint wall ms', 'process CPU ms', 'main-thread CPU ms', 'GC pause ms', 'GCs',
      ...(warm ? ['warm lint wall ms', 'warm main-thread CPU ms'] : []),
      ...(server ? ['server first diagnostics ms', 'ratio to trivial'] : [])].join(' | '));
    for (const r of rows) {
      const shown = (x) => (Number.isNaN(x) ? '—' : x);
      console.log([r.flags, ...cols.map((k) => shown(Math.round(r[k]))), ...(server ? [Number.isNaN(r.firstRatio) ? '—' : r.firstRatio.toFixed(1)] : [])].join(' | '));
    }
    if (server) console.log(`trivial server first diagnostics: ${Math.round(floorMs)} ms (median of ${floor.length}); load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
