/**
 * missing-precondition and what a file says about a write's purpose (evidence/intent.ts), lessons from real
 * `.http` files (docs/precision.md): negative tests are silent, declared creates and writes to the file's own
 * data are hints where the only evidence is what the service does in general; evidence about the resource
 * itself still warns, and `--strict` still warns on every one of them.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHttp } from '../lint';
import { checkHttpFixture, STRICT } from '../testing/lint-fixture';

const ID = 'missing-precondition';

describe(`${ID}: the purpose the file states`, () => {
  it('is silent on a negative test, even where the file shows the route is versioned; --strict says why', () => {
    const { text } = checkHttpFixture(ID, `
### Rename the plant, guarded
# @name plant
GET https://greenhouse.dev/plants/4

###
PUT https://greenhouse.dev/plants/4
If-Match: {{plant.response.headers.ETag}}

{"name": "fern"}

### Rename it without If-Match
# The server requires a precondition: this should result in an error (428).
PUT https://greenhouse.dev/plants/4

{"name": "moss"}

### Delete it with the wrong role (Should Fail - 403)
DELETE https://greenhouse.dev/plants/4
`);
    const strict = lintHttp(text, STRICT).findings.filter((f) => f.ruleId === ID);
    assert.deepEqual(strict.map((f) => f.range.start.line), [13, 18]);
    assert.match(strict[0].message, /a negative test \("should result in an error"\)/);
    assert.match(strict[1].message, /a negative test \("Should Fail"\)/);
  });

  it('hints at a write its author calls a create or a seed, whatever the evidence, and offers If-None-Match: *', () => {
    const { findings } = checkHttpFixture(ID, `
### Seed: create the sample blob
PUT https://plants.blob.core.windows.net/photos/fern.jpg
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: only a hint, as the request says it creates the resource
Content-Type: image/jpeg

< ./fern.jpg

###
# Create a document that a later request will update.
PUT http://localhost:9200/plants/_doc/2
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: Elasticsearch
Content-Type: application/json

{"name": "moss"}

### Read the fern's entry (only the catalogue speaks: a warning needs a read of the resource right before the write)
GET http://localhost:9200/plants/_doc/1

### Update the catalogue entry of the fern (it was created last week)
PUT http://localhost:9200/plants/_doc/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Elasticsearch
Content-Type: application/json

{"name": "fern"}
`);
    assert.ok(findings[0].fixes.some((f) => f.title.startsWith('Add If-None-Match: *')));
  });

  it('hints where the file writes to data it created itself and only the service is known to version', () => {
    checkHttpFixture(ID, `
### An item to rename
# @name item
POST https://graph.microsoft.com/v1.0/me/drive/root/children
Content-Type: application/json

{"name": "notes", "folder": {}}

###
PATCH https://graph.microsoft.com/v1.0/me/drive/items/{{item.response.body.id}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: the file created this resource itself (the POST https://graph.microsoft.com/v1.0/me/drive/root/children returned it)
Content-Type: application/json

{"name": "notes-2024"}

### A search index and one document in it
PUT http://localhost:9200/plants
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: nothing in the workspace says

###
PUT http://localhost:9200/plants/_doc/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: the file created this resource itself (PUT http://localhost:9200/plants)
Content-Type: application/json

{"name": "fern"}

### Load the test data (a bulk request)
POST http://search.ward.dev:9200/_bulk

< ./bulk.ndjson

###
DELETE search.ward.dev:9200/wards/_doc/7
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: the file created this resource itself (the setup request http://search.ward.dev:9200/_bulk)

### Read ward 7 on another server
GET http://search.other.dev:9200/wards/_doc/7

### Update ward 7 there
PUT http://search.other.dev:9200/wards/_doc/7
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Elasticsearch

{"beds": 12}
`);
  });

  it('knows an Elasticsearch document by any of its names: created by _create or a POST to _doc, then updated or deleted', () => {
    // Lesson from a real learning file: "insert" a document with POST …/_create/{id}, delete it with DELETE …/_doc/{id}.
    checkHttpFixture(ID, `
### add the trial account
POST http://localhost:9200/accounts/_create/trial-7
Content-Type: application/json

{"owner": "sam"}

### change its owner
PUT http://localhost:9200/accounts/_doc/trial-7
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: the file created this resource itself (POST http://localhost:9200/accounts/_create/trial-7)

{"owner": "ray"}

### a POST with an id stores the document as a PUT would
POST http://localhost:9200/accounts/_doc/trial-8

{"owner": "kim"}

### and its partial update is a write to the same document
POST http://localhost:9200/accounts/_update/trial-8

{"doc": {"owner": "lee"}}

### change it again
PUT http://localhost:9200/accounts/_doc/trial-8
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: the file created this resource itself (POST http://localhost:9200/accounts/_doc/trial-8)

{"owner": "max"}

### read a document from elsewhere
GET http://localhost:9200/accounts/_doc/trial-9

### and change it: still a warning
PUT http://localhost:9200/accounts/_doc/trial-9
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Elasticsearch

{"owner": "eve"}

### a POST to the collection (a server-chosen id) creates nothing this file can name
POST http://localhost:9200/visits/_doc

{"at": "noon"}

### read visit 1
GET http://localhost:9200/visits/_doc/1

### change visit 1
PUT http://localhost:9200/visits/_doc/1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Elasticsearch

{"at": "dusk"}
`);
  });

  it('still warns on the file\'s own data when the file itself shows the resource is versioned', () => {
    checkHttpFixture(ID, `
PUT http://localhost:9200/plants/_doc/9
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: If-Match is sent to

{"name": "fern"}

###
PUT http://localhost:9200/plants/_doc/9
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: If-Match is sent to

{"name": "moss"}

###
PUT http://localhost:9200/plants/_doc/9
If-Match: "3"

{"name": "ivy"}
`);
  });

  it('hints at an Elasticsearch document PUT its author does not call an update: indexing stores it whole', () => {
    checkHttpFixture(ID, `
###
PUT http://localhost:9200/jobs/_doc/nightly-export
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: only a hint, as the request indexes an Elasticsearch document
Content-Type: application/json

{"lastRun": null}

### Store the crawler's cursor
PUT http://localhost:9200/jobs/_doc/crawler?refresh=true
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: only a hint, as the request indexes an Elasticsearch document

{"cursor": 0}

### Read the weekly report's job
GET http://localhost:9200/jobs/_doc/weekly-report

### Change the schedule of the weekly report
PUT http://localhost:9200/jobs/_doc/weekly-report
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Elasticsearch

{"cron": "0 6 * * 1"}

### Change the weekly report, created only if absent (Elasticsearch's create forms guard themselves)
PUT http://localhost:9200/jobs/_create/weekly-report

{"cron": "0 6 * * 1"}

### Change it again, create-only
PUT http://localhost:9200/jobs/_doc/weekly-report?op_type=create

{"cron": "0 7 * * 1"}

### Partial updates and deletes are not indexing
POST http://localhost:9200/jobs/_update/crawler

{"doc": {"cursor": 5}}

### (a DELETE where only the catalogue speaks is a hint since the seventh session: see the DELETE test below)
DELETE http://localhost:9200/jobs/_doc/old-job
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: a delete means whatever is there
`);
  });

  it('hints at a DELETE where only the catalogue says the service versions the resource, read before or not', () => {
    // Lesson from real request files (a course's "delete a document" step after reading it, a cleanup of a team's
    // own FHIR lists): a delete means whatever is there. The file's own evidence about the resource still warns, and
    // so does a service that refuses a delete without its precondition; --strict warns on all.
    const { text } = checkHttpFixture(ID, `
### Look at the document, then drop it
GET http://localhost:9200/notes/_doc/n1

###
DELETE http://localhost:9200/notes/_doc/n1
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: only the catalogue says the service versions it, and a delete means whatever is there

### A photo nobody reads here
DELETE https://plants.blob.core.windows.net/photos/old.jpg
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: a delete means whatever is there

### The file sends If-Match to this document elsewhere: the DELETE ignores a version the file knows about
DELETE http://localhost:9200/notes/_doc/n2
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: If-Match is sent to

###
PUT http://localhost:9200/notes/_doc/n2
If-Match: "4"

{"text": "kept"}

### Planner refuses a delete without If-Match
DELETE https://graph.microsoft.com/v1.0/planner/tasks/t7
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Microsoft Graph
`);
    const strict = lintHttp(text, STRICT).findings.filter((f) => f.ruleId === ID);
    assert.deepEqual(strict.map((f) => [f.range.start.line, f.level]), [[5, 'warning'], [8, 'warning'], [11, 'warning'], [20, 'warning']]);
  });

  it('hints at a test of the server annotated with its expected outcome when only the service is known', () => {
    checkHttpFixture(ID, `
### Admin deletes a photo (Should Succeed)
DELETE https://plants.blob.core.windows.net/photos/old.jpg
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: a test annotated with its expected outcome

### Remove the draft
# Expected: 202
DELETE https://plants.blob.core.windows.net/photos/draft.jpg
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: a test annotated with its expected outcome
`);
  });
});
