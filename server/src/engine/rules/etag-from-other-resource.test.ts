import { describe, it } from 'node:test';
import { checkHttpFixture } from '../testing/lint-fixture';

const ID = 'etag-from-other-resource';

describe(ID, () => {
  it('flags an ETag captured from another URI (REST Client)', () => {
    checkHttpFixture(ID, `
@base = https://api.example.com
# @name list
GET {{base}}/items
###
PUT {{base}}/items/1
If-Match: {{list.response.headers.ETag}}
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning etag-from-other-resource: https://api.example.com/items
`);
  });

  it('flags it through httpYac references and JetBrains handler variables', () => {
    checkHttpFixture(ID, `
# @name order
GET https://api.example.com/orders/7
###
PATCH https://api.example.com/orders/7/lines/1
If-Match: {{orderResponse.headers.etag}}
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning etag-from-other-resource
###
GET https://api.example.com/users/me
> {%
  client.global.set("userTag", response.headers.valueOf("ETag"));
%}
###
DELETE https://api.example.com/users/5
If-Match: {{userTag}}
          ^^^^^^^^^^^ warning etag-from-other-resource: /users/me
`);
  });

  it('stays silent for the same resource, unresolved parts, created resources and reads', () => {
    checkHttpFixture(ID, `
@id = 42
# @name item
GET https://api.example.com/items/{{id}}?expand=all
###
PUT https://API.example.com/items/42/
If-Match: {{item.response.headers.ETag}}
###
# @name other
GET https://api.example.com/items/{{otherId}}
###
PUT https://api.example.com/items/7
If-Match: {{other.response.headers.ETag}}
###
# @name created
POST https://api.example.com/items
###
PUT https://api.example.com/items/99
If-Match: {{created.response.headers.ETag}}
###
GET https://api.example.com/items/5
If-None-Match: {{item.response.headers.ETag}}
`);
  });
});
