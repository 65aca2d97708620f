/**
 * Property tests of every `.http` rule's fixes (issue #14) over layouts: LF or CRLF, a body or none (or one with no blank line before it), blank
 * lines, comments and a `###` title around the request, the last line with or without its line end. Every fix
 * offered passes the check (the result parses no worse and its finding is gone); `--fix`'s loop settles, adds
 * no header to a body, and running it again changes nothing.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG, FixChecker, fixUntilStable, lintHttp, parseHttp } from '../../server/src/engine';
import { rangeOf, startLineOf } from '../../server/src/engine/text/span';

/** Requests that make each rule with a fix fire (the value of the header under test, and its name). */
const TRIGGERS: ReadonlyArray<{ rule: string; method: string; headers: string[]; read?: boolean; secondWrite?: boolean }> = [
  { rule: 'missing-precondition', method: 'PUT', headers: [] },
  { rule: 'missing-precondition', method: 'DELETE', headers: ['Authorization: Bearer t'], read: true },
  { rule: 'invalid-etag', method: 'PATCH', headers: ['If-Match: abc'] },
  { rule: 'invalid-http-date', method: 'PUT', headers: ['If-Unmodified-Since: Sunday, 06-Nov-94 08:49:37 GMT'] },
  { rule: 'weak-etag-in-if-match', method: 'PUT', headers: ['If-Match: W/"v1"'] },
  { rule: 'inverted-precondition', method: 'PUT', headers: ['If-None-Match: "v1"'] },
  { rule: 'hardcoded-etag', method: 'PUT', headers: ['If-Match: "v1"'], read: true },
  { rule: 'stale-etag', method: 'PUT', headers: ['If-Match: {{item.response.headers.ETag}}'], read: true, secondWrite: true },
];

const layout = fc.record({
  trigger: fc.constantFrom(...TRIGGERS),
  crlf: fc.boolean(),
  body: fc.constantFrom('none', 'json', 'json-right-after-headers'),
  title: fc.boolean(),
  comment: fc.boolean(),
  finalEol: fc.boolean(),
  blankLinesBetween: fc.integer({ min: 1, max: 3 }),
});

function print(l: typeof layout extends fc.Arbitrary<infer T> ? T : never): string {
  const eol = l.crlf ? '\r\n' : '\n';
  const blocks: string[][] = [];
  if (l.trigger.read) blocks.push(['# @name item', 'GET https://api.example.test/items/1', 'Authorization: Bearer t']);
  const write = (n: number) => [
    ...(l.comment ? ['# update the item'] : []),
    `${l.trigger.method} https://api.example.test/items/1${n > 1 ? '?v=2' : ''}`,
    ...l.trigger.headers,
    ...(l.body === 'none' ? [] : ['Content-Type: application/json', ...(l.body === 'json' ? [''] : []), '{', '  "name": "x"', '}']),
  ];
  blocks.push(write(1));
  if (l.trigger.secondWrite) blocks.push(write(2));
  const between = Array(l.blankLinesBetween).fill('').concat([l.title ? '### next' : '###']);
  const lines = blocks.flatMap((b, i) => (i === 0 ? b : [...between, ...b]));
  return (l.title ? `### first${eol}` : '') + lines.join(eol) + (l.finalEol ? eol : '');
}

/** The body lines of each request, so a test can tell a header inserted into a body. */
function bodies(text: string): string[] {
  return parseHttp(text).requests.map((r) => (r.body ? text.split(/\r?\n/).slice(startLineOf(r.body.range), rangeOf(r.body.range).end.line + 1).join('\n') : ''));
}

describe('.http fixes over layouts (property)', () => {
  it('every fix of every rule passes the check; --fix settles, keeps bodies and is a no-op the second time', () => {
    fc.assert(fc.property(layout, (l) => {
      const text = print(l);
      const relint = (t: string) => lintHttp(t, DEFAULT_CONFIG);
      const first = relint(text);
      const targeted = first.findings.filter((f) => f.ruleId === l.trigger.rule);
      assert.ok(targeted.length > 0, `${l.trigger.rule} fires on:\n${text}`);
      const checker = new FixChecker(text, first, relint);
      for (const finding of first.findings) {
        for (const fix of finding.fixes) {
          const outcome = checker.check(finding, fix);
          assert.ok(outcome, `${finding.ruleId}: "${fix.title}" breaks the file or leaves its finding:\n${text}`);
          assert.ok(!/\r\n/.test(text) || !/[^\r]\n/.test(outcome.text), `CRLF kept by "${fix.title}":\n${JSON.stringify(outcome.text)}`);
        }
      }
      const run = fixUntilStable(text, relint, first);
      const context = `\n--- before\n${text}\n--- after\n${run.output}`;
      assert.ok(run.converged, `fixing settles${context}`);
      assert.ok((run.result.syntaxErrors ?? 0) <= (first.syntaxErrors ?? 0), `no new parse problem${context}`);
      assert.deepEqual(run.result.findings.filter((f) => f.ruleId === l.trigger.rule && f.fixes.some((x) => x.preferred)), [], `fixable ${l.trigger.rule} gone${context}`);
      for (const body of bodies(run.output)) assert.doesNotMatch(body, /^If-(None-)?Match:/m, `no header in a body${context}`);
      assert.equal(fixUntilStable(run.output, relint, run.result).output, run.output, `fixing again changes nothing${context}`);
    }), { numRuns: 300 });
  });
});
