import { describe, it } from 'node:test';
import { checkHttpFixture } from '../testing/lint-fixture';

const ID = 'ignored-precondition';

describe(ID, () => {
  it('flags each header a server must ignore (RFC 9110 §13.1.3–13.1.5, §13.2.1)', () => {
    checkHttpFixture(ID, `
# @name item
GET https://api.example.com/items/1
###
PUT https://api.example.com/items/1
If-Match: {{item.response.headers.ETag}}
if-unmodified-since: Sun, 06 Nov 1994 08:49:37 GMT
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning ignored-precondition: §13.1.4
###
GET https://api.example.com/items/1
If-None-Match: "abc"
If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning ignored-precondition: §13.1.3
###
PATCH https://api.example.com/items/1
If-Match: "abc"
If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning ignored-precondition: not PATCH
###
GET https://api.example.com/files/1
If-Range: "abc"
^^^^^^^^^^^^^^^ warning ignored-precondition: no Range header
###
OPTIONS https://api.example.com/items/1
If-Match: "abc"
^^^^^^^^^^^^^^^ warning ignored-precondition: OPTIONS
`);
  });

  it('stays silent for preconditions a server evaluates', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Unmodified-Since: Sun, 06 Nov 1994 08:49:37 GMT
###
HEAD https://api.example.com/items/1
If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT
###
GET https://api.example.com/files/1
Range: bytes=0-99
If-Range: "abc"
###
DELETE https://api.example.com/items/1
If-Match: "abc"
`);
  });
});
