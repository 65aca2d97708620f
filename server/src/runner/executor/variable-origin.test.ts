import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHttp } from '../../engine';
import { findVariable, type LookupScope } from './variable-origin';
import { startLineOf } from '../../engine/text/span';

const file = parseHttp([
  '@host = above',     // line 0
  '###',
  '# @name read',
  'GET {{host}}/a',    // line 3
  '',
  '###',
  '@local = in-block', // line 6
  'PUT {{host}}/b',    // line 7
  '',
  '###',
  '@late = below',     // line 10, in the last request's block
  'GET {{host}}/c',    // line 11
].join('\n'));

const scope = (line: number, extra: Partial<LookupScope> = {}): LookupScope => ({
  file, line, local: file.requests.find((r) => startLineOf(r.requestLine.range) === line)?.variables ?? [],
  overrides: {}, globals: new Map(), environment: { host: 'env', only: 'env-only' }, ...extra,
});

describe('findVariable: the runner\'s lookup order, with where each value came from', () => {
  it('file variables: the last above the use, else the first below', () => {
    assert.deepEqual(findVariable('host', scope(3)), { value: 'above', origin: { kind: 'file-variable', line: 0 } });
    assert.deepEqual(findVariable('late', scope(3)), { value: 'below', origin: { kind: 'file-variable', line: 10 } });
    assert.deepEqual(findVariable('late', scope(11)), { value: 'below', origin: { kind: 'request-variable', line: 10 } });
  });

  it('overrides, then the request\'s own variables, then client.global captures, before file variables and the environment', () => {
    assert.deepEqual(findVariable('host', scope(3, { overrides: { host: 'cli' } }))?.origin, { kind: 'override' });
    assert.deepEqual(findVariable('host', scope(3, { globals: new Map([['host', 'captured']]) })), { value: 'captured', origin: { kind: 'global' } });
    assert.equal(findVariable('local', scope(7))?.value, 'in-block');
    assert.deepEqual(findVariable('only', scope(3)), { value: 'env-only', origin: { kind: 'environment' } });
    assert.equal(findVariable('missing', scope(3)), undefined);
  });
});
