/**
 * A per-request rule's `needs` (types.ts) let the whole-file walk skip it on requests that lack them: the walk must
 * then find exactly what calling every rule on every request finds. Checked on the project's `.http` fixtures and on
 * a file of requests at the edges of each need (reads with preconditions, writes without, methods that are writes
 * only when configured, header names in odd cases).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHttp } from '../lint';
import { allFixtures, fixture } from '../testing/http-fixture-files';
import { EVERY_REQUEST, findingsText, NEEDS_CONFIGS } from '../testing/rule-needs';

/** Requests at the edges of `write` and `conditional`. */
const EDGES = [
  '@etag = "v1"',
  '',
  '### A read with a weak tag, a bad tag and an obsolete date',
  '# @name first',
  'GET https://api.example.test/items/1',
  'if-none-match: W/"a", b',
  'IF-MODIFIED-SINCE: Sunday, 06-Nov-94 08:49:37 GMT',
  '',
  '### OPTIONS with preconditions (ignored) and an If-Range without Range',
  'OPTIONS https://api.example.test/items/1',
  'If-Match: *',
  'If-Range: "x"',
  '',
  '### A POST guarded by a literal, a wildcard and an inverted tag (a write only with includePost)',
  'POST https://api.example.test/items',
  'If-Match: "fixed"',
  'If-None-Match: {{first.response.headers.ETag}}',
  '',
  '### A write with no precondition at all',
  'PUT https://api.example.test/items/1',
  'Content-Type: application/json',
  '',
  '{"a": 1}',
  '',
  '### A write whose precondition is a service header, and a stale one',
  'PATCH https://api.example.test/items/1',
  'x-ms-if-match: *',
  'If-Unmodified-Since: {{$timestamp}}',
  '',
  '### A write with a weak tag from a variable, and one captured from another resource',
  'DELETE https://api.example.test/other/2',
  'If-Match: {{etag}}, W/"w"',
  'If-Match: {{first.response.headers.ETag}}',
  '',
  '### A literal service version typed into a write with no header',
  'PUT https://api.example.test/v1/kv/key?cas=12',
  '',
  '### The same dates twice, one of them impossible, and a template beside a bad tag',
  'PUT https://api.example.test/items/3',
  'If-Unmodified-Since: Wed, 21 Oct 2015 07:28:00 GMT',
  'If-Match: {{etag}}',
  '',
  'PUT https://api.example.test/items/4',
  'If-Unmodified-Since: Wed, 31 Feb 2015 07:28:00 GMT',
  'If-Match: "a{{etag}}, b',
  '',
  '### A method the rules do not know, with a precondition',
  'PROPPATCH https://api.example.test/items/1',
  'If-Match: "v"',
  '',
].join('\n');

describe('rule needs: the walk skips a rule only where it would find nothing', () => {
  for (const [name, config] of NEEDS_CONFIGS) {
    it(`requests at the edges of each need (${name})`, () => {
      const walked = lintHttp(EDGES, config);
      assert.ok(walked.findings.length >= 10, 'the edge cases give findings');
      assert.equal(findingsText(walked.findings), findingsText(lintHttp(EDGES, config, EVERY_REQUEST).findings));
    });

    it(`every .http fixture of the project (${name})`, () => {
      for (const file of allFixtures()) {
        const text = fixture(file);
        assert.equal(findingsText(lintHttp(text, config).findings), findingsText(lintHttp(text, config, EVERY_REQUEST).findings), file);
      }
    });
  }
});
