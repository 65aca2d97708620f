import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyHttpFix, checkHttpFixture } from '../testing/lint-fixture';

const ID = 'hardcoded-etag';

describe(ID, () => {
  it('flags a literal If-Match on a write, typed in or held by a file variable', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Match: "33a64df5"
          ^^^^^^^^^^ info hardcoded-etag: fixed entity-tag ("33a64df5")
###
@tag = "v7"
DELETE https://api.example.com/items/2
If-Match: {{tag}}
          ^^^^^^^ info hardcoded-etag: "v7"
`);
  });

  it('stays silent for *, captured ETags, unknown variables, reads and invalid tags', () => {
    checkHttpFixture(ID, `
# @name item
GET https://api.example.com/items/1
If-Match: "abc"
###
PUT https://api.example.com/items/1
If-Match: {{item.response.headers.ETag}}
###
PATCH https://api.example.com/items/1
If-Match: *
###
DELETE https://api.example.com/items/1
If-Match: {{etagFromEnvironment}}
###
PUT https://api.example.com/items/1
If-Match: abc
###
PUT https://api.example.com/items/1
If-None-Match: "abc"
`);
  });

  it('flags an Elasticsearch internal version typed in, not an external one (the caller\'s own number)', () => {
    // version_type=external: the write carries the version of the caller's own system of record, compared by order.
    checkHttpFixture(ID, `
PUT http://localhost:9200/catalog/_doc/41?version=7
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info hardcoded-etag: ?version=7 is a version typed into the PUT
Content-Type: application/json

{"title": "lamp"}

###
PUT http://localhost:9200/catalog/_doc/42?version=9&version_type=external
Content-Type: application/json

{"title": "desk"}

###
PUT http://localhost:9200/catalog/_doc/43?version_type=external_gte&version=20
Content-Type: application/json

{"title": "chair"}
`);
  });

  it('leaves FHIR versioned updates alone: the literal version is what the update means', () => {
    checkHttpFixture(ID, `
PUT https://fhir.example.org/r4/Patient/7
If-Match: W/"1"
Content-Type: application/fhir+json

{"resourceType": "Patient", "id": "7"}
###
PUT https://records.example.org/api/notes/7
If-Match: W/"1"
          ^^^^^ info hardcoded-etag: W/"1"
`);
  });

  it('replaces the tag with the ETag of an earlier read of the same resource (httpYac file)', () => {
    const text = '# @name item\nGET https://api.example.com/items/1\n\n###\nPUT https://api.example.com/items/1\nIf-Match: "abc"\n\n{}\n';
    const fixed = applyHttpFix(text, ID, 'Use the ETag read by item');
    assert.equal(fixed, '# @name item\nGET https://api.example.com/items/1\n\n###\nPUT https://api.example.com/items/1\nIf-Match: {{item.response.headers.ETag}}\n\n{}\n');
  });

  it('inserts a capturing GET when the only read is older than another write', () => {
    const read = 'GET https://api.example.com/items/1\n\n###\nPATCH https://api.example.com/items/1\nIf-Match: *\n\n';
    const fixed = applyHttpFix(read + '### Delete it\nDELETE https://api.example.com/items/1\nIf-Match: "abc"\n', ID, 'Insert a GET');
    // The read goes above the write's own `###`, so the write keeps its title.
    assert.equal(fixed, read + '### Fresh read for the write below\n# @name resourceBefore3\nGET https://api.example.com/items/1\n\n' +
      '### Delete it\nDELETE https://api.example.com/items/1\nIf-Match: {{resourceBefore3.response.headers.ETag}}\n');
  });
});
