/** Small statistics and timing helpers: medians and percentiles over bounded, warmed-up repetitions. */
'use strict';

/** The q-quantile (0..1) of `values` by nearest rank. */
function percentile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const median = (values) => percentile(values, 0.5);

/** Milliseconds since `start` (a `process.hrtime.bigint()`). */
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Times `fn` (sync or async): `warmup` untimed calls, then up to `runs` timed ones, stopping early once
 * `budgetMs` of timed work is spent (at least `minRuns`). Returns every sample in ms.
 */
async function sample(fn, { runs = 7, warmup = 1, budgetMs = 20000, minRuns = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  const begun = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(msSince(start));
    if (samples.length >= minRuns && msSince(begun) > budgetMs) break;
  }
  return samples;
}

module.exports = { percentile, median, msSince, sample };
