/**
 * missing-precondition on `If-Match: *` after a read of the same resource: the wildcard matches any current version
 * (RFC 9110 §13.1.1), so a write that follows a read of the item overwrites whatever was saved in between (lesson from
 * real SharePoint edit forms: `X-HTTP-Method: MERGE` with `IF-MATCH: *`). Without a read the wildcard keeps its
 * meaning, "update an existing resource, never create one", and only wildcard-if-match (info) speaks.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHttp } from '../lint';
import { applyHttpFix, checkHttpFixture, STRICT } from '../testing/lint-fixture';

const ID = 'missing-precondition';

describe(`${ID}: If-Match: * after a read of the same resource`, () => {
  it('warns on a SharePoint MERGE with IF-MATCH: * right after a GET of the item, and not without the GET', () => {
    checkHttpFixture(ID, `
@site = https://contoso.sharepoint.com/sites/hr

### the record the form shows
# @name person
GET {{site}}/_api/web/lists/getbytitle('People')/items(12)
Accept: application/json;odata=verbose

### save the edited form
POST {{site}}/_api/web/lists/getbytitle('People')/items(12)
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: which matches any current version
X-HTTP-Method: MERGE
IF-MATCH: *
Content-Type: application/json;odata=verbose

{ "__metadata": { "type": "SP.Data.PeopleListItem" }, "Title": "Ana" }

### set a flag on another item nobody read here: update-only, the wildcard keeps its meaning
POST {{site}}/_api/web/lists/getbytitle('People')/items(13)
X-HTTP-Method: MERGE
IF-MATCH: *
Content-Type: application/json;odata=verbose

{ "__metadata": { "type": "SP.Data.PeopleListItem" }, "Active": false }
`);
  });

  it('stays quiet on deletes, on writes that carry another guard too, and on echo hosts; --strict still warns there', () => {
    const { text } = checkHttpFixture(ID, `
GET https://api.acme-crm.test/items/4

### a delete means whatever is there
DELETE https://api.acme-crm.test/items/4
If-Match: *

###
GET https://api.acme-crm.test/items/5

### If-Unmodified-Since still guards it
PUT https://api.acme-crm.test/items/5
If-Match: *
If-Unmodified-Since: Tue, 03 Mar 2026 10:00:00 GMT

{ "n": 1 }

###
GET https://httpbin.org/anything/6

###
PUT https://httpbin.org/anything/6
If-Match: *

{ "n": 2 }
`);
    const strict = lintHttp(text, STRICT).findings.filter((f) => f.ruleId === ID);
    assert.deepEqual(strict.map((f) => f.range.start.line), [21]);
  });

  it('offers to send the ETag the read captured in place of *', () => {
    const { text } = checkHttpFixture(ID, `
# @name item
GET https://api.acme-crm.test/items/9

###
PATCH https://api.acme-crm.test/items/9
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition: after item read the resource
If-Match: *
Content-Type: application/json

{ "stage": "won" }
`);
    const fixed = applyHttpFix(text, ID, 'Send the ETag read by item');
    assert.match(fixed, /If-Match: \{\{item\.response\.headers\.ETag\}\}/);
    assert.doesNotMatch(fixed, /If-Match: \*/);
  });

  it('reads a method override in a .http file as the method it names', () => {
    const text = `POST https://contoso.sharepoint.com/sites/hr/_api/web/lists/getbytitle('People')/items(12)
X-HTTP-Method: DELETE
`;
    const strict = lintHttp(text, STRICT).findings.filter((f) => f.ruleId === ID);
    assert.equal(strict.length, 1);
    assert.match(strict[0].message, /^DELETE without a precondition/);
  });
});
