import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyHttpFix, checkHttpFixture, configWith } from '../testing/lint-fixture';

const ID = 'weak-etag-in-if-match';

describe(ID, () => {
  it('flags each weak tag written in If-Match, literal or before a template', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Match: W/"abc"
          ^^^^^^^ warning weak-etag-in-if-match: strong comparison
###
DELETE https://api.example.com/items/1
If-Match: "a", W/{{version}}
               ^^^^^^^^^^^^^ warning weak-etag-in-if-match
`);
  });

  it('stays silent for If-None-Match, strong tags, captured values and FHIR servers', () => {
    checkHttpFixture(ID, `
GET https://api.example.com/items/1
If-None-Match: W/"abc"
###
PUT https://api.example.com/items/1
If-Match: "abc"
###
PUT https://fhir.example.org/r4/Patient/123
Content-Type: application/fhir+json
If-Match: W/"1"
###
PUT https://hapi.example.org/baseR4/Observation/9
If-Match: W/"3"
`);
  });

  it('honours weakEtagHosts', () => {
    const text = 'PUT https://records.example.org/things/1\nIf-Match: W/"2"\n';
    checkHttpFixture(ID, text, configWith({ weakEtagHosts: ['*.example.org'] }));
    checkHttpFixture(ID, text + '          ^^^^^ warning weak-etag-in-if-match\n', configWith({ weakEtagHosts: ['other.org'] }));
  });

  it('drops W/ and says why', () => {
    const fixed = applyHttpFix('PATCH https://api.example.com/items/1\nIf-Match: W/"abc"\n', ID, 'Drop W/: If-Match compares strongly');
    assert.equal(fixed, 'PATCH https://api.example.com/items/1\nIf-Match: "abc"\n');
  });
});
