import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyHttpFix, checkHttpFixture, configWith, STRICT } from '../testing/lint-fixture';

const ID = 'missing-precondition';

describe(`${ID} (strict: every unguarded write)`, () => {
  it('flags PUT, PATCH and DELETE without a precondition (REST Client)', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: PUT without a precondition
Content-Type: application/json

{"name": "x"}

###
PATCH https://api.example.com/items/1 HTTP/1.1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition

###
DELETE https://api.example.com/items/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition
`, STRICT);
  });

  it('accepts every standard and service-specific precondition', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Match: "abc"
###
PUT https://api.example.com/items/2
if-unmodified-since: Sun, 06 Nov 1994 08:49:37 GMT
###
PUT https://api.example.com/items/3
If-None-Match: *
###
PUT https://storage.googleapis.com/upload/b/o
x-goog-if-generation-match: 0
###
POST https://storage.googleapis.com/upload/storage/v1/b/bucket/o?uploadType=media&ifGenerationMatch=0
###
PUT http://localhost:9200/idx/_doc/1?if_seq_no=3&if_primary_term=1
###
PUT http://localhost:5984/db/doc?rev=1-abc
`, STRICT);
  });

  it('needs both Elasticsearch parameters, and If-None-Match with a tag is no write guard', () => {
    checkHttpFixture(ID, `
PUT http://localhost:9200/idx/_doc/1?if_seq_no=3
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition
###
PUT https://api.example.com/items/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition
If-None-Match: "abc"
`, STRICT);
  });

  it('ignores reads and POST, unless POST is included by a setting', () => {
    const text = `GET https://api.example.com/items\n\n###\nPOST https://api.example.com/items\n`;
    checkHttpFixture(ID, text, STRICT);
    checkHttpFixture(ID, `GET https://api.example.com/items\n\n###\nPOST https://api.example.com/items\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition\n`,
      configWith({ includePost: true, strict: true }));
  });

  it('honours extra preconditions from the configuration', () => {
    checkHttpFixture(ID, 'PUT https://api.example.com/items/1\nX-Expected-Version: 4\n', configWith({ extraPreconditions: ['X-Expected-Version'], strict: true }));
  });

  it('is silenced by etag-guard-disable-next-line', () => {
    checkHttpFixture(ID, '# etag-guard-disable-next-line missing-precondition\nPUT https://api.example.com/items/1\n', STRICT);
  });

  it('adds If-Match from an earlier named GET of the same resource', () => {
    const text = '# @name item\nGET https://api.example.com/items/1\n\n###\nPUT https://api.example.com/items/1\nContent-Type: application/json\n\n{}\n';
    const fixed = applyHttpFix(text, ID, 'Add If-Match from item', STRICT);
    assert.match(fixed, /Content-Type: application\/json\nIf-Match: \{\{item\.response\.headers\.ETag\}\}\n\n\{\}/);
  });

  it('names an unnamed earlier GET so it can be referenced', () => {
    const text = 'GET https://api.example.com/items/1\n\n###\nDELETE https://api.example.com/items/1\n';
    const fixed = applyHttpFix(text, ID, 'Add If-Match from', STRICT);
    assert.equal(fixed, '# @name read1\nGET https://api.example.com/items/1\n\n###\nDELETE https://api.example.com/items/1\nIf-Match: {{read1.response.headers.ETag}}\n');
  });

  it('inserts a capturing GET before the write, copying its Authorization', () => {
    const text = '# @name update\nPUT https://api.example.com/items/1\nAuthorization: Bearer {{token}}\n\n{}\n';
    const fixed = applyHttpFix(text, ID, 'Insert a GET', STRICT);
    assert.equal(fixed,
      '# @name updateBefore1\nGET https://api.example.com/items/1\nAuthorization: Bearer {{token}}\n\n###\n' +
      '# @name update\nPUT https://api.example.com/items/1\nAuthorization: Bearer {{token}}\nIf-Match: {{updateBefore1.response.headers.ETag}}\n\n{}\n');
  });

  it('asks Firebase for the ETag on the inserted read (X-Firebase-ETag: true), or the read would bring none', () => {
    const text = 'PUT https://demo-board.firebaseio.com/tasks/7.json\nContent-Type: application/json\n\n{}\n';
    const fixed = applyHttpFix(text, ID, 'Insert a GET', STRICT);
    assert.equal(fixed,
      '# @name resourceBefore1\nGET https://demo-board.firebaseio.com/tasks/7.json\nX-Firebase-ETag: true\n\n###\n' +
      'PUT https://demo-board.firebaseio.com/tasks/7.json\nContent-Type: application/json\nIf-Match: {{resourceBefore1.response.headers.ETag}}\n\n{}\n');
  });

  it("advises the service's own precondition where the catalogue knows it, If-Match elsewhere", () => {
    checkHttpFixture(ID, `
PUT http://127.0.0.1:8500/v1/kv/app/flag
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Send ?cas= with the ModifyIndex of the key you read (or ?cas=0 to create only).
###
PUT http://localhost:9200/orders/_doc/7
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Send ?if_seq_no= and if_primary_term= with the _seq_no and _primary_term of the document you read.
###
PUT https://k8s.internal:6443/api/v1/namespaces/d/configmaps/x
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Send metadata.resourceVersion of the object you read.
###
PUT https://api.example.com/items/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Send If-Match with the ETag you read (or If-None-Match: * to create only).
`, STRICT);
  });

  it('offers a create-only If-None-Match: * on PUT, keeping CRLF line ends', () => {
    const fixed = applyHttpFix('PUT https://api.example.com/items/9\r\nContent-Type: text/plain\r\n\r\nhi\r\n', ID, 'Add If-None-Match', STRICT);
    assert.equal(fixed, 'PUT https://api.example.com/items/9\r\nContent-Type: text/plain\r\nIf-None-Match: *\r\n\r\nhi\r\n');
  });
});
