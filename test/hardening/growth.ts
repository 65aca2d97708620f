/**
 * How much longer `work` takes on `large` than on `small`: best of interleaved runs on the same machine in the
 * same process, so a burst of load from parallel tests hits both sizes. Linear work on 4× the input gives
 * about 4; quadratic gives about 16.
 */
export function growthRatio<T>(work: (input: T) => unknown, small: T, large: T, runs = 7): number {
  const time = (input: T) => {
    const t0 = process.hrtime.bigint();
    work(input);
    return Number(process.hrtime.bigint() - t0);
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
