/**
 * Section 2 — language-server latency and memory on the 10,000-request file, beside a trivial server measured
 * in the same run (bench/lib/trivial-server.js: same library, a regex per line over the whole text on every
 * change, the same number of diagnostics): spawn → initialize, didOpen → first diagnostics, then one-character
 * edits sent with incremental sync (a range), each timed from didChange to the diagnostics of its version;
 * resident memory after 100 edits and after up to 1,000. Then a one-character edit in a typical 5,000-line
 * TypeScript file, beside the trivial server typing the same. Rounds alternate (etag-guard, trivial, etag-guard, trivial) so load drift hits both alike.
 */
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { httpFile } = require('../lib/generate');
const { typicalTypescriptFile } = require('../lib/generate-typical');
const { LspSession } = require('../lib/lsp-session');
const { median, percentile, msSince } = require('../lib/stats');
const { printTable, verdict } = require('../lib/table');

const TRIVIAL = path.join(__dirname, '..', 'lib', 'trivial-server.js');
const EDITS = 100;
const LONG_EDITS = 1000;
/** A slow server must not stall the run: each typing run stops after this long (the count is reported). */
const EDITS_BUDGET_MS = 60000;
const LONG_BUDGET_MS = 120000;
/** Ratios to the trivial server (issue #16) and the client-code target. */
const TARGETS = { p95Ratio: 1, firstRatio: 2, peakRatio: 1.2, rssGrowth: 1.1, codeP95Ms: 30 };

/** Types characters at the end of line `line`, one didChange each, from `first` edits on; returns the latencies. */
async function typeAt(session, uri, line, character, { from = 0, count, budgetMs }) {
  const latencies = [];
  const begun = process.hrtime.bigint();
  for (let k = from; k < from + count && msSince(begun) < budgetMs; k++) {
    const version = k + 2;
    const arrived = session.diagnosticsFor(uri, version, 60000);
    const sent = process.hrtime.bigint();
    await session.change(uri, version, [{ range: { start: { line, character: character + k }, end: { line, character: character + k } }, text: 'x' }]);
    await arrived;
    latencies.push(msSince(sent));
  }
  return latencies;
}

/** One server on one document: start-up, first diagnostics, typing, memory after `EDITS` and after more. */
async function measure(serverJs, serverArgs, { uri, text, languageId, line, long }) {
  const session = new LspSession(serverJs, [], serverArgs);
  try {
    const initializeMs = await session.initialize();
    const first = session.diagnosticsFor(uri, 1, 120000);
    const opened = process.hrtime.bigint();
    await session.open(uri, text, 1, languageId);
    const firstDiagnostics = await first;
    const character = text.split('\n')[line].length;
    const latencies = await typeAt(session, uri, line, character, { count: EDITS, budgetMs: EDITS_BUDGET_MS });
    const after100 = session.memory();
    const result = {
      initializeMs, firstDiagnosticsMs: Number(firstDiagnostics.at - opened) / 1e6, diagnosticsCount: firstDiagnostics.params.diagnostics.length,
      edits: latencies.length, p50Ms: median(latencies), p95Ms: percentile(latencies, 0.95), maxMs: Math.max(...latencies),
      rssMiB: after100.rssMiB, peakMiB: after100.peakMiB,
    };
    if (long && latencies.length === EDITS) {
      const more = await typeAt(session, uri, line, character, { from: EDITS, count: LONG_EDITS - EDITS, budgetMs: LONG_BUDGET_MS });
      const afterMore = session.memory();
      Object.assign(result, { longEdits: EDITS + more.length, longRssMiB: afterMore.rssMiB, longPeakMiB: afterMore.peakMiB });
    }
    return result;
  } finally {
    await session.close();
  }
}

/** The better of two rounds for timings (least disturbed by other load), the larger for memory. */
function combine(a, b) {
  const min = (k) => Math.min(a[k], b[k]);
  const max = (k) => Math.max(a[k] ?? -Infinity, b[k] ?? -Infinity);
  return {
    ...a, initializeMs: min('initializeMs'), firstDiagnosticsMs: min('firstDiagnosticsMs'), p50Ms: min('p50Ms'), p95Ms: min('p95Ms'),
    rssMiB: max('rssMiB'), peakMiB: max('peakMiB'), longEdits: a.longEdits ?? b.longEdits,
    longRssMiB: a.longRssMiB ?? b.longRssMiB, longPeakMiB: a.longPeakMiB ?? b.longPeakMiB, rounds: [a, b],
  };
}

async function lspSection({ serverJs, tmp }) {
  const text = httpFile(10000);
  const lines = text.split('\n');
  const http = {
    uri: pathToFileURL(path.join(tmp, 'lsp-10000.http')).href, text, languageId: 'http',
    line: lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('### Guarded by a date')),
  };
  const first = await measure(serverJs, [], { ...http, long: true });
  const floorArgs = ['--diagnostics', String(first.diagnosticsCount)];
  const trivialFirst = await measure(TRIVIAL, floorArgs, { ...http, long: true });
  const ours = combine(first, await measure(serverJs, [], http));
  const trivial = combine(trivialFirst, await measure(TRIVIAL, floorArgs, http));

  const ts = typicalTypescriptFile(5000);
  const tsLines = ts.split('\n');
  const tsDocument = {
    uri: pathToFileURL(path.join(tmp, 'typical-5000.ts')).href, text: ts, languageId: 'typescript',
    // The end of a statement in the middle of the file: each character adds to an expression statement after it.
    line: tsLines.findIndex((l, i) => i > tsLines.length / 2 && l === '    return this;'),
  };
  const code = await measure(serverJs, [], tsDocument);
  // The same typing into the trivial server: the floor of the library, the sync and the machine's load right now.
  const codeFloor = await measure(TRIVIAL, ['--diagnostics', String(code.diagnosticsCount)], tsDocument);

  const ratio = (k) => ours[k] / trivial[k];
  const growth = (r) => (r.longRssMiB !== undefined ? r.longRssMiB / r.rssMiB : undefined);
  const result = {
    etagGuard: ours, trivial, typescript5000: code, typescript5000Trivial: codeFloor,
    ratios: { firstDiagnostics: ratio('firstDiagnosticsMs'), p50: ratio('p50Ms'), p95: ratio('p95Ms'), peakAfter100: ratio('peakMiB'), rssGrowth100To1000: growth(ours) },
  };
  const row = (label, k, target) => [label, ours[k], trivial[k], ours[k] / trivial[k], target];
  printTable('2. Language server (10,000-request file, incremental sync) beside a trivial server', ['measure', 'etag-guard', 'trivial', 'ratio', 'target'], [
    row('spawn → initialize response (ms)', 'initializeMs', ''),
    row('didOpen → first diagnostics (ms)', 'firstDiagnosticsMs', `ratio ≤ ${TARGETS.firstRatio}: ${verdict(result.ratios.firstDiagnostics, TARGETS.firstRatio)}`),
    row(`didChange → diagnostics p50 (ms, ${ours.edits} edits)`, 'p50Ms', ''),
    row(`didChange → diagnostics p95 (ms, ${ours.edits} edits)`, 'p95Ms', `ratio ≤ ${TARGETS.p95Ratio}: ${verdict(result.ratios.p95, TARGETS.p95Ratio)}`),
    ['diagnostics published', ours.diagnosticsCount, trivial.diagnosticsCount, '', ''],
    row(`RSS after ${EDITS} edits (MiB)`, 'rssMiB', ''),
    row(`peak RSS after ${EDITS} edits (MiB)`, 'peakMiB', `ratio ≤ ${TARGETS.peakRatio}: ${verdict(result.ratios.peakAfter100, TARGETS.peakRatio)}`),
    [`RSS after ${ours.longEdits ?? '—'} / ${trivial.longEdits ?? '—'} edits (MiB)`, ours.longRssMiB, trivial.longRssMiB, '', ''],
    [`RSS growth, ${EDITS} → ${ours.longEdits ?? '—'} edits`, growth(ours), growth(trivial), '', `≤ ${TARGETS.rssGrowth}× (flat): ${verdict(growth(ours), TARGETS.rssGrowth)}`],
    [`typical 5,000-line TypeScript: one-character edit p95 (ms, ${code.edits} edits)`, code.p95Ms, codeFloor.p95Ms, code.p95Ms / codeFloor.p95Ms, `< ${TARGETS.codeP95Ms}: ${verdict(code.p95Ms, TARGETS.codeP95Ms)}`],
    ['typical 5,000-line TypeScript: p50 (ms)', code.p50Ms, codeFloor.p50Ms, code.p50Ms / codeFloor.p50Ms, ''],
    ['typical 5,000-line TypeScript: first diagnostics (ms)', code.firstDiagnosticsMs, codeFloor.firstDiagnosticsMs, code.firstDiagnosticsMs / codeFloor.firstDiagnosticsMs, ''],
  ]);
  return { ...result, targets: TARGETS };
}

module.exports = { lspSection, typeAt };
