import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sameHeaderName, writtenHeaderName } from './header-names';

describe('header names', () => {
  it('gives a name exactly as written: a common name in another spelling, longer or shorter, is itself', () => {
    const PIECES = ['If-Match', 'if-match', 'IF-MATCH', 'If-Match-X', 'Accept', 'accept', 'Accept-Encoding', 'Content-Type', 'Content-', 'X',
      ' ', ':', '{{h}}', 'Authorization', 'authorization', 'Prefer', 'é'];
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const start = a % (t.length + 1);
      const end = start + (b % (t.length - start + 1));
      assert.equal(writtenHeaderName(t, start, end), t.slice(start, end), JSON.stringify([t, start, end]));
    }), { numRuns: 4000 });
  });

  it('compares names as their lower-case forms compare, whatever the case and characters', () => {
    // Non-ASCII letters that lower-case to ASCII (Kelvin sign), to two characters (İ) or not at all (ſ), and ASCII
    // characters one bit apart that are not letters (@ and `).
    const PIECES = ['If-', 'if-', 'IF-', 'Match', 'match', 'X', 'x', '@', '`', '\u0130', 'i\u0307', '\u212A', 'k', 'K', '\u017F', 's', '\u00E9', '\u00C9', 'Accept'];
    const name = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join(''));
    fc.assert(fc.property(name, name, (a, b) => {
      assert.equal(sameHeaderName(a, b), a.toLowerCase() === b.toLowerCase(), JSON.stringify([a, b]));
    }), { numRuns: 20000 });
  });

  it('reads a common name at its place in the line', () => {
    assert.equal(writtenHeaderName('  If-Match: "a"', 2, 10), 'If-Match');
    assert.equal(writtenHeaderName('if-match: "a"', 0, 8), 'if-match');
  });
});
