/** HTTP-dates (http-date.ts): which values are the IMF-fixdate a sender must write. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { isImfFixdate, parseHttpDate } from './http-date';

describe('isImfFixdate', () => {
  it('is true for an IMF-fixdate, surrounding white space allowed, every time it is asked', () => {
    for (let i = 0; i < 2; i++) {
      assert.equal(isImfFixdate('Sun, 06 Nov 1994 08:49:37 GMT'), true);
      assert.equal(isImfFixdate(' Wed, 21 Oct 2015 07:28:00 GMT '), true);
    }
  });

  it('is false for the obsolete forms, impossible dates and anything else', () => {
    assert.equal(isImfFixdate('Sunday, 06-Nov-94 08:49:37 GMT'), false);
    assert.equal(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')?.form, 'rfc850');
    assert.equal(isImfFixdate('Sun Nov  6 08:49:37 1994'), false);
    assert.equal(isImfFixdate('Mon, 31 Feb 2015 07:28:00 GMT'), false);
    assert.equal(isImfFixdate('2015-10-21T07:28:00Z'), false);
    assert.equal(isImfFixdate(''), false);
  });
});
