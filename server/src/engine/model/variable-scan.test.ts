import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { VariableScan } from './variable-scan';

/** The expression the expansion used before the hand scan: the specification the scan is checked against. */
const VARIABLE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

function byRegex(text: string): Array<[number, number, string]> {
  return [...text.matchAll(VARIABLE)].map((m) => [m.index, m.index + m[0].length, m[1]]);
}

function byScan(text: string): Array<[number, number, string]> {
  const found: Array<[number, number, string]> = [];
  for (const scan = new VariableScan(text); scan.next();) found.push([scan.open, scan.end, scan.name]);
  return found;
}

const PIECES = ['{', '}', '{{', '}}', ' ', '\t', '\u00a0', '\u2028', '\ufeff', 'a', 'Z', '_', '.', '-', '7', '$', 'é', '/', 'base',
  '{{base}}', '{{ token }}', '{{$guid}}', '{{item7.response.headers.ETag}}'];
/** A template-shaped piece: `{{`, blanks, characters a name may or may not hold, blanks, `}}` (each part may be left out). */
const NAME_CHARS = ['a', 'Z', '_', '.', '-', '7', '$', 'é', ' ', '}', '{'];
const template = fc.tuple(fc.constantFrom('{{', '{', ''), fc.constantFrom('', ' ', '\t\u00a0'),
  fc.array(fc.constantFrom(...NAME_CHARS), { maxLength: 5 }), fc.constantFrom('', ' ', '\u3000'), fc.constantFrom('}}', '}', ''))
  .map(([open, before, name, after, close]) => open + before + name.join('') + after + close);
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), template), { maxLength: 10 }).map((parts) => parts.join(''));

describe('variable scan', () => {
  it('finds the templates, their ends and names the variable regex finds', () => {
    fc.assert(fc.property(text, (t) => assert.deepEqual(byScan(t), byRegex(t), JSON.stringify(t))), { numRuns: 4000 });
  });

  it('passes a `{{` that opens no variable by one character', () => {
    assert.deepEqual(byScan('{{{base}}/{{$guid}}{{ id }}'), [[1, 9, 'base'], [19, 27, 'id']]);
  });
});
