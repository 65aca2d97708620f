/**
 * Linear time (issue #9): quadrupling the input must not cost more than about four times as much. Compared
 * against the same machine in the same run (best of several), with room for noise: quadratic behaviour costs
 * sixteen times, so a bound of eight separates the two without flaking.
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

function bestTime(text: string, runs = 5): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    lintHttp(text, DEFAULT_CONFIG);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  return best;
}

it('lint time grows linearly with the number of requests', () => {
  const small = documentOf(1000);
  const large = documentOf(4000);
  bestTime(small, 2); // warm up the JIT
  const ratio = bestTime(large) / bestTime(small);
  assert.ok(ratio < 8, `4× the input took ${ratio.toFixed(1)}× the time: something is super-linear`);
});
