import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseHttp } from './parser';
import { isSeparator } from './line-kinds';
import { splitLines } from '../text/lines';
import { rangeOf, startLineOf } from '../text/span';
import { buildHttpModel } from '../model/http-model';
import {
  BODY_TEMPLATED, CAPTURE, flatScan, H_CAPTURED, H_KIND, H_LINE, H_NAME, H_NAME_END, H_NAME_START, H_SOURCE, H_VALUE_END, H_VALUE_START,
  headerNameId, HEADER_SLOTS, LITERAL, methodId, NEEDS_OBJECTS, R_BODY_FIRST, R_BODY_LAST, R_FIRST_HEADER, R_FIRST_LINE, R_FLAGS, R_HEADER_COUNT,
  R_HEADER_MASK, R_LAST_LINE, R_LINE, R_METHOD, R_OBJECT, R_SECTION, R_URL_END, R_URL_START, REQUEST_SLOTS, UNKNOWN, URL_TEMPLATED,
} from './flat-scan';
import { benchHttpFile, repositoryHttpFiles } from '../testing/http-fixture-files';

const KINDS: Readonly<Record<string, number>> = { literal: LITERAL, capture: CAPTURE, unknown: UNKNOWN };

/**
 * Every slot of the flat scan of `text` against what `parseHttp` and `buildHttpModel` say of it; a request the scan
 * leaves to objects must hold the parser's own syntax. Returns how many requests the scan recorded flat.
 */
function assertAgrees(text: string, label: string): number {
  const file = parseHttp(text);
  const model = buildHttpModel(file);
  const scan = flatScan(text);
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  assert.equal(scan.requestCount, file.requests.length, `${label}: requests`);
  assert.deepStrictEqual([scan.variables, scan.scripts, scan.directives], [file.variables, file.scripts, file.directives], `${label}: file-level lists`);
  let flat = 0;
  for (let r = 0; r < file.requests.length; r++) {
    const req = file.requests[r];
    const m = model.requests[r];
    const R = (slot: number): number => scan.requests[r * REQUEST_SLOTS + slot];
    const at = `${label}, request ${r}`;
    const requestLine = startLineOf(req.requestLine.range);
    let section = requestLine;
    while (section > 0 && !isSeparator(lines[section])) section--;
    assert.equal(R(R_SECTION), section, `${at}: section`);
    if (R(R_FLAGS) & NEEDS_OBJECTS) {
      assert.deepStrictEqual(scan.objects[R(R_OBJECT)], req, `${at}: objects`);
      continue;
    }
    flat++;
    assert.equal(R(R_OBJECT), -1, `${at}: no object`);
    const range = rangeOf(req.range);
    const url = rangeOf(req.requestLine.urlRange);
    assert.deepEqual(
      [R(R_FIRST_LINE), R(R_LAST_LINE), R(R_LINE), R(R_URL_START), R(R_URL_END)],
      [range.start.line, range.end.line, requestLine, url.start.character, url.end.character], `${at}: lines and URL`);
    assert.equal(url.start.line, url.end.line, `${at}: a one-line URL`);
    assert.ok(methodId(m.method) > 0, `${at}: a known method`);
    assert.equal(R(R_METHOD), methodId(m.method), `${at}: method`);
    const body = req.body && rangeOf(req.body.range);
    assert.deepEqual([R(R_BODY_FIRST), R(R_BODY_LAST)], body ? [body.start.line, body.end.line] : [-1, -1], `${at}: body`);
    assert.equal(req.body?.file, undefined, `${at}: an inline body`);
    const flags = (req.requestLine.url.includes('{{') ? URL_TEMPLATED : 0) | (req.body?.text.includes('{{') ? BODY_TEMPLATED : 0);
    assert.equal(R(R_FLAGS), flags, `${at}: flags`);
    assert.equal(R(R_HEADER_COUNT), req.headers.length, `${at}: header count`);
    let mask = 0;
    for (let k = 0; k < req.headers.length; k++) {
      const h = req.headers[k];
      const hm = m.headers[k];
      const H = (slot: number): number => scan.headers[(R(R_FIRST_HEADER) + k) * HEADER_SLOTS + slot];
      const source = hm.source;
      assert.deepEqual(
        [H(H_LINE), H(H_NAME), H(H_NAME_START), H(H_NAME_END), H(H_VALUE_START), H(H_VALUE_END), H(H_KIND), H(H_SOURCE), H(H_CAPTURED)],
        [startLineOf(h.range), headerNameId(hm.name), h.nameStart, h.nameStart + h.name.length, h.valueStart, h.valueStart + h.value.length,
          KINDS[source.kind], source.kind === 'capture' ? source.request : -1, source.kind === 'capture' ? headerNameId(source.header) : -1],
        `${at}, header ${k} (${h.name})`);
      mask |= 1 << headerNameId(hm.name);
    }
    assert.equal(R(R_HEADER_MASK), mask, `${at}: header mask`);
  }
  return flat;
}

/** `text` as written, with CRLF line ends and with a byte-order mark: the same answers. */
function assertAgreesEveryWay(text: string, label: string): number {
  const flat = assertAgrees(text, label);
  assert.equal(assertAgrees(text.replace(/\n/g, '\r\n'), `${label} (CRLF)`), flat);
  assert.equal(assertAgrees(`\ufeff${text}`, `${label} (BOM)`), flat);
  return flat;
}

const READ = '### Read the order\n# @name order\nGET {{host}}/orders/7\nAccept: application/json\n\n';
const WRITE = '### Replace the order\nPUT {{host}}/orders/7\nIf-Match: {{order.response.headers.ETag}}\nContent-Type: application/json\n\n{"state": "paid"}\n\n';

/** [what, text, how many of its requests the scan records flat]. */
const VARIANTS: ReadonlyArray<readonly [string, string, number]> = [
  ['a read and its guarded write', `@host = https://shop.example\n\n${READ}${WRITE}`, 2],
  ['a capture of a request not named (yet)', `${WRITE}${READ}`, 2],
  ['a capture of a request named by its title', '### order\nGET /orders/7\n\n### w\nPUT /orders/7\nIf-Match: {{order.response.headers.ETag}}\n', 2],
  ['a title with a space names nothing', '### the order\nGET /orders/7\n\n### w\nPUT /orders/7\nIf-Match: {{the.response.headers.ETag}}\n', 2],
  ['the latest of two requests of one name', `${READ}${READ}${WRITE}`, 3],
  ['a name the second word of @name does not make', '### r\n# @name order later\nGET /o\n\n### w\nPUT /o\nIf-None-Match: {{order.response.headers.etag}}\n', 2],
  ['a name defined in a section the scan leaves to objects', `### r\n# @name order\nGET /o\n\n> ./after.js\n\n${WRITE}`, 1],
  ['a name redefined by a section left to objects', `${READ}### again\n# @name order\nGET /o\n\n> {%\n  client.global.set("e", 1);\n%}\n\n${WRITE}`, 2],
  ['httpYac\'s reference to a response header', `${READ}### w\nPUT /o\nIf-Match: {{orderResponse.headers.ETag}}\nIf-Range: {{orderResponse.headers['Last-Modified']}}\n`, 2],
  ['references that are no captures', `${READ}### w\nPUT /o\nIf-Match: {{order.response.body.$.etag}}\nX-A: {{order.request.headers.ETag}}\nX-B: {{$guid}}\nX-C: Bearer {{token}}\nX-D: {{a}}{{b}}\nX-E: {{ order.response.headers.ETag }}\n`, 2],
  ['a value that is one whole variable', '@etag = "1"\n\n### w\nPUT /o\nIf-Match: {{etag}}\n', 0],
  ['a method override', '### m\nPOST /o\nX-HTTP-Method: MERGE\n\n### n\nPOST /o\nx-method-override: {{m}}\n', 0],
  ['every precondition, in any case', '### p\nPATCH /o\nif-match: "1"\nIF-NONE-MATCH: *\nIf-Modified-Since: Wed, 21 Oct 2015 07:28:00 GMT\nIf-Unmodified-Since: x\nIf-Range: "2"\nETag: e\nLast-Modified: l\nX-Other: o\n', 1],
  ['a version, blanks and tabs', '### v\nGET\t /a/{{id}}  HTTP/1.1  \n  Accept \t:  */*  \nX-Empty:\n', 1],
  ['a body with templates and paragraphs', '### b\nPOST /a\nContent-Type: application/json\n\n\n{"a": "{{x}}"}\n\n{"b": 2}\n\n\n', 1],
  ['a first section without a separator', '# the sample\n\n// @name first\nPOST /a\n\n{"a": 1}\n###\nPUT /a\nIf-Match: {{first.response.headers.ETag}}\n', 2],
  ['metadata above a blank line', '### m\n# @name x\n\n# says why\nGET /a\n', 1],
  ['a remark above a blank line', '### c\n# a remark\n\n// closer\n# @note\nGET /a\n\n### d\n# far\n\nGET /b\n', 2],
  ['not plain: lower-case, extension, bare URL, directive, continuation', '### a\nget /a\n\n### b\nPURGE /a\n\n### c\nhttps://a.example/x\n\n### d\n# etag-guard-disable-next-line missing-precondition\nPUT /a\n\n### e\nGET /a\n    ?page=2\n', 0],
  ['several requests in a section (httpYac)', '### s\nGET /a\n\nGET /b\n\n###\nPUT /a\nIf-Match: {{a.response.headers.ETag}}\n', 1],
  ['no request at all', '# nothing\n@a = 1\n', 0],
  ['variables, global scripts and directives around plain sections', `@a = 1\n< {% request.variables.set("b", 2) %}\n\n${READ}### d\n# etag-guard-disable-next-line missing-precondition\nPUT /o\n\n${WRITE}@c = 3\n`, 2],
  ['a 1 MB header value', `### big\nGET /a\nX-Big: ${'x'.repeat(1 << 20)}\n`, 1],
];

describe('flat scan: every slot as parseHttp and buildHttpModel say', () => {
  for (const [what, text, flat] of VARIANTS) {
    it(what, () => assert.equal(assertAgreesEveryWay(text, what), flat, `${what}: requests recorded flat`));
  }

  it('every .http / .rest file of the repository (fixtures, examples)', () => {
    const files = repositoryHttpFiles();
    assert.ok(files.length > 20, `${files.length} files`);
    let flat = 0;
    for (const f of files) flat += assertAgreesEveryWay(fs.readFileSync(f, 'utf8'), f);
    assert.ok(flat > 20, `${flat} requests recorded flat`);
  });

  it('the bench file (10,000 requests): all but its JetBrains captures flat', () => {
    const text = benchHttpFile(10000);
    assert.equal(assertAgrees(text, 'bench file'), 9600);
  });
});
