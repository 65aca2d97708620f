/**
 * missing-precondition in default mode: it warns where evidence says the API versions the resource, says
 * so in the message, hints where nothing is known, and is silent where no precondition can help.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHttp } from '../lint';
import { observedSource } from '../evidence/observed';
import { openApiSource } from '../evidence/openapi';
import { checkHttpFixture, configWith } from '../testing/lint-fixture';
import { DEFAULT_CONFIG } from '../config/config';

const ID = 'missing-precondition';

describe(`${ID} (default: levels from evidence)`, () => {
  it('hints at an unguarded write nothing says is versioned', () => {
    checkHttpFixture(ID, `
PUT https://api.shop.dev/items/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: if the server versions this resource
`);
  });

  it('warns on a read-modify-write of the resource, and on the writes chained after it, even when only body.id was used', () => {
    checkHttpFixture(ID, `
# @name item
GET https://api.shop.dev/items/7

###
PUT https://api.shop.dev/items/{{item.response.body.id}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: a read-modify-write
Content-Type: application/json

{"name": "renamed"}

###
DELETE https://api.shop.dev/items/7
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: a read-modify-write
`);
  });

  it('warns where a write sends back what a read of its collection returned', () => {
    checkHttpFixture(ID, `
# @name list
GET https://api.shop.dev/items

###
PUT https://api.shop.dev/items/{{list.response.body.$[0].id}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: a read-modify-write
Content-Type: application/json

{"name": "{{list.response.body.$[0].name}} (copy)", "price": 3}
`);
  });

  it('does not take a listing that only picks which item a write addresses for a read-modify-write', () => {
    // The write sends nothing it read: the listing chose the item, the body is new (lesson of a held-out file).
    checkHttpFixture(ID, `
GET https://boards.kanban.dev/projects
Accept: application/json

> {%
    client.global.set("projectId", response.body[0].id);
%}

###
PATCH https://boards.kanban.dev/projects/{{projectId}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition
Content-Type: application/json

{"archived": true}

###
DELETE https://boards.kanban.dev/projects/{{projectId}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition

###
# @name all
GET https://boards.kanban.dev/labels

###
PUT https://boards.kanban.dev/labels/{{all.response.body.$[0].id}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition
Content-Type: application/json

{"name": "urgent"}
`);
  });

  it('does not read a create from a POST response as read-modify-write', () => {
    checkHttpFixture(ID, `
# @name created
POST https://api.shop.dev/items

{"name": "x"}

###
PUT https://api.shop.dev/items/{{created.response.body.id}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition
`);
  });

  it('credits the ETag of a create\'s response to the created item, not to the collection', () => {
    // A 201's validator describes the item it made: the item's later writes are on a versioning API.
    checkHttpFixture(ID, `
# @name created
POST https://api.shop.dev/orders
Content-Type: application/json

{"sku": "A-1"}

###
@orderTag = {{created.response.headers.ETag}}

###
PATCH https://api.shop.dev/orders/{{created.response.body.id}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: the file variable @orderTag on line 9 captures the response's ETag
Content-Type: application/json

{"qty": 2}

###
PUT https://api.shop.dev/orders
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition
Content-Type: application/json

[]

###
POST https://api.shop.dev/carts
Content-Type: application/json

{}

> {%
    client.global.set("cartTag", response.headers.valueOf("ETag"));
%}

###
DELETE https://api.shop.dev/carts/4
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition
`);
  });

  it('warns where the file captures an ETag of the route or sends If-Match to it elsewhere', () => {
    checkHttpFixture(ID, `
# @name item
GET https://api.shop.dev/items/1

###
PUT https://api.shop.dev/items/1
If-Match: {{item.response.headers.ETag}}

###
PATCH https://api.shop.dev/items/2
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: If-Match is sent to PUT https://api.shop.dev/items/1 on line 7 (and more

###
PUT https://api.shop.dev/carts/2
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition
`);
  });

  it('warns where a file variable captures the ETag of a read of the route, used or not (REST Client)', () => {
    checkHttpFixture(ID, `
### Read the recipe
# @name recipe
GET https://cookbook.kitchen.dev/recipes/12

###
@recipeTag = {{recipe.response.headers.ETag}}
@recipeDate = {{recipe.response.headers.last-modified}}

### Save the recipe (the captured tag is never sent)
PUT https://cookbook.kitchen.dev/recipes/12
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: the file variable @recipeTag on line 7 captures the response's ETag
Content-Type: application/json

{"title": "Soup"}

### Another collection: nothing captured there
PUT https://cookbook.kitchen.dev/menus/3
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition
`);
  });

  it('warns where an httpYac assertion checks the ETag of a read of the route', () => {
    checkHttpFixture(ID, `
### Read the shelf
GET https://library.reading.dev/shelves/4

?? status == 200
?? header etag exists

### Fill the shelf
PUT https://library.reading.dev/shelves/4
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: the assertion on line 6 checks the response's etag
Content-Type: application/json

{"books": 12}

### Only the status of a read of another route
GET https://library.reading.dev/rooms/1

?? status == 200

###
PUT https://library.reading.dev/rooms/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition
`);
  });

  it('warns where a handler checks for 412', () => {
    checkHttpFixture(ID, `
PUT https://api.shop.dev/items/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: checks for 412

> {%
  if (response.status === 412) client.log("changed meanwhile");
%}
`);
  });

  it('is silent where no precondition can help, but --strict still warns', () => {
    const text = [
      'PUT https://httpbin.org/put',
      '###',
      'PUT https://jsonplaceholder.typicode.com/posts/1',
      '###',
      'PUT https://api.example.com/items/1',
      '###',
      'PUT https://bucket.s3.amazonaws.com/k?X-Amz-Signature=abc&X-Amz-Expires=60',
      '###',
      'PUT https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2030&sp=w&sig=abc',
      '###',
      'PUT https://upload.files.dev/session/9',
      'Content-Range: bytes 0-99/200',
      '###',
      'POST https://fhir.dev/Patient/1/$everything',
      '###',
      'DELETE https://fhir.dev/Patient/{{$guid}}/$purge',
      '###',
      'PATCH https://api.shop.dev/items/1',
      'Content-Type: application/json-patch+json',
      '',
      '[{"op": "test", "path": "/v", "value": 1}, {"op": "replace", "path": "/v", "value": 2}]',
    ].join('\n');
    assert.deepEqual(lintHttp(text, DEFAULT_CONFIG).findings.filter((f) => f.ruleId === ID), []);
    const strict = lintHttp(text, configWith({ strict: true, includePost: true })).findings.filter((f) => f.ruleId === ID);
    assert.equal(strict.length, 9);
    assert.ok(strict.every((f) => f.level === 'warning'));
    assert.match(strict[0].message, /httpbin\.org is an echo\/mock service/);
  });

  it("warns on a reserved example domain only with the file's own evidence", () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Match: {{etag}}

###
DELETE https://api.example.com/items/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: If-Match is sent to PUT
`);
  });

  it('names the OpenAPI document and operation that declare a precondition', () => {
    const spec = {
      openapi: '3.0.3', servers: [{ url: 'https://api.shop.dev/v1' }],
      paths: {
        '/items/{id}': {
          put: { parameters: [{ $ref: '#/components/parameters/IfMatch' }], responses: { 200: { description: 'ok' } } },
          delete: { responses: { 204: { description: 'gone' } } },
          get: { responses: { 200: { description: 'ok', headers: { ETag: { schema: { type: 'string' } } } } } },
        },
        '/tags/{id}': { put: { responses: { 200: { description: 'ok' } } } },
      },
      components: { parameters: { IfMatch: { name: 'If-Match', in: 'header', required: false } } },
    };
    const config = { ...DEFAULT_CONFIG, evidenceSources: [openApiSource([{ path: '/ws/api/openapi.yaml', content: spec }])] };
    const text = 'PUT https://api.shop.dev/v1/items/9\n###\nDELETE {{base}}/v1/items/9\n###\nPUT https://api.shop.dev/v1/tags/3\n';
    const found = lintHttp(text, config).findings.filter((f) => f.ruleId === ID);
    assert.deepEqual(found.map((f) => f.level), ['warning', 'warning', 'hint']);
    assert.match(found[0].message, /: openapi\.yaml declares If-Match on PUT \/items\/\{id\}/);
    assert.match(found[1].message, /: openapi\.yaml declares ETag response header on GET \/items\/\{id\}\./);
  });

  it('warns after the runner saw the route return an ETag, naming the response', () => {
    const observed = observedSource([{ method: 'GET', url: 'http://127.0.0.1:8080/dav/notes/7', status: 200, etag: true, at: '2026-11-29T10:02:11Z' }]);
    const config = { ...DEFAULT_CONFIG, evidenceSources: [observed] };
    const [f, other] = lintHttp('PUT http://127.0.0.1:8080/dav/notes/{{n}}\n###\nPUT http://127.0.0.1:8080/dav/todo/1\n', config).findings;
    assert.equal(f.level, 'warning');
    assert.match(f.message, /: GET \/dav\/notes\/7 returned ETag at 10:02\./);
    assert.equal(other.level, 'hint');
  });

  it('follows .etagguardrc.json apis: required and supported warn, none silences, the most specific wins', () => {
    const config = configWith({ apis: [
      { match: 'https://api.shop.dev', preconditions: 'supported' },
      { match: 'https://api.shop.dev/logs/*', preconditions: 'none' },
      { match: '*.internal.dev', preconditions: 'required' },
    ] });
    const text = 'PUT https://api.shop.dev/items/1\n###\nPUT https://api.shop.dev/logs/1\n###\nDELETE https://billing.internal.dev/invoices/3\n';
    const found = lintHttp(text, config).findings.filter((f) => f.ruleId === ID);
    assert.deepEqual(found.map((f) => `${f.range.start.line} ${f.level}`), ['0 warning', '4 warning']);
    assert.match(found[0].message, /\.etagguardrc\.json says https:\/\/api\.shop\.dev honours preconditions/);
    assert.match(found[1].message, /requires a precondition/);
  });

  it('takes a service guessed from the path alone as a hint naming it, and warns once the file agrees', () => {
    // `/Patient/7` on any host looks like FHIR: a guess, not knowledge (demo files are full of such paths).
    checkHttpFixture(ID, `
@fhir = https://localhost:5001
PATCH {{fhir}}/Patient/7
^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: if this is the service its path suggests (FHIR server
Content-Type: application/json-patch+json

[{"op": "replace", "path": "/active", "value": false}]
###
# @name pat
GET {{fhir}}/Observation/9

###
PUT {{fhir}}/Observation/{{pat.response.body.id}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: a read-modify-write
Content-Type: application/fhir+json

{"resourceType": "Observation", "id": "9"}
`);
  });

  it('warns on a service recognised by its own host where the file reads the resource right before writing it', () => {
    // Only the catalogue speaks: a write that reads nothing first (an upload of new content) is a hint since the
    // seventh session; a read followed by the write of the same object is the read-modify-write it warns about.
    checkHttpFixture(ID, `
PUT https://storage.googleapis.com/upload/storage/v1/b/notes/o/today.txt
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: nothing in the file reads the resource right before this write

###
GET https://storage.googleapis.com/notes/yesterday.txt

###
PUT https://storage.googleapis.com/notes/yesterday.txt
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Google Cloud Storage
`);
  });
});
