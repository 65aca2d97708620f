import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../http/parser';
import { buildHttpModel } from './http-model';
import { HttpHeaderModel } from './http-header';
import { LITERAL } from './value-source';
import type { HeaderModel } from './types';

/** Every field a rule, a fix or a hover reads of a header model (getters included). */
function read(h: HeaderModel): unknown[] {
  return [h.name, h.value, h.resolvedValue, h.source, h.nameRange, h.valueRange, h.range, h.conditional, h.tagFromCaller];
}

const FILE = `@host = https://garden.test

# @name bed
GET {{host}}/beds/3
Accept: application/json

###
PATCH {{host}}/beds/3
If-Unmodified-Since: Tue, 03 Mar 2026 10:00:00 GMT
content-type:   application/merge-patch+json  
If-Match: {{bed.response.headers.ETag}}

{"soil": "loam"}`;

describe('literal header models (a header without a template is its own model: http/nodes.ts HeaderLine)', () => {
  it('read as the full model of the same header would, for every header without a template', () => {
    const file = parseHttp(FILE);
    const model = buildHttpModel(file);
    let literal = 0;
    file.requests.forEach((req, r) => req.headers.forEach((syntax, i) => {
      const h = model.requests[r].headers[i];
      if (syntax.name.includes('{{') || syntax.value.includes('{{')) return assert.ok(h instanceof HttpHeaderModel, syntax.name);
      literal++;
      assert.equal(h, syntax, syntax.name);
      // What the lowering gave such a header before: its name and value as written, the value as resolved, a literal source.
      assert.deepEqual(read(h), read(new HttpHeaderModel(syntax, syntax.name, syntax.value, LITERAL)), syntax.name);
    }));
    assert.equal(literal, 3);
  });

  it('keeps the tree\'s list as the models of a request whose headers are all literal, and a list of its own otherwise', () => {
    const file = parseHttp(FILE);
    const [bed, patch] = file.requests;
    const before = [...patch.headers];
    const model = buildHttpModel(file);
    assert.equal(model.requests[0].headers, bed.headers);
    assert.notEqual(model.requests[1].headers, patch.headers);
    assert.deepEqual(patch.headers, before);
    // The two literal headers are the tree's own objects in it; the templated one a model wrapping its syntax.
    assert.deepEqual(model.requests[1].headers.map((h, i) => Object.is(h, patch.headers[i])), [true, true, false]);
  });
});
