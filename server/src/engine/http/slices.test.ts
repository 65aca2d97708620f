import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { sliceContext } from './slices';

describe('slice context', () => {
  it('reads names, variables and disable directives, and passes over titles and plain comments', () => {
    const text = [
      '@base = https://x.test',
      '### @name not-a-name: a title',
      '# @name first',
      'GET {{base}}/a',
      '',
      '  // @name second',
      'GET {{base}}/b',
      '# just a comment',
      '### etag-guard-disable stale-etag',
      '# etag-guard-disable missing-precondition',
      '\t@token = t',
      '# @name first',
    ].join('\r\n');
    const context = sliceContext(text);
    assert.deepEqual(context.variables, { base: 'https://x.test', token: 't' });
    assert.deepEqual([...context.requestNames], [['first', 2], ['second', 5]]);
    assert.deepEqual(context.directives.map((d) => [d.kind, d.rules, d.line]), [['disable', ['missing-precondition'], 9]]);
  });
});
