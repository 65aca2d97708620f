import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyHttpFix, checkHttpFixture } from '../testing/lint-fixture';

const ID = 'invalid-etag';

describe(ID, () => {
  it('flags unquoted tags, lowercase w/, inner spaces, * in a list and empty elements', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Match: abc123
          ^^^^^^ error invalid-etag: quoted string
###
PUT https://api.example.com/items/1
If-Match: w/"abc"
          ^^^^^^^ error invalid-etag: case-sensitive
###
GET https://api.example.com/items/1
If-None-Match: "a b"
               ^^^^^ error invalid-etag: white space
###
PUT https://api.example.com/items/1
If-Match: *, "abc"
          ^ error invalid-etag: stand alone
###
PUT https://api.example.com/items/1
If-Match: "a",,"b"
              ^ error invalid-etag: Empty list element
`);
  });

  it('accepts valid lists, *, templates and If-Range dates', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Match: "a", W/"b" ,"c"
###
PUT https://api.example.com/items/1
If-Match: *
###
PUT https://api.example.com/items/1
If-Match: {{item.response.headers.ETag}}
###
GET https://api.example.com/items/1
Range: bytes=0-10
If-Range: Sun, 06 Nov 1994 08:49:37 GMT
`);
  });

  it('quotes an unquoted tag', () => {
    const fixed = applyHttpFix('PUT https://api.example.com/items/1\nIf-Match: abc123\n', ID, 'Write');
    assert.equal(fixed, 'PUT https://api.example.com/items/1\nIf-Match: "abc123"\n');
  });
});
