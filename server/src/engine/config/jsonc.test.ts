import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseJsonc } from './jsonc';

describe('parseJsonc', () => {
  it('reads comments and trailing commas, as in settings.json', () => {
    const text = '{\n  // the dev server\n  "dev": { "host": "localhost", /* port */ "port": 8080, },\n}\n';
    assert.deepEqual(parseJsonc(text), { ok: true, value: { dev: { host: 'localhost', port: 8080 } } });
  });

  it('keeps // and /* inside strings', () => {
    assert.deepEqual(parseJsonc('{"url": "https://x.test/*a*/"}'), { ok: true, value: { url: 'https://x.test/*a*/' } });
  });

  it('says where broken text breaks, in one line', () => {
    assert.deepEqual(parseJsonc('{\n  "a": 1\n  "b": 2\n}'), { ok: false, error: 'CommaExpected at line 3, column 3' });
  });
});
