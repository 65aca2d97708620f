/**
 * Preloaded into a language server by bench/server-memory.js (`node -r bench/lib/memory-probe.js server.js`):
 * samples the process's memory every 2 ms and after every collection, and keeps the sample of highest resident size
 * (with V8's heap spaces and, on Linux, the resident mappings at that moment), every collection's kind, start (ms
 * since the process began, as `performance.now()`) and pause, and at exit the heap still in use after a full
 * collection; writes them as JSON to the file named by ETAG_GUARD_MEMORY_PROBE at exit. Never writes to stdout
 * (it is the LSP stream).
 */
'use strict';
const fs = require('node:fs');
const v8 = require('node:v8');
const { PerformanceObserver, constants } = require('node:perf_hooks');

const out = process.env.ETAG_GUARD_MEMORY_PROBE;
const MIB = 2 ** 20;
const KINDS = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks' };
let peak;
const collections = [];

/**
 * Resident MiB by kind of mapping (Linux /proc/self/smaps; undefined elsewhere): anonymous memory (V8's heap and the
 * malloc arenas of the threads other than the main one), the main malloc heap (`[heap]`), the node binary, the rest.
 */
function mappings() {
  let text;
  try {
    text = fs.readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return undefined;
  }
  const by = { anonymous: 0, mallocHeap: 0, nodeBinary: 0, other: 0 };
  let kind = 'other';
  for (const line of text.split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const name = mapping[1];
      kind = name === '' ? 'anonymous' : name === '[heap]' ? 'mallocHeap' : name === process.execPath ? 'nodeBinary' : 'other';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) by[kind] += Number(rss[1]) / 1024;
  }
  return by;
}

function sample() {
  const m = process.memoryUsage();
  if (peak && m.rss <= peak.rss) return;
  const spaces = {};
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_size > 0) spaces[s.space_name] = { size: s.space_size / MIB, used: s.space_used_size / MIB };
  // Reading smaps costs a few ms: only when the peak grew by a MiB or more.
  const map = peak && m.rss < peak.rss + MIB ? peak.mappings : mappings();
  peak = { atMs: performance.now(), rss: m.rss, rssMiB: m.rss / MIB, heapTotalMiB: m.heapTotal / MIB, heapUsedMiB: m.heapUsed / MIB, externalMiB: m.external / MIB, arrayBuffersMiB: m.arrayBuffers / MIB, spaces, mappings: map };
}

if (out) {
  setInterval(sample, 2).unref();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) collections.push({ atMs: e.startTime, kind: KINDS[e.detail?.kind] ?? String(e.detail?.kind), pauseMs: e.duration });
    sample();
  }).observe({ entryTypes: ['gc'] });
  process.on('exit', () => {
    // What is live at the end (the document still open until shutdown): the heap after a full collection.
    v8.setFlagsFromString('--expose-gc');
    require('node:vm').runInNewContext('gc')();
    const liveMiB = process.memoryUsage().heapUsed / MIB;
    fs.writeFileSync(out, JSON.stringify({ peak, collections, liveMiB }));
  });
}
