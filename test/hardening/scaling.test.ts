/**
 * Linear time (issue #9): sixteen times the input must not cost much more than sixteen times as much. Compared
 * against the same machine in the same run (best of interleaved runs, so a burst of load hits both sizes),
 * with room for noise from parallel tests: quadratic behaviour costs 256 times, so a bound of 64 still tells
 * the two apart. The precise figures are in `npm run bench`.
 */
import { it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lintHttp } from '../../server/src/engine';
import { growthRatio } from './growth';

const UNIT = [
  '# @name read{{i}}', 'GET https://api.example.com/items/{{i}}', '', '###',
  'PUT https://api.example.com/items/{{i}}', 'If-Match: {{read{{i}}.response.headers.ETag}}', 'Content-Type: application/json', '', '{"n": 1}', '', '###',
].join('\n');

function documentOf(requests: number): string {
  let out = '';
  for (let i = 0; i < requests; i++) out += UNIT.replaceAll('{{i}}', String(i)) + '\n';
  return out;
}

it('lint time grows linearly with the number of requests', () => {
  // 16× the input, bound 64 (linear ≈ 16×, quadratic ≈ 256×): robust on a loaded machine, as below.
  const small = documentOf(500);
  const large = documentOf(8000);
  const ratio = growthRatio((text: string) => lintHttp(text, DEFAULT_CONFIG), small, large, 3);
  assert.ok(ratio < 64, `16× the input took ${ratio.toFixed(1)}× the time: something is super-linear`);
});

it('an unclosed run of {{ in a header value is scanned in linear time', () => {
  const line = (pairs: number) => `PUT https://x.test/a\nX-Hostile: ${'{{'.repeat(pairs)}\n`;
  // 16× the input: linear costs about 16×, quadratic about 256×, so a bound of 64 separates them with room for
  // the noise of a loaded machine (a 4× step with a bound of 12 failed under load at 19.6× while linear alone).
  const ratio = growthRatio((text: string) => lintHttp(text, DEFAULT_CONFIG), line(16 * 1024), line(256 * 1024));
  assert.ok(ratio < 64, `16× the line took ${ratio.toFixed(1)}× the time: the template scan is super-linear`);
});
