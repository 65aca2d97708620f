import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from './config/config';
import { lintHttp } from './lint';
import type { HeaderModel } from './model/types';
import { byConditionalHeader } from './rules/by-conditional';
import { factsOf, type ConditionalName } from './rules/request-facts';
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

/**
 * A rule judging each conditional header of `names` on its own (by-conditional.ts): reports the header's name, and
 * throws at a header whose value is `boom`.
 */
function perHeader(id: string, names: readonly ConditionalName[]): Rule {
  return {
    id, defaultLevel: 'warning', summary: id, languages: ['http'],
    ...byConditionalHeader(names, ({ header, name }, _req, report) => {
      report({ message: `${id} ${name}`, range: rangeOf(header.range), fixes: [] });
      if (header.value === 'boom') throw new Error(`${id} broke`);
    }),
  };
}

/** `rule` without its per-header form: the walk then calls its `check` request by request. */
function requestByRequest(rule: Rule): Rule {
  return { ...rule, perRequest: { ...rule.perRequest!, eachConditional: undefined } };
}

describe('runRules: rules that judge conditional headers one by one', () => {
  const text = [
    'PUT https://x.test/a', 'If-Match: "a"', 'If-None-Match: "b"', 'If-Range: "c"', '',
    '###', 'GET https://x.test/b', 'If-Range: boom', 'If-Match: "d"', '',
    '###', 'DELETE https://x.test/c', 'If-Match: "e"', 'If-Modified-Since: x', '',
  ].join('\n');
  const rules = () => [perHeader('h', ['if-match', 'if-range']), perRequest('r'), perHeader('g', ['if-none-match', 'if-modified-since'])];
  const shown = (findings: readonly { range: { start: { line: number } }; message: string }[]) => findings.map((f) => `${f.range.start.line}:${f.message}`);

  it('calls each only with the headers of its names, in order, and stops one where it throws', () => {
    const result = lintHttp(text, DEFAULT_CONFIG, rules());
    assert.deepEqual(result.failures, [{ ruleId: 'h', error: 'h broke' }]);
    assert.deepEqual(shown(result.findings), ['0:r', '1:h if-match', '2:g if-none-match', '3:h if-range', '6:r', '7:h if-range', '11:r', '13:g if-modified-since']);
  });

  it('finds what their per-request checks find', () => {
    const walked = lintHttp(text, DEFAULT_CONFIG, rules());
    const byRequest = lintHttp(text, DEFAULT_CONFIG, rules().map((r) => (r.perRequest?.eachConditional ? requestByRequest(r) : r)));
    assert.deepEqual(shown(byRequest.findings), shown(walked.findings));
    assert.deepEqual(byRequest.failures, walked.failures);
  });

  it('leaves no facts pinned after the walk: a request changed after a lint is read again', () => {
    const { model } = lintHttp(text, DEFAULT_CONFIG, rules());
    const last = model.requests[model.requests.length - 1];
    assert.deepEqual(factsOf(last).conditionals.map((c) => c.name), ['if-match', 'if-modified-since']);
    (last.headers as HeaderModel[]).push(model.requests[0].headers[1]);
    assert.deepEqual(factsOf(last).conditionals.map((c) => c.name), ['if-match', 'if-modified-since', 'if-none-match']);
  });
});
