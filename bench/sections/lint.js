/**
 * Section 1 — lint throughput on generated `.http` files of 100, 1,000 and 10,000 requests: the engine
 * in-process (`lintHttp`) and the whole CLI process as a user types it (`node dist/cli.js lint FILE`, the default
 * stylish output) and as CI calls it (`lint --format json FILE`, which also checks each finding's fix below 1 MB).
 * The CLI's own start-up (`node dist/cli.js --version`) is timed in the same rounds, and each CLI figure is also
 * given above it: what linting the file adds to starting the tool (issue #16: `etag-guard lint` < 150 ms above it).
 * A fourth process in the same rounds loads the engine bundle and times one `lintHttpText` call inside itself, with
 * the inlining budget the CLI sets (cli/main.ts): the engine cold, as the CLI runs it (first call, JIT not warmed
 * up), so the CLI's own cost is "above start-up" minus that; beside it the main thread's CPU time of that call (what
 * the wall clock would be with cores to spare for V8's compiler and collector threads: `node bench/cold-path.js`
 * takes it apart). The files lie in a temporary folder: the CLI's search for environment files climbs from there to
 * the file system's root and lists each folder on the way (the temporary folder's parent included).
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
/** What the CLI sets before any engine code runs (cli/main.ts), given to the cold engine's process as a flag. */
const CLI_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=200'];

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
    // Start-up, the two CLI invocations and the cold engine alternate round by round, so load drift hits all alike;
    // round 0 warms up.
    const startupRuns = [];
    const cliRuns = [];
    const cliJsonRuns = [];
    const coldRuns = [];
    const coldMainRuns = [];
    for (let round = 0; round <= CLI_ROUNDS; round++) {
      const startupMs = (await runProcess(process.execPath, [cli, '--version'])).ms;
      const stylish = await runProcess(process.execPath, [cli, 'lint', file]);
      if (stylish.code === 2) throw new Error(`CLI lint failed: ${stylish.stderr}`);
      const json = await runProcess(process.execPath, [cli, 'lint', '--format', 'json', file]);
      if (json.code === 2) throw new Error(`CLI lint --format json failed: ${json.stderr}`);
      const cold = await runProcess(process.execPath, [...CLI_V8_FLAGS, '-e', COLD_LINT, ENGINE_BUNDLE, file]);
      if (cold.code !== 0) throw new Error(`cold engine run failed: ${cold.stderr}`);
      if (round === 0) continue;
      startupRuns.push(startupMs);
      cliRuns.push(stylish.ms);
      cliJsonRuns.push(json.ms);
      const [coldMs, coldMainMs] = cold.stdout.split(' ').map(Number);
      coldRuns.push(coldMs);
      coldMainRuns.push(coldMainMs);
    }
    const startup = median(startupRuns);
    rows.push({
      requests, bytes: Buffer.byteLength(text), findings, inProcessMs: inProcess, inProcessMBps: mb / (inProcess / 1000),
      cliMs: median(cliRuns), cliMBps: mb / (median(cliRuns) / 1000), startupMs: startup, aboveStartupMs: median(cliRuns) - startup,
      cliJsonMs: median(cliJsonRuns), aboveStartupJsonMs: median(cliJsonRuns) - startup,
      engineColdMs: median(coldRuns), engineColdMainThreadMs: median(coldMainRuns),
    });
  }
  const big = rows.find((r) => r.requests === 10000);
  printTable('1. Lint throughput (.http)', ['requests', 'KB', 'findings', 'engine ms', 'engine MB/s', 'engine cold ms', 'cold main-thread CPU ms', 'CLI start-up ms',
    'CLI lint ms', 'above start-up ms', 'CLI lint --format json ms', 'above start-up ms', 'target'],
  rows.map((r) => [r.requests, r.bytes / 1024, r.findings, r.inProcessMs, r.inProcessMBps, r.engineColdMs, r.engineColdMainThreadMs, r.startupMs,
    r.cliMs, r.aboveStartupMs, r.cliJsonMs, r.aboveStartupJsonMs,
    r === big ? `< ${TARGET_10K_MS} ms in-process: ${verdict(r.inProcessMs, TARGET_10K_MS)}; ` +
      `\`lint FILE\` < ${TARGET_CLI_ABOVE_STARTUP_MS} ms above start-up: ${verdict(r.aboveStartupMs, TARGET_CLI_ABOVE_STARTUP_MS)}` : '']));
  return {
    rows,
    target: {
      inProcess10kMs: TARGET_10K_MS, met: big.inProcessMs < TARGET_10K_MS,
      cliAboveStartup10kMs: TARGET_CLI_ABOVE_STARTUP_MS, cliMet: big.aboveStartupMs < TARGET_CLI_ABOVE_STARTUP_MS,
    },
  };
}

module.exports = { lintSection };
