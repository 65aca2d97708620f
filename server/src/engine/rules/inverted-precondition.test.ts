import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyHttpFix, checkHttpFixture } from '../testing/lint-fixture';

const ID = 'inverted-precondition';

describe(ID, () => {
  it('flags If-None-Match with a literal or captured entity-tag on a write, in every dialect', () => {
    checkHttpFixture(ID, `
# @name item
GET https://api.example.com/items/1
> {%
  client.global.set("etag", response.headers.valueOf("ETag"));
%}
###
PUT https://api.example.com/items/1
If-None-Match: {{item.response.headers.ETag}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning inverted-precondition: only if the resource has changed
###
PATCH https://api.example.com/items/1
If-None-Match: {{itemResponse.headers.etag}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning inverted-precondition
###
DELETE https://api.example.com/items/1
If-None-Match: {{etag}}
^^^^^^^^^^^^^^^^^^^^^^^ warning inverted-precondition
###
PUT https://api.example.com/items/2
If-None-Match: "v1"
^^^^^^^^^^^^^^^^^^^ warning inverted-precondition
`);
  });

  it('stays silent for If-None-Match: * on writes, tags on reads, and unknown values', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/9
If-None-Match: *
###
GET https://api.example.com/items/1
If-None-Match: "v1"
###
PUT https://api.example.com/items/1
If-None-Match: {{createOnly}}
`);
  });

  it('renames the header to If-Match', () => {
    const fixed = applyHttpFix('PUT https://x.test/a\nIf-None-Match: "v1"\n\n{}\n', ID, 'Rename to If-Match');
    assert.equal(fixed, 'PUT https://x.test/a\nIf-Match: "v1"\n\n{}\n');
  });
});
