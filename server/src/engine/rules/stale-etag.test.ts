import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyHttpFix, checkHttpFixture, configWith } from '../testing/lint-fixture';

const ID = 'stale-etag';

describe(ID, () => {
  it('flags a REST Client reference reused after another write to the same resource', () => {
    checkHttpFixture(ID, `
@base = https://api.example.com
# @name item
GET {{base}}/items/1

###
PUT {{base}}/items/1
If-Match: {{item.response.headers.ETag}}

{"a": 1}

###
PUT https://api.example.com/items/1
If-Match: {{item.response.headers.ETag}}
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning stale-etag: changed this resource since
`);
  });

  it('follows file variables, httpYac references and JetBrains handler captures', () => {
    checkHttpFixture(ID, `
# @name item
GET https://api.example.com/items/1

> {%
  client.global.set("etag", response.headers.valueOf("ETag"));
%}

###
@tag = {{itemResponse.headers.etag}}
DELETE https://api.example.com/items/1/children/2
If-Match: {{etag}}

###
PATCH https://api.example.com/items/1
If-Match: {{etag}}

###
PATCH https://api.example.com/items/1
If-Match: {{etag}}
          ^^^^^^^^ warning stale-etag
`);
  });

  it('stays silent for a fresh read between the writes, and for other resources', () => {
    checkHttpFixture(ID, `
# @name a
GET https://api.example.com/items/1
###
PUT https://api.example.com/items/1
If-Match: {{a.response.headers.ETag}}
###
# @name b
GET https://api.example.com/items/1
###
PUT https://api.example.com/items/1
If-Match: {{b.response.headers.ETag}}
###
PUT https://api.example.com/items/2
If-Match: "x"
`);
  });

  it('inserts a refreshing GET and points If-Match at it', () => {
    const text = '# @name item\nGET https://api.example.com/items/1\n\n###\nPUT https://api.example.com/items/1\nIf-Match: {{item.response.headers.ETag}}\n\n###\nDELETE https://api.example.com/items/1\nIf-Match: {{item.response.headers.ETag}}\n';
    const fixed = applyHttpFix(text, ID, 'Insert a refreshing GET');
    assert.match(fixed, /# @name resourceBefore3\nGET https:\/\/api.example.com\/items\/1\n\n###\nDELETE https:\/\/api.example.com\/items\/1\nIf-Match: \{\{resourceBefore3.response.headers.ETag\}\}/);
  });

  it('offers the previous write\'s ETag only when the server returns ETags on writes', () => {
    const text = '# @name item\nGET https://x.test/i/1\n\n###\n# @name upd\nPUT https://x.test/i/1\nIf-Match: {{item.response.headers.ETag}}\n\n###\nPUT https://x.test/i/1\nIf-Match: {{item.response.headers.ETag}}\n';
    assert.throws(() => applyHttpFix(text, ID, 'Use the ETag from'));
    const fixed = applyHttpFix(text, ID, 'Use the ETag from', configWith({ serverReturnsEtagOnWrite: true }));
    assert.match(fixed, /PUT https:\/\/x.test\/i\/1\nIf-Match: \{\{upd.response.headers.ETag\}\}\n$/);
  });

  it('does not count a create-only write (If-None-Match: *) as a change: it fails on a resource that exists', () => {
    checkHttpFixture(ID, `
# @name create
PUT https://api.example.com/items/42
If-None-Match: *
###
PUT https://api.example.com/items/42
If-None-Match: *
###
DELETE https://api.example.com/items/42
If-Match: {{create.response.headers.ETag}}
`);
  });
});
