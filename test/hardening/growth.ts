/**
 * How much longer `work` takes on `large` than on `small`: best of interleaved runs on the same machine in the
 * same process, so a burst of load from parallel tests hits both sizes. Linear work on 4× the input gives
 * about 4; quadratic gives about 16.
 *
 * Each run is measured in CPU time (user + system), not wall time: on a loaded machine the process is preempted,
 * and wall time then counts other processes' work. An input that takes under a millisecond is repeated until a
 * run has used at least MIN_RUN_MICROS, because a sub-millisecond reading is mostly scheduler and timer noise
 * (the `{{` test's small case once read 78× its large case's share under load).
 */
const MIN_RUN_MICROS = 5_000;

export function growthRatio<T>(work: (input: T) => unknown, small: T, large: T, runs = 7): number {
  const cpuMicros = () => {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
  };
  /** CPU microseconds per call of `work(input)`, over as many calls as fill one run. */
  const time = (input: T) => {
    const t0 = cpuMicros();
    let calls = 0;
    let spent = 0;
    do {
      work(input);
      calls++;
      spent = cpuMicros() - t0;
    } while (spent < MIN_RUN_MICROS);
    return spent / calls;
  };
  time(small); // warm up the JIT
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let r = 0; r < runs; r++) {
    bestSmall = Math.min(bestSmall, time(small));
    bestLarge = Math.min(bestLarge, time(large));
  }
  return bestLarge / bestSmall;
}
