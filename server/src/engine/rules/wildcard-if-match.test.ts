import { describe, it } from 'node:test';
import { checkHttpFixture } from '../testing/lint-fixture';

const ID = 'wildcard-if-match';

describe(ID, () => {
  it('flags If-Match: * on PUT, PATCH and DELETE, written or held by a variable', () => {
    checkHttpFixture(ID, `
@any = *
PUT https://api.example.com/items/1
If-Match: *
^^^^^^^^^^^ info wildcard-if-match: only requires that the resource exists
###
DELETE https://api.example.com/items/1
if-match: {{any}}
^^^^^^^^^^^^^^^^^ info wildcard-if-match
`);
  });

  it('stays silent for entity-tags, reads and If-None-Match: *', () => {
    checkHttpFixture(ID, `
GET https://api.example.com/items/1
If-Match: *
###
PATCH https://api.example.com/items/1
If-Match: "abc"
###
PUT https://api.example.com/items/2
If-None-Match: *
`);
  });
});
