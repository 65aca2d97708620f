// Unit tests for HTTP-date handling: strict parsing is what makes invalid
// If-(Un)Modified-Since values get ignored instead of misread.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatHttpDate, parseHttpDate } from './http-date';

const SUNDAY = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('http-date', () => {
  it('formats IMF-fixdate with zero padding and GMT', () => {
    assert.equal(formatHttpDate(SUNDAY), 'Sun, 06 Nov 1994 08:49:37 GMT');
    assert.equal(formatHttpDate(Date.UTC(2025, 0, 1, 0, 0, 0, 999)), 'Wed, 01 Jan 2025 00:00:00 GMT');
  });

  it('parses all three RFC 9110 forms to the same instant', () => {
    assert.equal(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT'), SUNDAY);
    assert.equal(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(2025, 0, 1)), SUNDAY);
    assert.equal(parseHttpDate('Sun Nov  6 08:49:37 1994'), SUNDAY);
  });

  it('resolves two-digit RFC 850 years to at most 50 years ahead', () => {
    const now = Date.UTC(2025, 0, 1);
    assert.equal(new Date(parseHttpDate('Monday, 01-Jan-74 00:00:00 GMT', now)!).getUTCFullYear(), 2074);
    assert.equal(new Date(parseHttpDate('Monday, 01-Jan-76 00:00:00 GMT', now)!).getUTCFullYear(), 1976);
  });

  it('rejects what Date.parse would accept but HTTP does not', () => {
    for (const bad of [
      '2025-06-02',
      '2025-06-02T12:00:00Z',
      'Sun, 06 Nov 1994 08:49:37 UTC',
      'sun, 06 nov 1994 08:49:37 gmt',
      'Sun, 6 Nov 1994 08:49:37 GMT',
      'Sun, 30 Feb 1994 08:49:37 GMT',
      'Sun, 06 Nov 1994 24:00:00 GMT',
      'Sun, 06 Nov 0094 08:49:37 GMT',
      '',
    ]) {
      assert.equal(parseHttpDate(bad), undefined, JSON.stringify(bad));
    }
  });
});
