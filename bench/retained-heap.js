#!/usr/bin/env node
/**
 * `node bench/retained-heap.js [REV]`: the heap an editor's analysis of the generated 10,000-request file keeps
 * (`IncrementalHttpAnalysis`, after a forced full collection): after its first version (primed), and after 100
 * and 300 keystrokes (a character typed into an `If-Match` value, then deleted, spread over the file). With REV,
 * the engine of that git revision is measured first, then the working tree's, in one process. The heap held
 * per keystroke is what makes the language server's full collections (its p95) and its peak RSS.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const { httpFile } = require('./lib/generate');
const { bundleEngineAt } = require('./lib/engine');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** MiB of heap in use after full collections. */
function used() {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Types a character into an `If-Match` value somewhere in the file (even steps) and deletes it (odd steps). */
function edits(state, count) {
  for (let k = 0; k < count; k++) {
    if (k % 2 === 0) {
      const at = state.text.indexOf('If-Match', Math.floor((state.text.length * ((k * 37) % 100)) / 100));
      state.pos = at < 0 ? 10 : at + 3;
      state.text = state.text.slice(0, state.pos) + 'x' + state.text.slice(state.pos);
    } else state.text = state.text.slice(0, state.pos) + state.text.slice(state.pos + 1);
    state.result = state.analysis.analyze(state.text);
  }
}

/**
 * The generated file's first version, analysed and primed. Made in a function of its own: a value that was live in
 * `measure`'s frame may stay reachable from it (a stack root), and the first text would then look retained by the
 * analysis after the edits.
 */
function opened(engine) {
  const state = { text: httpFile(10000), pos: 0, analysis: new engine.IncrementalHttpAnalysis(engine.DEFAULT_CONFIG), result: undefined };
  state.result = state.analysis.analyze(state.text);
  state.analysis.prime();
  return state;
}

function measure(engine) {
  const base = used();
  const state = opened(engine);
  const first = used() - base;
  edits(state, 100);
  const hundred = used() - base;
  edits(state, 200);
  const three = used() - base;
  return `first version ${first.toFixed(1)} MiB, after 100 edits ${hundred.toFixed(1)} MiB, after 300 ${three.toFixed(1)} MiB (${state.result.findings.length} findings)`;
}

const rev = process.argv[2];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-heap-'));
try {
  if (rev) console.log(`${rev}: ${measure(bundleEngineAt(rev, tmp))}`);
  console.log(`working tree: ${measure(bundleEngineAt(undefined, tmp))}`);
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
