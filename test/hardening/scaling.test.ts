/**
 * Linear time (issue #9): quadrupling the input must not cost more than about four times as much. Compared
 * against the same machine in the same run (best of interleaved runs, so a burst of load hits both sizes),
 * with room for noise from parallel tests: quadratic behaviour costs sixteen times, so a bound of twelve still
 * tells the two apart. The precise figures are in `npm run bench`.
 */
import { it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lintHttp } from '../../server/src/engine';

const UNIT = [
  '# @name read{{i}}', 'GET https://api.example.com/items/{{i}}', '', '###',
  'PUT https://api.example.com/items/{{i}}', 'If-Match: {{read{{i}}.response.headers.ETag}}', 'Content-Type: application/json', '', '{"n": 1}', '', '###',
].join('\n');

function documentOf(requests: number): string {
  let out = '';
  for (let i = 0; i < requests; i++) out += UNIT.replaceAll('{{i}}', String(i)) + '\n';
  return out;
}

function time(text: string): number {
  const t0 = process.hrtime.bigint();
  lintHttp(text, DEFAULT_CONFIG);
  return Number(process.hrtime.bigint() - t0);
}

it('lint time grows linearly with the number of requests', () => {
  const small = documentOf(1000);
  const large = documentOf(4000);
  time(small); // warm up the JIT
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let r = 0; r < 7; r++) {
    bestSmall = Math.min(bestSmall, time(small));
    bestLarge = Math.min(bestLarge, time(large));
  }
  const ratio = bestLarge / bestSmall;
  assert.ok(ratio < 12, `4× the input took ${ratio.toFixed(1)}× the time: something is super-linear`);
});
