import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { headerColonOf, metadataAt, requestLineAt, scriptOpenerOf, separatorTitle, trimmedEnd } from './line-kinds';
import { headerAt, isMultipart } from './nodes';
import type { HttpRequest } from './ast';
import { rangeOf } from '../text/span';

/**
 * The line recognisers scan by hand what a regular expression used to match (no per-line match arrays or copies).
 * Each is checked here against that expression, kept as the specification, on lines made of the characters that
 * decide them.
 */
const HEADER_NAME = /^([ \t]*)((?:[!#$%&'*+.^_`|~0-9A-Za-z-]|\{\{[^{}]*\}\})+)[ \t]*:/;
const REQUEST_WORD = /^([A-Za-z][!#$%&'*+.^_`|~0-9A-Za-z-]*)[ \t]+(?=\S)/;

/** A request line's node as the fields of the match it was built from (the method's length, where the URL and version start, where the line ends). */
function requestLineOf(text: string, strict: boolean) {
  const found = requestLineAt(5, text, strict);
  if (!found) return undefined;
  const url = rangeOf(found.urlRange);
  const version = found.version && { value: found.version.value, start: rangeOf(found.version.range).start.character };
  assert.deepEqual([rangeOf(found.range).start, url.start.line, url.end.character - url.start.character], [{ line: 5, character: 0 }, 5, found.url.length]);
  if (found.version) assert.equal(rangeOf(found.version.range).end.character, rangeOf(found.range).end.character);
  return { method: found.method, methodLength: found.methodLength, implicitMethod: found.methodLength === 0, urlStart: url.start.character, url: found.url,
    version, lineEnd: rangeOf(found.range).end.character };
}

/** What the parser read from a header line before the scan: the regex, then trimmed copies. */
function headerByRegex(text: string) {
  const m = HEADER_NAME.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  const lead = rest.length - rest.trimStart().length;
  return { name: m[2], nameStart: m[1].length, valueStart: m[0].length + lead, value: rest.trim(), end: text.trimEnd().length };
}

const PIECES = ['If-Match', 'a', 'Z', '-', '_', '.', '!', '~', ':', ' ', '\t', '{', '}', '{{', '}}', '{{x}}', '{{a:b}}', '"', '/', '@',
  '\u00a0', '\u2028', '\ufeff', '\v', 'é', 'GET', 'get', 'Get', 'HTTP/1.1', 'http://x', '*', '#', ',', '?', '0'];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

describe('line kinds: scanned as their regular expressions read them', () => {
  it('finds a header line and its name, value and spans as the header regex and trim() do', () => {
    fc.assert(fc.property(line, (text) => {
      const expected = headerByRegex(text);
      const header = headerAt(3, text);
      assert.equal(headerColonOf(text) >= 0, expected !== undefined, JSON.stringify(text));
      if (!expected) return assert.equal(header, undefined);
      assert.ok(header);
      assert.deepEqual({ name: header.name, nameStart: header.nameStart, valueStart: header.valueStart, value: header.value, end: rangeOf(header.range).end.character },
        expected, JSON.stringify(text));
    }), { numRuns: 3000 });
  });

  it('reads a header written with a template in its name, spaces before the colon and an empty value', () => {
    // Its own fields (the model's getters live on its prototype: http/nodes.ts `HeaderLine`).
    assert.deepEqual({ ...headerAt(0, '  X-{{a:b}}-Id \t:  7 ') }, { name: 'X-{{a:b}}-Id', value: '7', range: headerAt(0, '  X-{{a:b}}-Id \t:  7 ')!.range, nameStart: 2, valueStart: 19 });
    assert.equal(rangeOf(headerAt(0, '  X-{{a:b}}-Id \t:  7 ')!.range).end.character, 20);
    assert.deepEqual(rangeOf(headerAt(2, 'Accept:   ')!.range), { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } });
    assert.equal(headerAt(2, 'Accept:   ')!.valueStart, 10);
    assert.equal(headerAt(0, '{"a": 1}'), undefined);
    assert.equal(headerAt(0, '{{a}x}}: 1'), undefined);
    assert.equal(headerAt(0, ': 1'), undefined);
  });

  it('finds the method word of a request line where the regex did, and never a request line the regex refused', () => {
    fc.assert(fc.property(line, fc.boolean(), (text, strict) => {
      const indented = text.trimStart().length < text.length;
      const m = indented ? null : REQUEST_WORD.exec(text);
      const found = requestLineOf(text, strict);
      if (m) {
        if (found) assert.deepEqual([found.methodLength, found.urlStart, found.implicitMethod], [m[1].length, m[0].length, false], JSON.stringify(text));
      } else if (found) {
        assert.ok(!strict && found.implicitMethod, JSON.stringify(text));
      }
      if (found) assert.equal(found.lineEnd, text.trimEnd().length);
    }), { numRuns: 3000 });
  });

  it('reads the method and version of a request line as upper-casing the word and `lastIndexOf` did', () => {
    const KNOWN = ['GET', 'PUT', 'DELETE', 'PROPFIND', 'VERSION-CONTROL', 'WS', 'QUERY'];
    // The specification: the word upper-cased and looked up; the version after the last space or tab.
    const methodBySpec = (word: string, strict: boolean): string | undefined => {
      const upper = word.toUpperCase();
      if (KNOWN.includes(upper)) return word === upper || !strict || (word.slice(1) === word.slice(1).toLowerCase() && word[0] === upper[0]) ? upper : undefined;
      return !strict && word === upper && word.length > 1 ? word : undefined;
    };
    const words = fc.constantFrom(...KNOWN, 'get', 'Put', 'dELETE', 'Propfind', 'version-control', 'Ws', 'PURGE', 'X', 'x.sync', 'GETS', 'GE');
    // Near misses of a version too (the version is read from the line's end): a digit, a dot, `HTTX`, `HTTP/12`.
    const tails = fc.array(fc.constantFrom('/a', ' ', '\t', 'HTTP/1.1', 'http/2', '{{b}}', 'x', '/2', '1', '.', 'HTTX/1.1', 'hTtP/', 'P/1.1', 'HTTP/12'),
      { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    fc.assert(fc.property(words, fc.constantFrom(' ', '\t', '  '), tails, fc.boolean(), (word, gap, tail, strict) => {
      const text = word + gap + tail;
      const found = requestLineOf(text, strict);
      if (found === undefined || found.implicitMethod) return;
      assert.equal(found.method, methodBySpec(word, strict), JSON.stringify(text));
      const end = text.trimEnd().length;
      const lastSpace = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\t', end - 1));
      const token = text.slice(lastSpace + 1, end);
      const version = lastSpace > found.urlStart && /^HTTP\/\d(\.\d)?$/i.test(token) ? { value: token, start: lastSpace + 1 } : undefined;
      assert.deepEqual(found.version, version, JSON.stringify(text));
    }), { numRuns: 3000 });
    // The method of a line with a known method in capitals is the one shared string, not a copy per line.
    assert.equal(requestLineOf('DELETE /a', true)?.method, 'DELETE');
    assert.equal(requestLineOf('Delete /a', true)?.method, 'DELETE');
  });

  it('reads request lines: method, URL, version and where the line ends', () => {
    const get = requestLineOf('get {{base}}/items/1  HTTP/1.1 \t', false)!;
    assert.deepEqual(get, { method: 'GET', methodLength: 3, implicitMethod: false, urlStart: 4, url: '{{base}}/items/1',
      version: { value: 'HTTP/1.1', start: 22 }, lineEnd: 30 });
    assert.equal(requestLineOf('Get /a', true)?.method, 'GET');
    assert.equal(requestLineOf('gET /a', true), undefined);
    assert.equal(requestLineOf('PURGE /a', false)?.method, 'PURGE');
    assert.equal(requestLineOf('PURGE /a', true), undefined);
    assert.equal(requestLineOf(' GET /a', false), undefined);
    assert.equal(requestLineOf('GET \u00a0/a', false), undefined);
    assert.deepEqual(requestLineOf('https://x.test/a', false) && { ...requestLineOf('https://x.test/a', false) },
      { method: 'GET', methodLength: 0, implicitMethod: true, urlStart: 0, url: 'https://x.test/a', version: undefined, lineEnd: 16 });
  });

  it('tells a multipart body by its Content-Type as /^\\s*multipart\\//i does', () => {
    const value = fc.array(fc.constantFrom('multipart/', 'MULTIPART/', 'Multipart', 'mixed', ' ', '\t', '\u00a0', 'ı', 'K', '/', 'x'), { maxLength: 5 }).map((p) => p.join(''));
    fc.assert(fc.property(value, fc.constantFrom('Content-Type', 'content-type', 'Content-Typ', 'Accept'), (v, name) => {
      const req = { headers: [{ name, value: v }] } as unknown as HttpRequest;
      assert.equal(isMultipart(req), name.toLowerCase() === 'content-type' && /^\s*multipart\//i.test(v), JSON.stringify(v));
    }), { numRuns: 2000 });
  });

  it('opens scripts only at their markers', () => {
    assert.equal(scriptOpenerOf('> {%')?.kind, 'response-handler');
    assert.equal(scriptOpenerOf('< {%')?.kind, 'pre-request');
    assert.equal(scriptOpenerOf('{{+after')?.kind, 'httpyac-script');
    assert.equal(scriptOpenerOf('{"a": 1}'), undefined);
    assert.equal(scriptOpenerOf('{{ x }}'), undefined);
  });

  it('reads separator titles and trimmed ends as trim() does', () => {
    assert.equal(separatorTitle('#####  Title \t'), 'Title');
    assert.equal(separatorTitle('###'), '');
    assert.equal(separatorTitle('### \u00a0 '), '');
    assert.equal(separatorTitle('## no'), undefined);
    fc.assert(fc.property(line, (text) => assert.equal(trimmedEnd(text), text.trimEnd().length)));
    fc.assert(fc.property(line, (text) => {
      const hashes = /^###+/.exec(text);
      assert.equal(separatorTitle(text), hashes ? text.slice(hashes[0].length).trim() : undefined, JSON.stringify(text));
    }), { numRuns: 2000 });
  });

  it('reads metadata comments as the metadata regex, trim() and the `=` strip do', () => {
    const byRegex = (comment: string) => {
      const m = /^\s*@([A-Za-z_][\w.-]*)/.exec(comment);
      return m ? { key: m[1], value: comment.slice(m[0].length).trim().replace(/^=\s*/, '') } : undefined;
    };
    const piece = fc.constantFrom('@', 'name', 'N', '_', '9', '.', '-', '=', ' ', '\t', '\u00a0', 'é', 'item7', '#', ':', '{{x}}');
    // Read in place from the comment's body in its line (`#` or `//` and blanks before it), as the parser reads it.
    const metadataOf = (comment: string, marker = '#') => {
      const m = metadataAt(3, marker + comment, marker.length);
      return m && { key: m.key, value: m.value };
    };
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), fc.constantFrom('#', '//', '  #'), (comment, marker) => {
      assert.deepEqual(metadataOf(comment, marker), byRegex(comment), JSON.stringify(marker + comment));
    }), { numRuns: 3000 });
    assert.deepEqual(metadataOf(' @name item7'), { key: 'name', value: 'item7' });
    assert.deepEqual(metadataOf('@no-redirect'), { key: 'no-redirect', value: '' });
    assert.deepEqual(metadataOf('@token = \t '), { key: 'token', value: '' });
    assert.equal(metadataOf('@9lives'), undefined);
    // The node covers its whole line, marker and trailing blanks included.
    assert.deepEqual(rangeOf(metadataAt(3, '  // @name item7 ', 4)!.range), { start: { line: 3, character: 0 }, end: { line: 3, character: 17 } });
  });
});
