/**
 * Section 1 — lint throughput on generated `.http` files of 100, 1,000 and 10,000 requests: the engine
 * in-process (`lintHttp`) and the whole CLI process (`node dist/cli.js lint --format json FILE`).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { httpFile } = require('../lib/generate');
const { median, sample } = require('../lib/stats');
const { runProcess } = require('../lib/proc');
const { printTable, verdict } = require('../lib/table');

const SIZES = [100, 1000, 10000];
const TARGET_10K_MS = 100;

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
    const cliRuns = await sample(async () => {
      const r = await runProcess(process.execPath, [cli, 'lint', '--format', 'json', file]);
      if (r.code === 2) throw new Error(`CLI lint failed: ${r.stderr}`);
    }, { runs: 5, warmup: 1, budgetMs: 30000 });
    rows.push({ requests, bytes: Buffer.byteLength(text), findings, inProcessMs: inProcess, inProcessMBps: mb / (inProcess / 1000), cliMs: median(cliRuns), cliMBps: mb / (median(cliRuns) / 1000) });
  }
  const big = rows.find((r) => r.requests === 10000);
  printTable('1. Lint throughput (.http)', ['requests', 'KB', 'findings', 'engine ms', 'engine MB/s', 'CLI ms', 'CLI MB/s', 'target'],
    rows.map((r) => [r.requests, r.bytes / 1024, r.findings, r.inProcessMs, r.inProcessMBps, r.cliMs, r.cliMBps,
      r === big ? `< ${TARGET_10K_MS} ms in-process: ${verdict(r.inProcessMs, TARGET_10K_MS)}` : '']));
  return { rows, target: { inProcess10kMs: TARGET_10K_MS, met: big.inProcessMs < TARGET_10K_MS } };
}

module.exports = { lintSection };
