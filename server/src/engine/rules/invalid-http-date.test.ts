import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyHttpFix, checkHttpFixture, configWith } from '../testing/lint-fixture';

const ID = 'invalid-http-date';

describe(ID, () => {
  it('flags values that are not HTTP-dates as errors, obsolete forms as warnings', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Unmodified-Since: 2024-03-01T10:00:00Z
                     ^^^^^^^^^^^^^^^^^^^^ error invalid-http-date: Fri, 01 Mar 2024 10:00:00 GMT
###
GET https://api.example.com/items/1
If-Modified-Since: yesterday
                   ^^^^^^^^^ error invalid-http-date: not an HTTP-date
###
GET https://api.example.com/items/1
If-Modified-Since: Sunday, 06-Nov-94 08:49:37 GMT
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning invalid-http-date: obsolete RFC 850
###
GET https://api.example.com/items/1
If-Modified-Since: Sun Nov  6 08:49:37 1994
                   ^^^^^^^^^^^^^^^^^^^^^^^^ warning invalid-http-date: asctime
###
GET https://api.example.com/items/1
Range: bytes=0-99
If-Range: 06 Nov 1994
          ^^^^^^^^^^^ error invalid-http-date: whole representation
`);
  });

  it('flags dynamic variables that write ISO dates or timestamps, and dates held by variables', () => {
    checkHttpFixture(ID, `
@since = 2024-01-01
GET https://api.example.com/items
If-Modified-Since: {{$datetime iso8601 -1 d}}
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^ error invalid-http-date: {{$datetime rfc1123}}
###
GET https://api.example.com/items
If-Modified-Since: {{$timestamp}}
                   ^^^^^^^^^^^^^^ error invalid-http-date
###
GET https://api.example.com/items
If-Modified-Since: {{since}}
                   ^^^^^^^^^ error invalid-http-date: 2024-01-01
`);
  });

  it('accepts IMF-fixdate, rfc1123 dynamic dates, unknown variables and If-Range entity-tags', () => {
    checkHttpFixture(ID, `
PUT https://api.example.com/items/1
If-Unmodified-Since: Sun, 06 Nov 1994 08:49:37 GMT
###
GET https://api.example.com/items/1
If-Modified-Since: {{$datetime rfc1123 -1 h}}
###
GET https://api.example.com/items/1
If-Modified-Since: {{lastSeen}}
###
GET https://api.example.com/items/1
Range: bytes=0-99
If-Range: "abc"
`);
  });

  it('lets a setting override the per-finding warning level', () => {
    checkHttpFixture(ID, 'GET https://x.test/a\nIf-Modified-Since: Sun Nov  6 08:49:37 1994\n                   ^^^^^^^^^^^^^^^^^^^^^^^^ error invalid-http-date\n',
      configWith({ rules: { [ID]: 'error' } }));
  });

  it('rewrites another date form as IMF-fixdate, reading a zoneless date as GMT', () => {
    assert.equal(applyHttpFix('PUT https://x.test/a\nIf-Unmodified-Since: 2024-03-01 10:00:00\n', ID, 'Rewrite as IMF-fixdate'),
      'PUT https://x.test/a\nIf-Unmodified-Since: Fri, 01 Mar 2024 10:00:00 GMT\n');
    assert.equal(applyHttpFix('GET https://x.test/a\nIf-Modified-Since: Sunday, 06-Nov-94 08:49:37 GMT\n', ID, 'Rewrite as IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT'),
      'GET https://x.test/a\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\n');
  });

  it('switches $datetime iso8601 to rfc1123, keeping the offset', () => {
    assert.equal(applyHttpFix('GET https://x.test/a\nIf-Modified-Since: {{$datetime iso8601 -1 d}}\n', ID, 'Use {{$datetime rfc1123}}'),
      'GET https://x.test/a\nIf-Modified-Since: {{$datetime rfc1123 -1 d}}\n');
  });
});
