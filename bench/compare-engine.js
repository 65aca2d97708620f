#!/usr/bin/env node
/**
 * `node bench/compare-engine.js REV [ROUNDS]`: `lintHttp` on the generated 10,000-request file, the engine of git
 * revision REV against the working tree's, both bundled and minified as bench/lib/engine.js does, alternated lint
 * by lint in one process. Prints CPU time (`process.cpuUsage`, garbage collector threads included) and wall time,
 * minimum and median, and whether the findings are the same. On a shared machine the CPU times of alternating
 * rounds are the figures to compare; the wall clock moves with everyone else's load.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { httpFile } = require('./lib/generate');
const { ROOT, bundleEngineAt } = require('./lib/engine');

const [rev, roundsArg] = process.argv.slice(2);
if (!rev) {
  console.error('usage: node bench/compare-engine.js REV [ROUNDS]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 10);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-compare-'));
try {
  const engines = [bundleEngineAt(rev, tmp), bundleEngineAt(undefined, tmp)];
  const text = httpFile(10000);
  const cpu = [[], []];
  const wall = [[], []];
  const findings = ['', ''];
  for (let i = 0; i < rounds + 2; i++) {
    engines.forEach((engine, k) => {
      const c = process.cpuUsage();
      const start = process.hrtime.bigint();
      const result = engine.lintHttp(text, engine.DEFAULT_CONFIG);
      const w = Number(process.hrtime.bigint() - start) / 1e6;
      const d = process.cpuUsage(c);
      // As JSON (deferred fixes built, each field in the rule's order): a spread would drop a prototype's `fixes`.
      if (i === 0) findings[k] = JSON.stringify(result.findings);
      if (i >= 2) {
        cpu[k].push((d.user + d.system) / 1000);
        wall[k].push(w);
      }
    });
  }
  const stat = (v) => {
    const s = [...v].sort((a, b) => a - b);
    return `min ${s[0].toFixed(0)} / median ${s[s.length >> 1].toFixed(0)} ms`;
  };
  const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
  console.log(`${rev}: CPU ${stat(cpu[0])}, wall ${stat(wall[0])}`);
  console.log(`working tree: CPU ${stat(cpu[1])}, wall ${stat(wall[1])}`);
  console.log(`CPU median ratio (working tree / ${rev}): ${(median(cpu[1]) / median(cpu[0])).toFixed(2)}; same findings and fixes: ${findings[0] === findings[1]}`);
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
