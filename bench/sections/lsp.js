/**
 * Section 2 — language-server latency on the 10,000-request file: spawn → initialize, didOpen → first
 * diagnostics, then 100 single-character edits sent with incremental sync (a range), each timed from didChange
 * to the diagnostics of its version; the server's resident memory at the end.
 */
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { httpFile } = require('../lib/generate');
const { LspSession } = require('../lib/lsp-session');
const { median, percentile, msSince } = require('../lib/stats');
const { printTable, verdict } = require('../lib/table');

const EDITS = 100;
/** A slow server must not stall the run: the edits stop after this long (the count is reported). */
const EDITS_BUDGET_MS = 60000;
const TARGETS = { firstDiagnosticsMs: 300, p95Ms: 10, rssMiB: 80 };

/** Types up to `EDITS` characters at the end of a title line in the middle of the file, one didChange each. */
async function typeCharacters(session, uri, text) {
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('### Guarded by a date'));
  let character = lines[line].length;
  const latencies = [];
  const begun = process.hrtime.bigint();
  for (let k = 0; k < EDITS && msSince(begun) < EDITS_BUDGET_MS; k++) {
    const version = k + 2;
    const arrived = session.diagnosticsFor(uri, version);
    const sent = process.hrtime.bigint();
    await session.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
    await arrived;
    latencies.push(msSince(sent));
    character++;
  }
  return latencies;
}

async function lspSection({ serverJs, tmp, nodeArgs }) {
  const text = httpFile(10000);
  const uri = pathToFileURL(path.join(tmp, 'lsp-10000.http')).href;
  const session = new LspSession(serverJs, nodeArgs);
  try {
    const initializeMs = await session.initialize();
    const first = session.diagnosticsFor(uri, 1, 60000);
    const opened = process.hrtime.bigint();
    await session.open(uri, text);
    const firstDiagnostics = await first;
    const firstDiagnosticsMs = Number(firstDiagnostics.at - opened) / 1e6;
    const latencies = await typeCharacters(session, uri, text);
    const memory = session.memory();
    const result = {
      initializeMs, firstDiagnosticsMs, diagnosticsCount: firstDiagnostics.params.diagnostics.length,
      edits: latencies.length, p50Ms: median(latencies), p95Ms: percentile(latencies, 0.95), maxMs: Math.max(...latencies), ...memory,
    };
    printTable('2. Language server (10,000-request file, incremental sync)', ['measure', 'value', 'target'], [
      ['spawn → initialize response (ms)', result.initializeMs, ''],
      ['didOpen → first diagnostics (ms)', result.firstDiagnosticsMs, `< ${TARGETS.firstDiagnosticsMs}: ${verdict(result.firstDiagnosticsMs, TARGETS.firstDiagnosticsMs)}`],
      [`didChange → diagnostics p50 (ms, ${result.edits} edits)`, result.p50Ms, ''],
      [`didChange → diagnostics p95 (ms, ${result.edits} edits)`, result.p95Ms, `< ${TARGETS.p95Ms}: ${verdict(result.p95Ms, TARGETS.p95Ms)}`],
      ['didChange → diagnostics max (ms)', result.maxMs, ''],
      ['server RSS after the edits (MiB)', result.rssMiB, `< ${TARGETS.rssMiB}: ${verdict(result.rssMiB, TARGETS.rssMiB)}`],
      ['server peak RSS (MiB)', result.peakMiB, ''],
    ]);
    return { ...result, targets: TARGETS };
  } finally {
    await session.close();
  }
}

module.exports = { lspSection };
