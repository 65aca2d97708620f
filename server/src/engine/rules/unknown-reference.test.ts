import { describe, it } from 'node:test';
import { checkHttpFixture, configWith } from '../testing/lint-fixture';

const ID = 'unknown-reference';

describe(ID, () => {
  it('flags references to requests that do not exist or come later (REST Client, httpYac)', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Match: {{item.response.headers.ETag}}
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error unknown-reference: defined only after this request (line 6)
###
# @name item
GET https://api.example.com/items/1
###
DELETE https://api.example.com/items/1
If-Match: {{itme.response.headers.ETag}}
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error unknown-reference: no request before this one
###
PATCH https://api.example.com/items/1
If-Match: {{nopeResponse.headers.etag}}
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error unknown-reference
`);
  });

  it('reports a plain variable no visible environment defines as info', () => {
    const text = 'GET {{baseUrl}}/items\n    ^^^^^^^^^^^ info unknown-reference: environmentNames\n';
    checkHttpFixture(ID, text, configWith({ environmentNames: ['host'] }));
    checkHttpFixture(ID, 'GET {{baseUrl}}/items\n', configWith({ environmentNames: ['baseUrl'] }));
    checkHttpFixture(ID, 'GET {{baseUrl}}/items\n', configWith({ environmentVariables: { baseUrl: 'http://localhost' } }));
  });

  it('accepts variables the user is prompted for (`# @prompt name [description]`)', () => {
    checkHttpFixture(ID, `
# @prompt password Your password
// @prompt userId
POST https://api.example.com/users/{{userId}}/login
Authorization: Basic {{password}}
###
GET https://api.example.com/users/{{userId}}
X-Other: {{notPrompted}}
         ^^^^^^^^^^^^^^^ info unknown-reference
`, configWith({ environmentNames: ['host'] }));
  });

  it('stays silent about plain variables when no environment is visible (it may live in editor settings)', () => {
    checkHttpFixture(ID, 'GET {{baseUrl}}/items\n');
  });

  it('accepts file variables, JetBrains handler variables, httpYac properties and $dynamic values', () => {
    checkHttpFixture(ID, `
@base = https://api.example.com
# @name login
POST {{base}}/login
###
GET {{base}}/items/{{login.id}}
X-Request-Id: {{$guid}}
Authorization: Bearer {{login.response.body.$.token}}
`);
  });

  it('trusts scripts and imports to define what it cannot see', () => {
    checkHttpFixture(ID, `
GET https://api.example.com/items
> {%
  client.global.set("anything", "x");
%}
###
GET https://api.example.com/items/{{anything}}
`);
    checkHttpFixture(ID, `
# @import ./auth.http
GET https://api.example.com/items
Authorization: Bearer {{loginResponse.headers.token}}
X-Tenant: {{tenant}}
`);
  });
});
