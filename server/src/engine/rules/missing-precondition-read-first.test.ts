/**
 * missing-precondition in `.http` files where only the catalogue speaks about the service (what it does in general):
 * a warning needs the file's own read-modify-write, a read of the resource right before the write. Lessons from real
 * request files nobody here wrote (docs/precision.md): the wanted warnings were reads followed by a write of the same
 * resource (a Consul key read, then "update the same value?"); seeds, uploads and course steps that read nothing first
 * were not wanted. A path that only suggests a service (a guess) warns when the file reads the resource right before.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHttp } from '../lint';
import { checkHttpFixture, STRICT } from '../testing/lint-fixture';

const ID = 'missing-precondition';

describe(`${ID}: a read right before the write, where only the catalogue speaks`, () => {
  it('warns on a catalogued key read and then overwritten; a write with no read first is a hint', () => {
    const { text } = checkHttpFixture(ID, `
# the flag
GET http://localhost:8500/v1/kv/flags/beta

# turn it on by hand
PUT http://localhost:8500/v1/kv/flags/beta
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Consul KV

on

# set another key (nothing read first)
PUT http://localhost:8500/v1/kv/flags/gamma
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: nothing in the file reads the resource right before this write

off

###
GET http://localhost:8500/v1/kv/flags/delta

###
DELETE http://localhost:8500/v1/kv/flags/delta?cas=7

### the read above is no longer fresh: the DELETE changed the key in between
PUT http://localhost:8500/v1/kv/flags/delta
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: nothing in the file reads the resource right before this write

newer
`);
    const strict = lintHttp(text, STRICT).findings.filter((f) => f.ruleId === ID);
    assert.deepEqual(strict.map((f) => f.level), ['warning', 'warning', 'warning']);
  });

  it('warns where a path only suggests a versioning service and the file reads the resource right before writing it', () => {
    const { findings } = checkHttpFixture(ID, `
### Read the patient
GET {{fhir}}/Patient/p-17

### Correct the birth date
PUT {{fhir}}/Patient/p-17
^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: FHIR server versions every resource (meta.versionId) and honours If-Match: W/"n" on update, and the file reads the resource right before this write (the GET on line 3)
Content-Type: application/fhir+json

{"resourceType": "Patient", "id": "p-17", "birthDate": "1970-01-02"}

### Another patient, not read here: only the path's guess, a hint
PUT {{fhir}}/Patient/p-18
^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: if this is the service its path suggests

{"resourceType": "Patient", "id": "p-18"}

### Read, then delete: a delete means whatever is there
GET {{fhir}}/Patient/p-19

###
DELETE {{fhir}}/Patient/p-19
^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: if this is the service its path suggests
`);
    assert.ok(findings[0].fixes.some((f) => f.title.startsWith('Add If-Match from')));
  });

  it('finds an Azure AI Search definition read and then PUT back whole, under a placeholder origin', () => {
    // Written for this test after a real quickstart: "GET the schema of the index", then "update the index" with the
    // full definition edited by hand. The origin is a placeholder, so only the path names the service.
    checkHttpFixture(ID, `
@search = PASTE-YOUR-SERVICE-URL
@v = 2025-09-01

### Get the index definition (a full definition is required for any update)
GET {{search}}/indexes/books?api-version={{v}}

### Update the index: the full definition plus a scoring profile
PUT {{search}}/indexes/books?api-version={{v}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: Azure AI Search
Content-Type: application/json

{"name": "books", "fields": [{"name": "id", "type": "Edm.String", "key": true}], "scoringProfiles": []}

### Create an index for authors
PUT {{search}}/indexes/authors?api-version={{v}}
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ hint missing-precondition: Azure AI Search

{"name": "authors", "fields": [{"name": "id", "type": "Edm.String", "key": true}]}
`);
  });
});
