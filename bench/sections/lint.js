/**
 * Section 1 — lint throughput on generated `.http` files of 100, 1,000 and 10,000 requests: the engine
 * in-process (`lintHttp`) and the whole CLI process (`node dist/cli.js lint --format json FILE`). The CLI's own
 * start-up (`node dist/cli.js --version`) is timed in the same rounds, alternating with the lint, and each CLI
 * figure is also given above it: what linting the file adds to starting the tool (issue #16: < 150 ms). A third
 * process in the same rounds loads the engine bundle and times one `lintHttpText` call inside itself: the engine
 * cold, as the CLI runs it (first call, JIT not warmed up), so the CLI's own cost is "above start-up" minus that;
 * beside it the main thread's CPU time of that call (what the wall clock would be with cores to spare for V8's
 * compiler and collector threads: `node bench/cold-path.js` takes it apart).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { httpFile } = require('../lib/generate');
const { median, sample } = require('../lib/stats');
const { runProcess } = require('../lib/proc');
const { ENGINE_BUNDLE } = require('../lib/engine');
const { printTable, verdict } = require('../lib/table');

const SIZES = [100, 1000, 10000];
const TARGET_10K_MS = 100;
const TARGET_CLI_ABOVE_STARTUP_MS = 150;
const CLI_ROUNDS = 5;

/**
 * Run with `node -e COLD_LINT BUNDLE FILE`: prints `ms mainMs` of one first `lintHttpText` call (what the CLI calls):
 * its wall time and its main thread's CPU time (Linux; NaN elsewhere), which a loaded machine inflates far less.
 */
const COLD_LINT = "const fs = require('fs'); const [bundle, file] = process.argv.slice(1); const e = require(bundle); const text = fs.readFileSync(file, 'utf8'); " +
  "const main = () => { try { const f = fs.readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; } catch { return NaN; } }; " +
  "const m = main(); const t = performance.now(); e.lintHttpText(text, e.DEFAULT_CONFIG); process.stdout.write((performance.now() - t) + ' ' + (main() - m));";

/** Lints each generated file in-process and through the CLI; returns one row per size. */
async function lintSection({ engine, cli, tmp }) {
  const rows = [];
  for (const requests of SIZES) {
    const text = httpFile(requests);
    const file = path.join(tmp, `requests-${requests}.http`);
    fs.writeFileSync(file, text);
    const mb = Buffer.byteLength(text) / 1e6;
    let findings = 0;
    const inProcess = median(await sample(() => {
      findings = engine.lintHttp(text, engine.DEFAULT_CONFIG).findings.length;
    }, { runs: requests >= 10000 ? 15 : 30, warmup: 3, budgetMs: 15000 }));
    // Lint and start-up alternate round by round (start-up first), so load drift hits both alike; round 0 warms up.
    const startupRuns = [];
    const cliRuns = [];
    const coldRuns = [];
    const coldMainRuns = [];
    for (let round = 0; round <= CLI_ROUNDS; round++) {
      const startupMs = (await runProcess(process.execPath, [cli, '--version'])).ms;
      const r = await runProcess(process.execPath, [cli, 'lint', '--format', 'json', file]);
      if (r.code === 2) throw new Error(`CLI lint failed: ${r.stderr}`);
      const cold = await runProcess(process.execPath, ['-e', COLD_LINT, ENGINE_BUNDLE, file]);
      if (cold.code !== 0) throw new Error(`cold engine run failed: ${cold.stderr}`);
      if (round === 0) continue;
      startupRuns.push(startupMs);
      cliRuns.push(r.ms);
      const [coldMs, coldMainMs] = cold.stdout.split(' ').map(Number);
      coldRuns.push(coldMs);
      coldMainRuns.push(coldMainMs);
    }
    const startup = median(startupRuns);
    rows.push({
      requests, bytes: Buffer.byteLength(text), findings, inProcessMs: inProcess, inProcessMBps: mb / (inProcess / 1000),
      cliMs: median(cliRuns), cliMBps: mb / (median(cliRuns) / 1000), startupMs: startup, aboveStartupMs: median(cliRuns) - startup,
      engineColdMs: median(coldRuns), engineColdMainThreadMs: median(coldMainRuns),
    });
  }
  const big = rows.find((r) => r.requests === 10000);
  printTable('1. Lint throughput (.http)', ['requests', 'KB', 'findings', 'engine ms', 'engine MB/s', 'engine cold ms', 'cold main-thread CPU ms', 'CLI ms', 'CLI start-up ms', 'CLI above start-up ms', 'target'],
    rows.map((r) => [r.requests, r.bytes / 1024, r.findings, r.inProcessMs, r.inProcessMBps, r.engineColdMs, r.engineColdMainThreadMs, r.cliMs, r.startupMs, r.aboveStartupMs,
      r === big ? `< ${TARGET_10K_MS} ms in-process: ${verdict(r.inProcessMs, TARGET_10K_MS)}; ` +
        `CLI < ${TARGET_CLI_ABOVE_STARTUP_MS} ms above start-up: ${verdict(r.aboveStartupMs, TARGET_CLI_ABOVE_STARTUP_MS)}` : '']));
  return {
    rows,
    target: {
      inProcess10kMs: TARGET_10K_MS, met: big.inProcessMs < TARGET_10K_MS,
      cliAboveStartup10kMs: TARGET_CLI_ABOVE_STARTUP_MS, cliMet: big.aboveStartupMs < TARGET_CLI_ABOVE_STARTUP_MS,
    },
  };
}

module.exports = { lintSection };
