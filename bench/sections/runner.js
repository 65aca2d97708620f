/**
 * Section 3 — the runner: 200 sequential GETs from one `.http` file to a local server. etag-guard's CLI against
 * a raw undici loop, the httpyac CLI and curl, all as whole processes (start-up included, as a user or CI
 * sees them), interleaved round by round so machine noise hits every contender alike; medians of 5 rounds.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { runnerHttpFile } = require('../lib/generate');
const { runProcess } = require('../lib/proc');
const { median } = require('../lib/stats');
const { printTable, verdict } = require('../lib/table');
const { startApache, startDemoApi } = require('../lib/targets');

const GETS = 200;
const ROUNDS = 5;
const TARGETS = { vsUndici: 1.3, vsHttpyac: 0.3 };

/** The contenders: name, how they are started, and what their figures are compared with. */
function contenders({ cli, httpyac, file, urls }) {
  const list = [
    { name: 'etag-guard run --all', command: process.execPath, args: [cli, 'run', file, '--all'] },
    { name: 'raw undici loop (node)', command: process.execPath, args: [path.join(__dirname, '..', 'lib', 'undici-loop.js'), ...urls] },
    { name: 'curl (one process, 200 URLs)', command: 'curl', args: ['--silent', '--fail', '--output', '/dev/null', ...urls.flatMap((u, i) => (i ? ['--output', '/dev/null', u] : [u]))] },
  ];
  if (httpyac) list.push({ name: 'httpyac send --all', command: process.execPath, args: [httpyac, 'send', file, '--all', '--output', 'short'] });
  return list;
}

/** Runs every contender once per round against one target; returns the median ms of each. */
async function compareOn(target, { cli, httpyac, tmp }) {
  const urls = Array.from({ length: GETS }, (_, i) => target.url + target.pathOf(i));
  // httpyac only reads files under its working directory: every contender runs in `tmp`, on a relative path.
  const file = `runner-${target.url.split(':').pop()}.http`;
  fs.writeFileSync(path.join(tmp, file), runnerHttpFile(target.url, GETS, target.pathOf));
  const list = contenders({ cli, httpyac, file, urls });
  const samples = new Map(list.map((c) => [c.name, []]));
  for (let round = 0; round <= ROUNDS; round++) {
    for (const c of list) {
      const r = await runProcess(c.command, c.args, { cwd: tmp, timeoutMs: 60000 });
      if (r.code !== 0) throw new Error(`${c.name} failed (exit ${r.code}): ${(r.stderr || r.stdout).slice(0, 500)}`);
      if (round > 0) samples.get(c.name).push(r.ms); // round 0 warms the disk cache and the server
    }
  }
  return list.map((c) => ({ name: c.name, medianMs: median(samples.get(c.name)), runs: samples.get(c.name).length }));
}

async function runnerSection({ cli, httpyac, tmp }) {
  const apache = await startApache();
  const targets = [apache.url ? apache : undefined, await startDemoApi()].filter(Boolean);
  const results = [];
  try {
    for (const target of targets) {
      const rows = await compareOn(target, { cli, httpyac, tmp });
      const ms = (prefix) => rows.find((r) => r.name.startsWith(prefix))?.medianMs;
      const ours = ms('etag-guard');
      const vsUndici = ours / ms('raw undici');
      const vsHttpyac = httpyac ? ours / ms('httpyac') : undefined;
      printTable(`3. Runner: ${GETS} sequential GETs → ${target.name} (whole processes, median of ${ROUNDS})`,
        ['contender', 'ms', 'ms/request', '× raw undici', 'target'],
        rows.map((r) => [r.name, r.medianMs, r.medianMs / GETS, r.medianMs / ms('raw undici'),
          r.name.startsWith('etag-guard') ? `≤ ${TARGETS.vsUndici}× undici: ${verdict(vsUndici, TARGETS.vsUndici)}; ` +
            `≤ ${TARGETS.vsHttpyac}× httpyac (${vsHttpyac?.toFixed(2) ?? '—'}×): ${verdict(vsHttpyac, TARGETS.vsHttpyac)}` : '']));
      results.push({ target: target.name, rows, vsUndici, vsHttpyac });
    }
  } finally {
    for (const t of targets) t.stop();
  }
  if (apache.skipped) console.log(`(Apache not measured: ${apache.skipped})`);
  return { gets: GETS, rounds: ROUNDS, curl: 'one curl process given all 200 URLs (it reuses the connection)', results, apacheSkipped: apache.skipped, targets: TARGETS };
}

module.exports = { runnerSection };
