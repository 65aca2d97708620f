#!/usr/bin/env node
/**
 * `node bench/server-memory.js [ROUNDS] [FLAG…]` (after `node esbuild.js --production`): what the language server's peak
 * resident size is made of, beside the trivial server (bench/lib/trivial-server.js) in the same run. Each round
 * opens the 10,000-request file and types 100 characters as `bench/run.js lsp` does, in etag-guard's server then the
 * trivial one, each with bench/lib/memory-probe.js preloaded: V8's heap spaces at the moment of the highest RSS, the
 * heap left after a full collection at the end (what is live), and the collections during the typing (their count
 * and pauses: the slow keystrokes of the p95 are the ones a mark-compact or a long scavenge fell into), and on Linux
 * the resident memory by kind of mapping at the peak. FLAGs go to etag-guard's server only, to measure a sizing
 * trade-off beside the floor: `--max-semi-space-size=4` is a node flag, `MALLOC_ARENA_MAX=1` an environment variable.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { httpFile } = require('./lib/generate');
const { LspSession } = require('./lib/lsp-session');
const { percentile, msSince } = require('./lib/stats');
const { printTable } = require('./lib/table');
const { typeAt } = require('./sections/lsp');

const ROOT = path.resolve(__dirname, '..');
const SERVERS = { 'etag-guard': path.join(ROOT, 'dist', 'server.js'), trivial: path.join(__dirname, 'lib', 'trivial-server.js') };
const PROBE = path.join(__dirname, 'lib', 'memory-probe.js');
const EDITS = 100;

async function round(name, tmp, document, diagnostics, flags = []) {
  const out = path.join(tmp, `${name}.json`);
  const env = Object.fromEntries(flags.filter((f) => /^[A-Z_]+=/.test(f)).map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]));
  const saved = { ...process.env };
  Object.assign(process.env, env, { ETAG_GUARD_MEMORY_PROBE: out });
  const args = name === 'trivial' ? ['--diagnostics', String(diagnostics)] : [];
  const session = new LspSession(SERVERS[name], ['-r', PROBE, ...flags.filter((f) => f.startsWith('--'))], args);
  process.env = saved;
  let typedFrom;
  let latencies;
  let count;
  try {
    await session.initialize();
    const first = session.diagnosticsFor(document.uri, 1, 120000);
    await session.open(document.uri, document.text, 1, 'http');
    count = (await first).params.diagnostics.length;
    typedFrom = msSince(session.startedAt);
    latencies = await typeAt(session, document.uri, document.line, document.character, { count: EDITS, budgetMs: 120000 });
  } finally {
    await session.close();
  }
  const { peak, collections, liveMiB } = JSON.parse(fs.readFileSync(out, 'utf8'));
  const typing = collections.filter((c) => c.atMs >= typedFrom);
  const of = (kind) => typing.filter((c) => c.kind === kind);
  const space = (n) => peak.spaces[n]?.size ?? 0;
  const pauses = (list) => list.map((c) => c.pauseMs);
  return {
    name, diagnostics: count, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), peakRss: peak.rssMiB, peakAtMs: peak.atMs, typedFrom,
    liveMiB, heapTotal: peak.heapTotalMiB, outsideHeap: peak.rssMiB - peak.heapTotalMiB, mappings: peak.mappings, newSpace: space('new_space'), oldSpace: space('old_space'),
    oldUsed: peak.spaces.old_space?.used ?? 0, codeSpace: space('code_space'), largeObjects: space('large_object_space'), newLargeObjects: space('new_large_object_space'),
    scavenges: of('scavenge').length, scavengeMax: Math.max(0, ...pauses(of('scavenge'))), scavengeMs: pauses(of('scavenge')).reduce((a, b) => a + b, 0),
    markCompacts: of('mark-compact').length, markCompactMax: Math.max(0, ...pauses(of('mark-compact'))), markCompactMs: pauses(of('mark-compact')).reduce((a, b) => a + b, 0),
    slowEdits: latencies.filter((ms) => ms > 2 * percentile(latencies, 0.5)).length,
  };
}

async function main() {
  const rounds = Number(process.argv[2]) || 2;
  const flags = process.argv.slice(3);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-memory-'));
  const text = httpFile(10000);
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('### Guarded by a date'));
  const document = { uri: pathToFileURL(path.join(tmp, 'lsp-10000.http')).href, text, line, character: lines[line].length };
  const results = [];
  try {
    let diagnostics = 0;
    for (let r = 0; r < rounds; r++) {
      const ours = await round('etag-guard', tmp, document, 0, flags);
      diagnostics = ours.diagnostics;
      results.push(ours, await round('trivial', tmp, document, diagnostics));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const rows = [
    ['edit → diagnostics p50 / p95 (ms)', (r) => `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}`],
    ['peak RSS (MiB)', (r) => r.peakRss], ['  at (ms since spawn; typing from)', (r) => `${Math.round(r.peakAtMs)} (${Math.round(r.typedFrom)})`],
    ['  V8 heap (MiB)', (r) => r.heapTotal], ['    new space', (r) => r.newSpace], ['    old space (used)', (r) => `${r.oldSpace.toFixed(1)} (${r.oldUsed.toFixed(1)})`],
    ['    code space', (r) => r.codeSpace], ['    large objects, old / new', (r) => `${r.largeObjects.toFixed(1)} / ${r.newLargeObjects.toFixed(1)}`],
    ['  outside the V8 heap (MiB)', (r) => r.outsideHeap],
    ['    anonymous beyond the V8 heap (thread arenas)', (r) => (r.mappings ? r.mappings.anonymous - r.heapTotal : undefined)],
    ['    main malloc heap / node binary / other files', (r) => (r.mappings ? [r.mappings.mallocHeap, r.mappings.nodeBinary, r.mappings.other].map((x) => x.toFixed(1)).join(' / ') : undefined)],
    ['live heap at shutdown, after a full collection (MiB)', (r) => r.liveMiB],
    ['typing: scavenges (count, total / longest ms)', (r) => `${r.scavenges}, ${r.scavengeMs.toFixed(0)} / ${r.scavengeMax.toFixed(1)}`],
    ['typing: mark-compacts (count, total / longest ms)', (r) => `${r.markCompacts}, ${r.markCompactMs.toFixed(0)} / ${r.markCompactMax.toFixed(1)}`],
    ['typing: edits slower than 2× p50', (r) => r.slowEdits],
  ];
  printTable(`Language-server memory at its peak, ${EDITS} edits on the 10,000-request file (${rounds} rounds, alternated${flags.length ? `; etag-guard with ${flags.join(' ')}` : ''})`,
    ['measure', ...results.map((r, i) => `${r.name} #${Math.floor(i / 2) + 1}`)], rows.map(([label, f]) => [label, ...results.map(f)]));
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
