import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG, type EngineConfig } from '../config/config';
import { evidenceIndex } from '../evidence/index';
import { parseHttp } from '../http/parser';
import { lintHttp } from '../lint';
import { buildHttpModel } from '../model/http-model';
import type { DocumentModel } from '../model/types';
import { byRequest, type Rule } from '../rules/types';
import { RULES } from '../rules/registry';
import { rangeOf } from '../text/span';
import { IncrementalHttpAnalysis } from './http-analysis';

/**
 * Lines that make requests depend on each other: names and titles, captures (REST Client, httpYac, handler
 * variables, file variables holding a reference), reads and writes of shared targets, suppressions.
 */
const LINES = [
  '###', '### item', '### Guarded', '# @name item', '# @name other', '@name = item', '@base = https://x.test', '@tag = {{item.response.headers.ETag}}',
  'GET https://x.test/items/1', 'GET {{base}}/items/1', 'HEAD https://x.test/items/2', 'PUT https://x.test/items/1',
  'PATCH https://x.test/items/2', 'DELETE https://x.test/items/1', 'POST https://x.test/items', 'PUT https://x.test/items/1?rev=3',
  'If-Match: {{item.response.headers.ETag}}', 'If-Match: {{other.response.headers.ETag}}', 'If-Match: {{itemResponse.headers.ETag}}',
  'If-Match: {{tag}}', 'If-Match: {{handlerTag}}', 'If-Match: "a1"', 'If-Match: W/"w"', 'If-Match: *', 'If-Match: a1',
  'If-None-Match: *', 'If-None-Match: "x"', 'If-Unmodified-Since: {{item.response.headers.Last-Modified}}',
  'If-Unmodified-Since: yesterday', 'If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT', 'If-Range: "r"', 'Range: bytes=0-1',
  'Authorization: Bearer t', 'Content-Type: application/json', '{"a": 1}', '{{undefinedVar}}', 'GET https://x.test/{{nope}}',
  '> {% client.global.set("handlerTag", response.headers.valueOf("ETag")); %}', '# etag-guard-disable-next-line stale-etag',
  '# etag-guard-disable missing-precondition', '', '', 'Not a header',
  // Same-file evidence: read-modify-writes, collections, other origins, handlers checking for 412, placeholders.
  'PUT https://x.test/items/{{item.response.body.id}}', 'GET https://x.test/items', 'PATCH https://y.test/items/3',
  'If-Match: {{other.response.headers.Last-Modified}}', '> {% if (response.status === 412) { client.log("lost"); } %}',
  'PUT https://api.example.com/items/4', 'GET https://api.example.com/items/4', '@id = {{item.response.body.id}}',
  'DELETE https://x.test/items/{{id}}', '> {% client.global.set("bodyId", response.body.id); %}', 'PUT https://x.test/items/{{bodyId}}',
  'GET https://x.test/orders/7', 'PUT https://x.test/orders/7', 'GET https://y.test/items/2', 'PUT https://x.test/orders/{{item.response.body.id}}',
  // What the file says a write is for (evidence/intent.ts): a service known by its port, creators above, notes.
  'PUT http://localhost:9200/plants', 'PUT http://localhost:9200/plants/_doc/1', 'DELETE http://localhost:9200/plants/_doc/1',
  'POST http://localhost:9200/plants/_doc', 'PATCH http://localhost:9200/plants/_doc/{{item.response.body._id}}', 'POST http://localhost:9200/_bulk',
  '### Setup test data', '# create the sample', '# this should fail', '# Expected: 200', '# update the plant',
  // httpYac assertions on a read's ETag; a file variable capturing a validator.
  '?? header etag exists', '?? status == 200', '@since = {{other.response.headers.Last-Modified}}',
];
const EOLS = ['\n', '\n', '\r\n'];

const documentArb = fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom(...EOLS)), { maxLength: 50 })
  .map((lines) => lines.map(([text, eol]) => text + eol).join(''));

/** An edit as an editor sends it: replace [at, at + remove) by `insert`; line pieces or characters. */
const textEditArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 4 }), fc.nat({ max: 40 })),
  insert: fc.oneof(
    fc.constantFrom(...LINES).map((l) => l + '\n'),
    fc.constantFrom('x', '1', '\n', '###', '', '{{', '"', 'item', ' '),
    fc.string({ maxLength: 4 }),
  ),
});

/** Retyping one line as another keeps every line in place: the requests below keep their parse, not their inputs. */
const lineEditArb = fc.record({ line: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(...LINES) });
/** Renaming in one line (`item` ↔ `other`): names and references change meaning without any line moving. */
const renameArb = fc.record({ rename: fc.double({ min: 0, max: 1, noNaN: true }) });

type Edit = { at: number; remove: number; insert: string } | { line: number; text: string } | { rename: number };
const editArb: fc.Arbitrary<Edit> = fc.oneof(textEditArb, lineEditArb, renameArb);

function applyEdit(text: string, e: Edit): string {
  if ('rename' in e) {
    const lines = text.split('\n');
    const named = lines.map((l, i) => (/item|other/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!named.length) return text;
    const k = named[Math.min(named.length - 1, Math.floor(e.rename * named.length))];
    lines[k] = lines[k].replace(/item|other/, (w) => (w === 'item' ? 'other' : 'item'));
    return lines.join('\n');
  }
  if ('line' in e) {
    const lines = text.split('\n');
    const k = Math.min(lines.length - 1, Math.floor(e.line * lines.length));
    lines[k] = e.text + (lines[k].endsWith('\r') ? '\r' : '');
    return lines.join('\n');
  }
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

const CONFIGS: EngineConfig[] = [
  DEFAULT_CONFIG,
  { ...DEFAULT_CONFIG, includePost: true, serverReturnsEtagOnWrite: true, environmentVariables: { base: 'https://x.test' }, environmentNames: ['dev'] },
  { ...DEFAULT_CONFIG, rules: { 'stale-etag': 'error', 'hardcoded-etag': 'off', 'http-syntax': 'off' } },
];

/** Findings as plain data: reading `fixes` builds deferred fixes, so they are compared too. */
function plain(result: { findings: unknown[]; failures: unknown[] }): unknown {
  return JSON.parse(JSON.stringify({ findings: result.findings, failures: result.failures }));
}

/** What the evidence index says about every request of `model` (judging them all fills the index's memo too). */
function judgements(model: DocumentModel, config: EngineConfig): unknown {
  const index = evidenceIndex(model, config);
  return JSON.parse(JSON.stringify(model.requests.map((r) => index.judge(r))));
}

describe('incremental analysis of .http documents', () => {
  it('gives exactly the findings, fixes and evidence of a full lint, after every edit of a random sequence', () => {
    fc.assert(fc.property(documentArb, fc.array(editArb, { maxLength: 15 }), fc.constantFrom(...CONFIGS), fc.boolean(), fc.boolean(), (start, edits, config, judgeAll, primeAfterFirst) => {
      const analysis = new IncrementalHttpAnalysis(config);
      let text = start;
      assert.deepStrictEqual(plain(analysis.analyze(text)), plain(lintHttp(text, config)));
      // The editor primes the caches once the first diagnostics are out; else the next version does it.
      if (primeAfterFirst) analysis.prime();
      for (const e of edits) {
        text = applyEdit(text, e);
        const result = analysis.analyze(text);
        assert.deepStrictEqual(plain(result), plain(lintHttp(text, config)), JSON.stringify(text));
        // The kept evidence index against one built from scratch; judging every request (not only the writes
        // the rule asks about) on some runs keeps more judgements alive for later edits to invalidate.
        if (judgeAll) {
          const full = buildHttpModel(parseHttp(text), config.environmentVariables);
          assert.deepStrictEqual(judgements(result.model, config), judgements(full, config), JSON.stringify(text));
          // The model's file-wide lists, patched in place by the cache.
          const lists = (m: DocumentModel) => JSON.parse(JSON.stringify([m.unresolved, m.responseUses, m.evidence, m.requests.length]));
          assert.deepStrictEqual(lists(result.model), lists(full), JSON.stringify(text));
        }
      }
    }), { numRuns: 400 });
  });

  it('lints the first version whole and fills the caches afterwards, when primed or at the next version', () => {
    const text = '# @name item\nGET https://x.test/1\n\n###\nPUT https://x.test/1\nIf-Match: {{item.response.headers.ETag}}\n\n###\nPUT https://x.test/2\n';
    const edited = text.replace('x.test/2', 'x.test/1');
    for (const prime of [true, false]) {
      const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
      const first = analysis.analyze(text);
      assert.deepStrictEqual(plain(first), plain(lintHttp(text, DEFAULT_CONFIG)));
      assert.equal(analysis.needsPriming, true);
      if (prime) {
        analysis.prime();
        assert.equal(analysis.needsPriming, false);
        analysis.prime();
      }
      const after = analysis.analyze(edited);
      assert.equal(analysis.needsPriming, false);
      assert.notDeepStrictEqual(plain(after), plain(first), 'the edit changes the findings');
      assert.deepStrictEqual(plain(after), plain(lintHttp(edited, DEFAULT_CONFIG)));
      // The first version's models are the caches' too: an untouched request keeps its model from the start.
      assert.equal(after.model.requests[0], first.model.requests[0]);
    }
  });

  it('fills its cache from the first lint\'s findings: priming runs no per-request rule again', () => {
    // A per-request rule that counts the requests it checks and reports every PUT (suppressed by a directive).
    const checked: string[] = [];
    const everyPut: Rule = {
      id: 'every-put', defaultLevel: 'warning', summary: 'Every PUT.', languages: ['http'],
      ...byRequest({
        reads: 'request',
        check(req, _ctx, report) {
          checked.push(req.url ?? '');
          if (req.method === 'PUT') report({ message: 'a PUT', range: rangeOf(req.anchor), fixes: [] });
        },
      }),
    };
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG, [everyPut]);
    const text = '# etag-guard-disable every-put\nPUT https://x.test/1\n\n###\nGET https://x.test/2\n\n###\nPUT https://x.test/3\n';
    assert.equal(analysis.analyze(text).findings.length, 0);
    assert.deepEqual(checked, ['https://x.test/1', 'https://x.test/2', 'https://x.test/3']);
    analysis.prime();
    assert.equal(checked.length, 3, 'primed without checking a request again');
    // The kept rows hold the suppressed findings too: the directive edited (in the first request's section, no line
    // added or removed) shows the third request's finding, which was not checked again.
    const edited = text.replace('disable every-put', 'disable other-rule');
    const after = analysis.analyze(edited);
    assert.deepEqual(after.findings.map((f) => f.range.start.line), [1, 7]);
    assert.deepEqual(checked.slice(3), ['https://x.test/1'], 'only the edited request is checked');
    assert.deepStrictEqual(plain(after), plain(lintHttp(edited, DEFAULT_CONFIG, [everyPut])));
  });

  it('takes the first lint\'s judgements too: priming checks no write again, and an edit that changes one is seen', () => {
    // The evidence rule, counting the requests it checks: priming takes its findings and the judgements they came from.
    const missing = RULES.find((r) => r.id === 'missing-precondition')!;
    const checked: number[] = [];
    const counting: Rule = { ...missing, perRequest: { ...missing.perRequest!, check: (req, ctx, report) => (checked.push(req.index), missing.perRequest!.check(req, ctx, report)) } };
    // The write's URL names the read it takes its id from; renamed, it reads nothing, and the DELETE's judgement
    // (made by the first lint) is one the edit changes.
    const text = 'PUT https://x.test/items/{{item.response.body.id}}\nIf-Match: W/"w"\n###\nDELETE https://x.test/items/1\n';
    const edited = text.replace('item.', 'other.');
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG, [counting]);
    analysis.analyze(text);
    const firstChecks = checked.length;
    analysis.prime();
    assert.equal(checked.length, firstChecks, 'primed without checking a write again');
    assert.deepStrictEqual(plain(analysis.analyze(edited)), plain(lintHttp(edited, DEFAULT_CONFIG, [counting])));
  });

  it('sees a changed answer of what the file created when the first lint worked the answers out', () => {
    // The first lint asks what the file created (the second PUT's only evidence is the catalogue's); priming takes
    // its judgement, so the editor must know that answer too. A title that makes the first PUT a setup request
    // changes the words of the second one's finding.
    const text = '###\nPUT http://localhost:9200/shelves\n###\nPUT http://localhost:9200/shelves/_doc/7\n';
    const edited = text.replace('###\nPUT', '### Seed the shelves\nPUT');
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    analysis.analyze(text);
    const expected = plain(lintHttp(edited, DEFAULT_CONFIG));
    assert.ok(JSON.stringify(expected).includes('the setup request'), 'the edit changes the finding');
    assert.deepStrictEqual(plain(analysis.analyze(edited)), expected);
  });

  it('reuses the models and findings of requests an edit did not touch', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = '### One\nPUT https://x.test/1\nIf-Match: W/"w"\n\n### Two\nPUT https://x.test/2\nIf-Match: a\n';
    const before = analysis.analyze(text);
    const after = analysis.analyze(text.replace('If-Match: a', 'If-Match: ab'));
    assert.equal(after.model.requests[0], before.model.requests[0], 'the untouched request keeps its model');
    const weak = (r: typeof before) => r.findings.find((f) => f.ruleId === 'weak-etag-in-if-match');
    assert.ok(weak(before));
    assert.notEqual(after.model.requests[1], before.model.requests[1]);
    // The first version's findings come from the whole lint; from the next one on the rule cache keeps them.
    const later = analysis.analyze(text.replace('If-Match: a', 'If-Match: abc'));
    assert.equal(weak(later), weak(after), 'and its finding object');
  });

  it('re-checks a write whose captured ETag went stale through an edit elsewhere', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = '# @name item\nGET https://x.test/1\n\n###\nGET https://x.test/2\n\n###\nPUT https://x.test/1\nIf-Match: {{item.response.headers.ETag}}\n';
    assert.equal(analysis.analyze(text).findings.length, 0);
    const edited = text.replace('GET https://x.test/2', 'PUT https://x.test/1');
    const stale = analysis.analyze(edited).findings.filter((f) => f.ruleId === 'stale-etag');
    assert.equal(stale.length, 1);
    assert.deepStrictEqual(plain(analysis.analyze(edited)), plain(lintHttp(edited, DEFAULT_CONFIG)));
  });

  it('lowers again a request whose reference a rename above resolved differently, though its section is unchanged', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = '# @name item\nGET https://x.test/1\n\n###\nPUT https://x.test/1\nIf-Match: {{item.response.headers.ETag}}\n';
    analysis.analyze(text);
    const renamed = text.replace('@name item', '@name itex');
    const after = analysis.analyze(renamed);
    assert.deepEqual(after.findings.map((f) => f.ruleId), ['unknown-reference']);
    assert.deepStrictEqual(plain(after), plain(lintHttp(renamed, DEFAULT_CONFIG)));
  });

  it('lowers an edited request with the names defined right above it, and re-checks only what looked a renamed one up', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = '###\nGET https://x.test/0\n\n# @name item\nGET https://x.test/1\n\n###\nPUT https://x.test/1\nIf-Match: {{item.response.headers.ETag}}\n';
    const first = analysis.analyze(text);
    const edited = text.replace('PUT https://x.test/1', 'PUT https://x.test/2');
    const after = analysis.analyze(edited);
    assert.deepStrictEqual(plain(after), plain(lintHttp(edited, DEFAULT_CONFIG)));
    assert.ok(!after.findings.some((f) => f.ruleId === 'unknown-reference'), 'item is defined just above the edited request');
    assert.equal(after.model.requests[0], first.model.requests[0]);
    const renamed = edited.replace('@name item', '@name itex');
    assert.deepEqual(analysis.analyze(renamed).findings.map((f) => f.ruleId), ['unknown-reference']);
  });

  it('judges a write again when the read whose ETag another request uses moves to another route', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = '# @name item\nGET https://x.test/items/1\n\n###\nPUT https://x.test/items/1\n\n###\n' +
      'PUT https://x.test/orders/7\nIf-Match: {{item.response.headers.ETag}}\n';
    const level = (t: string) => analysis.analyze(t).findings.find((f) => f.ruleId === 'missing-precondition')?.level;
    assert.equal(level(text), 'warning', 'the ETag use says the API versions /items/{}');
    // Only the read's line changes: the write and the request using the ETag keep their sections and models.
    const moved = text.replace('GET https://x.test/items/1', 'GET https://x.test/order/1');
    assert.equal(level(moved), 'hint');
    assert.deepStrictEqual(plain(analysis.analyze(moved)), plain(lintHttp(moved, DEFAULT_CONFIG)));
  });

  it('judges a wildcard write again when the read above it moves onto its route', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = 'GET https://x.test/orders/7\n\n###\nPUT https://x.test/items/1\nIf-Match: *\n';
    const wildcard = (t: string) => analysis.analyze(t).findings.filter((f) => f.ruleId === 'missing-precondition').length;
    assert.equal(wildcard(text), 0, 'a read of another resource is no read of the item');
    // Only the read's line changes: the write keeps its section and model, but now follows a read of its resource.
    const moved = text.replace('GET https://x.test/orders/7', 'GET https://x.test/items/1');
    assert.equal(wildcard(moved), lintHttp(moved, DEFAULT_CONFIG).findings.filter((f) => f.ruleId === 'missing-precondition').length);
    assert.equal(wildcard(moved), 1, 'If-Match: * after a read of the same resource');
    assert.deepStrictEqual(plain(analysis.analyze(moved)), plain(lintHttp(moved, DEFAULT_CONFIG)));
  });

  it('finds again what the file created when a renamed request hides or uncovers a POST of that name', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    // The PATCH reads the document right before writing it: only then does the catalogue's word make a warning.
    const text = '# @name p\nPOST http://localhost:9200/plants/_doc\n\n###\n# @name q\nGET http://localhost:9200/other\n\n###\n' +
      'GET http://localhost:9200/plants/_doc/{{p.response.body._id}}\n\n###\nPATCH http://localhost:9200/plants/_doc/{{p.response.body._id}}\n';
    const level = (t: string) => analysis.analyze(t).findings.find((f) => f.ruleId === 'missing-precondition')?.level;
    assert.equal(level(text), 'hint', 'the POST above returned the document: the file made it');
    // Only a GET's name changes (no URL, no method): the GET named p now answers {{p.response.body._id}}.
    assert.equal(level(text.replace('@name q', '@name p')), 'warning');
    assert.equal(level(text), 'hint');
    // And a POST's own name: no request answers to p any more.
    const renamedPost = text.replace('# @name p', '# @name r');
    assert.equal(level(renamedPost), 'warning');
    assert.deepStrictEqual(plain(analysis.analyze(renamedPost)), plain(lintHttp(renamedPost, DEFAULT_CONFIG)));
  });

  it('patches the model\'s response uses in place, below requests that have some', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = '# @name item\nGET https://x.test/1\n\n###\nPUT https://x.test/1\nIf-Match: {{item.response.headers.ETag}}\n\n###\n' +
      'PUT https://x.test/2\nIf-Match: {{item.response.headers.ETag}}\n';
    analysis.analyze(text);
    const edited = text.replace('x.test/2', 'x.test/3');
    const lists = (m: DocumentModel) => JSON.parse(JSON.stringify([m.unresolved, m.responseUses, m.evidence]));
    assert.deepStrictEqual(lists(analysis.analyze(edited).model), lists(buildHttpModel(parseHttp(edited))));
  });

  it('gives every version\'s model the same evidence getters, each reading its own version, and spreads copy the lists', () => {
    // Getters made per model kept each version's list of lowerings alive through scavenges (docs/performance.md,
    // "Issue 16, seventeenth session"): they are two functions shared by every model.
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = '# @name item\nGET https://x.test/1\n\n###\nPUT https://x.test/1\nIf-Match: {{item.response.headers.ETag}}\n';
    const first = analysis.analyze(text).model;
    const edited = text.replace('{{item.response.headers.ETag}}', '"a1"');
    const second = analysis.analyze(edited).model;
    const getter = (m: DocumentModel, key: 'responseUses' | 'evidence') => Object.getOwnPropertyDescriptor(m, key)?.get;
    for (const key of ['responseUses', 'evidence'] as const) {
      assert.ok(getter(first, key));
      assert.equal(getter(second, key), getter(first, key));
    }
    assert.equal(first.responseUses?.length, 1);
    assert.equal(second.responseUses?.length, 0);
    const spread = { ...second };
    assert.deepStrictEqual(Object.getOwnPropertySymbols(spread), []);
    assert.deepStrictEqual(spread.responseUses, []);
  });

  it('patches the lowerings in place while an earlier version\'s model still reads its own evidence', () => {
    // Each keystroke patches the cache's list of lowerings; a version's model reads its lists back through the later
    // versions' patches, first read after two more keystrokes here (and one version read before the next patch).
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const versions = [
      '# @name item\nGET https://x.test/1\n\n###\nPUT https://x.test/1\nIf-Match: {{item.response.headers.ETag}}\n\n###\nPUT https://x.test/2\n',
    ];
    versions.push(versions[0].replace('{{item.response.headers.ETag}}', '"a1"'));
    versions.push(versions[1].replace('x.test/2', 'x.test/2\nIf-Match: {{item.response.headers.ETag}}'));
    versions.push(versions[2].replace('"a1"', '{{item.response.headers.ETag}}'));
    const models = versions.map((t) => analysis.analyze(t).model);
    const lists = (m: DocumentModel) => JSON.parse(JSON.stringify([m.responseUses, m.evidence]));
    assert.deepStrictEqual(lists(models[2]), lists(buildHttpModel(parseHttp(versions[2]))));
    assert.equal(analysis.analyze(versions[0]).model.responseUses?.length, 1);
    for (const k of [1, 3, 2]) assert.deepStrictEqual(lists(models[k]), lists(buildHttpModel(parseHttp(versions[k]))), `version ${k}`);
    assert.equal(models[1].responseUses?.length, 0);
  });

  it('builds deferred fixes against the version they are read in', () => {
    const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
    const text = '###\nGET https://x.test/0\n\n###\nPUT https://x.test/1\n';
    const first = analysis.analyze(text).findings[0];
    assert.equal(first.fixes[0].title, 'Insert a GET that captures the ETag before this write');
    const withRead = text.replace('GET https://x.test/0', 'GET https://x.test/1');
    const second = analysis.analyze(withRead).findings[0];
    assert.equal(second.fixes[0].title, 'Add If-Match from the GET on line 2');
  });
});
