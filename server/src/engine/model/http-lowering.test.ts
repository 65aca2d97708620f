import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../http/parser';
import { buildHttpModel } from './http-model';
import { LoweringScope } from './http-lowering';

const FILE = [
  '### fetch-order',
  'GET https://shop.example/orders/3',
  '',
  '### Look at the order once more',
  'GET https://shop.example/orders/3',
  '',
  '### Cancel it',
  '# @name cancel',
  'DELETE https://shop.example/orders/3',
  'If-Match: {{fetch-order.response.headers.ETag}}',
].join('\n');

describe('the names requests define for the requests below them', () => {
  it('files a @name, and a title only when a template can spell it (no space)', () => {
    const file = parseHttp(FILE);
    const scope = new LoweringScope(file, {});
    for (const req of file.requests) scope.advance(req);
    assert.equal(scope.requestNamed('fetch-order'), 0);
    assert.equal(scope.requestNamed('cancel'), 2);
    // A title with spaces can never be a template's name: it is not filed (each was a fresh string hashed).
    assert.equal(scope.requestNamed('Look at the order once more'), undefined);
    assert.deepEqual([...scope.byName.keys()], ['fetch-order', 'cancel']);
  });

  it('reads a value that is one template from the template walk, and odd braces as the whole value reads', () => {
    const text = FILE + '\n\n### again\nPUT https://shop.example/orders/3\nIf-Match: {{fetch-order.response.headers.ETag}}}\nIf-None-Match: {{fetch-order.response.headers.ETag}} x\n';
    const [braces, trailing] = buildHttpModel(parseHttp(text)).requests[3].headers;
    // `{{…}}}`: the walk's first template stops at the first `}}`; the value as a whole is still one template.
    assert.deepEqual(braces.source, { kind: 'capture', request: 0, header: 'ETag}' });
    assert.deepEqual(trailing.source, { kind: 'unknown' });
  });

  it('resolves a reference to a titled request', () => {
    const model = buildHttpModel(parseHttp(FILE));
    assert.deepEqual(model.requests[2].headers[0].source, { kind: 'capture', request: 0, header: 'ETag' });
    assert.deepEqual(model.unresolved, []);
  });
});
