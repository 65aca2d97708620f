import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseHttp } from './parser';
import { readPlainSection } from './plain-section';
import { emptyPending } from './nodes';
import { sectionEnd } from './sections';
import { splitLines } from '../text/lines';
import { IncrementalHttpParser } from './incremental';
import { benchHttpFile, repositoryHttpFiles } from '../testing/http-fixture-files';

/** Both lanes give the same tree: the regex lane for plain sections and the state machine for every section. */
function assertSameTree(text: string, label: string): void {
  assert.deepStrictEqual(parseHttp(text), parseHttp(text, false), label);
  assert.deepStrictEqual(parseHttp(text.replace(/\n/g, '\r\n')), parseHttp(text.replace(/\n/g, '\r\n'), false), `${label} (CRLF)`);
}

/** For each section of `text`, whether the plain lane reads it. */
function plainSections(text: string): boolean[] {
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const taken: boolean[] = [];
  for (let from = 0; from < lines.length;) {
    const end = sectionEnd(lines, from);
    const sink = { requests: [], variables: [], scripts: [], directives: [], responses: [], diagnostics: [], blankLineWarnings: [] };
    taken.push(readPlainSection(lines, from, end, 0, sink, emptyPending()) !== undefined);
    from = end;
  }
  return taken;
}

const REQUEST = '### Replace the order\n# @name replaceOrder\nPUT {{host}}/orders/7\nIf-Match: {{order.response.headers.ETag}}\nContent-Type: application/json\n\n{"state": "paid"}\n\n';

/** A file whose second section is `section`, between two plain ones. */
function around(section: string): string {
  return `@host = https://shop.example\n\n${REQUEST}${section}\n${REQUEST}`;
}

/** [what, section, whether the plain lane reads it]: each of the lane's rules, and each way out of it. */
const VARIANTS: ReadonlyArray<readonly [string, string, boolean]> = [
  ['the common shape', REQUEST, true],
  ['no title', '###\nGET /a\n', true],
  ['a title of #s and blanks', '####   Read  \t\nGET /a\n', true],
  ['a version on the request line', '### v\nGET /a HTTP/1.1\nAccept: */*\n', true],
  ['a lower-case version and trailing blanks', '### v\nGET /a http/2  \t\nAccept: */*   \n', true],
  ['a header with no value', '### e\nPOST /a\nX-Empty:\nX-Blank:   \n', true],
  ['a header indented, blanks before its colon', '### i\nGET /a\n  \tAccept \t: text/plain\n', true],
  ['tabs between method and URL', '### t\nDELETE\t\t/a/1\n', true],
  ['comments and metadata', '### c\n// says why\n# @name item\n#   spaced remark  \n// @no-redirect\n\n# @timeout = 5\nGET /a\n', true],
  ['a name with a second word', '### n\n# @name first second\nGET /a\n', true],
  ['httpYac metadata', '### y\n# @note\nGET /a\n', true],
  ['blank lines around a JSON body', '### b\nPOST /a\n\n\n\n{\n  "a": 1,\n  "b": [2]\n}\n\n\n', true],
  ['a body with paragraphs', '### p\nPOST /a\n\n{"a": 1}\n\n{"b": 2}\n', true],
  ['an XML body', '### x\nPROPFIND /dav/\nDepth: 1\n\n<?xml version="1.0"?>\n<propfind xmlns="DAV:"><allprop/></propfind>\n', true],
  ['a form body', '### f\nPOST /token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials&scope=all\n', true],
  ['a body line that only looks like a comment mid-paragraph', '### m\nPOST /a\n\nfirst\n# second\n// third\n', true],
  ['white space the state machine calls blank', '### w\nGET /a\n\u00a0\u2003\n{"a": 1}\n\t\n', true],
  ['a line separator inside a body', '### l\nPOST /a\n\n{"a": "x\u2028y"}\n', true],
  ['a request line at the end of the file', '### z\nGET /a', true],
  ['a 1 MB header line', `### big\nGET /a\nX-Big: ${'x'.repeat(1 << 20)}\n`, true],
  ['a 1 MB blank-looking body line', `### big\nPOST /a\n\n${' '.repeat(1 << 20)}x\n`, true],
  ['lower-case method', '### lc\nget /a\n', false],
  ['capitalised method', '### cap\nGet /a\n', false],
  ['an extension method', '### ext\nPURGE /a\n', false],
  ['httpYac protocol', '### ws\nWS wss://a/socket\n', false],
  ['a bare URL', '### url\nhttps://a.example/x\n', false],
  ['an indented request line', '### ind\n  GET /a\n', false],
  ['a directive', '### d\n# etag-guard-disable-next-line missing-precondition\nPUT /a\n', false],
  ['a variable in the block', '### v\n@id = 7\nGET /a/{{id}}\n', false],
  ['a URL continuation', '### q\nGET /a\n    ?page=2\n    &size=10\n', false],
  ['a header name with a template', '### t\nGET /a\nX-{{which}}: 1\n', false],
  ['a variable holding a header', '### vh\nGET /a\n{{auth}}\n', false],
  ['a comment among the headers', '### hc\nGET /a\n# Accept: x\nAccept: y\n', false],
  ['a body with no blank line', '### nb\nPOST /a\n{"a": 1}\n', false],
  ['a response handler', '### h\nGET /a\n\n> {%\n  client.global.set("e", response.headers.valueOf("ETag"));\n%}\n', false],
  ['a handler file', '### hf\nGET /a\n\n> ./after.js\n', false],
  ['an output redirect', '### r\nGET /a\n\n>> out.json\n', false],
  ['a file body', '### fb\nPOST /a\n\n< ./body.json\n', false],
  ['a file body with variables', '### fv\nPOST /a\n\n<@ ./body.json\n', false],
  ['a pre-request script', '### pr\n< {% request.variables.set("a", 1) %}\nGET /a\n', false],
  ['an httpYac script', '### hs\nGET /a\n\n{{\n  exports.a = 1;\n}}\n', false],
  ['an assertion', '### as\nGET /a\n\n?? status == 200\n', false],
  ['an escaped template', '### es\nPOST /a\n\n{"a": "\\{\\{x}}"}\n', false],
  ['a response in the file', '### rs\nGET /a\n\nHTTP/1.1 200 OK\nETag: "1"\n', false],
  ['a second request after the body', '### two\nPOST /a\n\n{"a": 1}\n\nGET /b\n', false],
  ['a comment after the body', '### cb\nPOST /a\n\n{"a": 1}\n\n# @name next\nGET /b\n', false],
  ['a GraphQL operation', '### gq\nGRAPHQL /graphql\n\nquery {\n  a\n}\n', false],
  ['a block comment', '### bc\n/* skip\n*/\nGET /a\n', false],
  ['text that is no request', '### no\nHello world\n', false],
  ['only comments', '### oc\n# nothing to send\n', false],
];

describe('plain sections: the regex lane gives the state machine\'s tree', () => {
  for (const [what, section, plain] of VARIANTS) {
    it(what, () => {
      const text = around(section);
      assertSameTree(text, what);
      assert.deepEqual(plainSections(text).slice(2, -1).some(Boolean), plain, `${what}: read by the plain lane`);
    });
  }

  it('with a byte-order mark', () => assertSameTree(`\ufeff${REQUEST}${REQUEST}`, 'BOM'));

  it('a file\'s first section, before any separator', () => {
    const cases: ReadonlyArray<readonly [string, boolean]> = [
      ['GET /a\nAccept: */*\n\n', true], ['# the sample\n\n// @name first\nPOST /a\n\n{"a": 1}\n', true], ['\n\nGET /a\n', true],
      ['@host = x\nGET /a\n', false], ['', true], ['# only a comment\n', false], ['GET /a\n\nGET /b\n', false],
    ];
    for (const [first, plain] of cases) {
      assertSameTree(first + REQUEST, JSON.stringify(first));
      assert.equal(plainSections(first + REQUEST)[0], plain, JSON.stringify(first));
    }
  });

  it('every .http / .rest file of the repository (fixtures, examples)', () => {
    const files = repositoryHttpFiles();
    assert.ok(files.length > 20, `${files.length} files`);
    let plain = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      assertSameTree(text, f);
      plain += plainSections(text).filter(Boolean).length;
    }
    assert.ok(plain > 20, `${plain} plain sections`);
  });

  it('the bench file (2,000 requests), and the editor\'s first parse of it', () => {
    const text = benchHttpFile(2000);
    assertSameTree(text, 'bench file');
    assert.deepStrictEqual(new IncrementalHttpParser().parse(text), parseHttp(text, false));
    assert.ok(plainSections(text).filter(Boolean).length > 1800);
  });
});
