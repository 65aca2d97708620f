import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { nameEnd } from './name-end';

describe('where a name ends', () => {
  it('reads [A-Za-z_][\\w.-]* from the given place, and nothing before it', () => {
    assert.equal(nameEnd('{{base}}', 2), 6);
    assert.equal(nameEnd('# @no-cookie-jar', 3), 16);
    assert.equal(nameEnd('@item7.response.headers.ETag x', 1), 28);
    assert.equal(nameEnd('x _a.b-c9', 2), 9);
    // A name starts with a letter or `_`, never with a digit, `.`, `-`, `$` or a letter beyond ASCII.
    for (const text of ['9a', '.a', '-a', '$guid', 'éa', ' a', '']) assert.equal(nameEnd(text, 0), 0, text);
    // It stops at the first character outside [\w.-], and past the end.
    assert.equal(nameEnd('ab}}', 0), 2);
    assert.equal(nameEnd('abé', 0), 2);
    assert.equal(nameEnd('ab', 5), 5);
    // The regex's state from one call does not leak into the next.
    assert.equal(nameEnd('zz abc', 3), 6);
    assert.equal(nameEnd('abc zz', 0), 3);
  });
});
