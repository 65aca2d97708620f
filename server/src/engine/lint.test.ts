import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from './config/config';
import { lintHttp } from './lint';
import { byRequest, type Rule } from './rules/types';
import { rangeOf } from './text/span';

/** A per-request rule that reports `message` at every request, and throws after reporting on request `throwAt`. */
function perRequest(id: string, throwAt = -1): Rule {
  return {
    id, defaultLevel: 'warning', summary: id, languages: ['http'],
    ...byRequest({
      reads: 'request',
      check(req, _ctx, report) {
        report({ message: id, range: rangeOf(req.anchor), fixes: [] });
        if (req.index === throwAt) throw new Error(`${id} broke`);
      },
    }),
  };
}

/** A whole-file rule that reports at the first request, then throws. */
const wholeFileThrows: Rule = {
  id: 'whole', defaultLevel: 'warning', summary: 'throws', languages: ['http'],
  check({ model }, report) {
    report({ message: 'whole', range: rangeOf(model.requests[0].anchor), fixes: [] });
    throw new Error('whole broke');
  },
};

describe('runRules: the per-request rules in one walk over the requests', () => {
  const text = 'GET https://x.test/a\n\n###\nGET https://x.test/b\n\n###\nGET https://x.test/c\n';

  it('gives what running each rule whole gives: findings at one place in the rules\' order, failures in the rules\' order', () => {
    const result = lintHttp(text, DEFAULT_CONFIG, [perRequest('a', 1), wholeFileThrows, perRequest('b')]);
    // The walk meets 'a' throwing after the whole-file rule has run: failures still come in the rules' order.
    assert.deepEqual(result.failures, [{ ruleId: 'a', error: 'a broke' }, { ruleId: 'whole', error: 'whole broke' }]);
    // 'a' keeps what it reported up to its throw (the second request included), and stops there; at one place the
    // findings keep the rules' order, the whole-file rule's between the two walked ones.
    assert.deepEqual(result.findings.map((f) => `${f.range.start.line}:${f.ruleId}`), ['0:a', '0:whole', '0:b', '3:a', '3:b', '6:b']);
  });

  it('runs the walk when every rule is per-request, and keeps each rule\'s order at a shared place', () => {
    const result = lintHttp(text, DEFAULT_CONFIG, [perRequest('z'), perRequest('y')]);
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.findings.map((f) => `${f.range.start.line}:${f.ruleId}`), ['0:z', '0:y', '3:z', '3:y', '6:z', '6:y']);
  });
});
