/** Quick fixes in client code: each applied fix gives code in the library's idiom, and the finding goes away. */
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyTextEdits, DEFAULT_CONFIG, lintCode, mergeConfig, type CodeLanguage, type CodeParsers, type EngineConfig } from '../../server/src/engine';
import { testParsers } from './parsers';

let parsers: CodeParsers;

/** Applies the fix titled `title…` of the first `ruleId` finding and checks that finding is gone. */
function applyFix(text: string, language: CodeLanguage, ruleId: string, title: string, config: EngineConfig = DEFAULT_CONFIG): string {
  const before = lintCode(text, language, config, parsers).findings.filter((f) => f.ruleId === ruleId);
  assert.ok(before.length > 0, `expected a ${ruleId} finding`);
  const fix = before[0].fixes.find((f) => f.title.startsWith(title));
  assert.ok(fix, `no fix "${title}"; fixes: ${before[0].fixes.map((f) => f.title).join(' | ')}`);
  const fixed = applyTextEdits(text, fix.edits);
  const after = lintCode(fixed, language, config, parsers).findings.filter((f) => f.ruleId === ruleId);
  assert.equal(after.length, before.length - 1, `${ruleId} still fires after "${fix.title}":\n${fixed}`);
  return fixed;
}

describe('client-code quick fixes', () => {
  before(async () => {
    parsers = await testParsers();
  });

  it('inserts a fetch read of the ETag before an unguarded write, copying Authorization', () => {
    const text = [
      'async function save(url: string, token: string) {',
      "  await fetch(url, { method: 'PUT', headers: { Authorization: token }, body: '{}' });",
      '}',
    ].join('\n');
    assert.equal(applyFix(text, 'typescript', 'missing-precondition', 'Insert a GET'), [
      'async function save(url: string, token: string) {',
      '  const current = await fetch(url, { headers: { Authorization: token } });',
      "  const etag = current.headers.get('ETag');",
      "  if (etag === null) throw new Error('The server sent no ETag: refusing to write without a precondition.');",
      "  await fetch(url, { method: 'PUT', headers: { Authorization: token, 'If-Match': etag }, body: '{}' });",
      '}',
    ].join('\n'));
  });

  it('adds If-Match from the ETag variable in scope (requests)', () => {
    const text = 'import requests\n\ndef save(url):\n    r = requests.get(url)\n    tag = r.headers["ETag"]\n    requests.put(url, json={})\n';
    assert.equal(applyFix(text, 'python', 'missing-precondition', 'Add If-Match from'),
      'import requests\n\ndef save(url):\n    r = requests.get(url)\n    tag = r.headers["ETag"]\n    requests.put(url, json={}, headers={"If-Match": tag})\n');
  });

  it('reads the ETag off the kept response when no variable holds it (axios)', () => {
    const text = "import axios from 'axios';\nasync function f(u: string) {\n  const res = await axios.get(u);\n  await axios.delete(u);\n}\n";
    assert.match(applyFix(text, 'typescript', 'missing-precondition', 'Add If-Match from'), /axios\.delete\(u, \{ headers: \{ 'If-Match': res\.headers\.etag \} \}\)/);
  });

  it('inserts a refreshing read before a stale write and points If-Match at it (Python)', () => {
    const text = [
      'import requests', 'def f(url):', '    r = requests.get(url)', '    etag = r.headers["ETag"]',
      '    requests.put(url, headers={"If-Match": etag})', '    requests.patch(url, headers={"If-Match": etag})', '',
    ].join('\n');
    assert.match(applyFix(text, 'python', 'stale-etag', 'Insert a refreshing GET'),
      /    current = requests\.get\(url\)\n    etag2 = current\.headers\["ETag"\]\n    requests\.patch\(url, headers=\{"If-Match": etag2\}\)/);
  });

  it('uses aiohttp\'s async with idiom for the inserted read', () => {
    const text = 'import aiohttp\nasync def f(url):\n    async with aiohttp.ClientSession() as s:\n        await s.delete(url)\n';
    assert.match(applyFix(text, 'python', 'missing-precondition', 'Insert a GET'),
      /        async with s\.get\(url\) as current:\n            etag = current\.headers\["ETag"\]\n        await s\.delete\(url, headers=\{"If-Match": etag\}\)/);
  });

  it('adds the header on a superagent chain', () => {
    const text = "const superagent = require('superagent');\nasync function f(u) {\n  const res = await superagent.get(u);\n  await superagent.put(u).send({});\n}\n";
    assert.match(applyFix(text, 'javascript', 'missing-precondition', 'Add If-Match from'), /superagent\.put\(u\)\.set\('If-Match', res\.headers\.etag\)\.send/);
  });

  it('passes the precondition argument to a team wrapper', () => {
    const config = mergeConfig(DEFAULT_CONFIG, { wrappers: [{ callee: 'api.update', method: 'PUT', urlArg: 0, etagArg: 2 }] });
    const text = 'async function f(u: string, body: unknown) {\n  const { etag } = await api.read(u);\n  const res = await fetch(u);\n  await api.update(u, body);\n}\n';
    assert.match(applyFix(text, 'typescript', 'missing-precondition', 'Add If-Match from', config), /api\.update\(u, body, res\.headers\.get\('ETag'\)\)/);
  });

  it('escapes a quoting fix inside a double-quoted string', () => {
    const text = 'import requests\nrequests.put("https://x.test/i/1", headers={"If-Match": "abc"})\n';
    assert.equal(applyFix(text, 'python', 'invalid-etag', 'Write'), 'import requests\nrequests.put("https://x.test/i/1", headers={"If-Match": "\\"abc\\""})\n');
  });

  it('replaces a hard-coded tag literal by the captured ETag as a whole expression', () => {
    const text = "async function f(u: string) {\n  const r = await fetch(u);\n  await fetch(u, { method: 'PUT', headers: { 'If-Match': '\"v1\"' } });\n}\n";
    assert.match(applyFix(text, 'typescript', 'hardcoded-etag', 'Use the ETag'), /headers: \{ 'If-Match': r\.headers\.get\('ETag'\) \}/);
  });

  it('threads the ETag of the read that produced the data, and inserts no second read (fetch)', () => {
    const text = [
      'export async function addTag(u: string, tag: string) {',
      '  const res = await fetch(u);',
      '  const note = await res.json();',
      '  note.tags.push(tag);',
      "  await fetch(u, { method: 'PUT', body: JSON.stringify(note) });",
      '}',
    ].join('\n');
    const [finding] = lintCode(text, 'typescript', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Add If-Match from the GET on line 2', 'Add If-None-Match: * (create only, fail if it exists)']);
    assert.match(applyFix(text, 'typescript', 'missing-precondition', 'Add If-Match from'), /body: JSON\.stringify\(note\), headers: \{ 'If-Match': res\.headers\.get\('ETag'\) \}/);
  });

  it('asks the caller for the ETag when the data written arrives as a parameter (preferred over a fresh read)', () => {
    const text = "export async function save(u: string, note: object) {\n  await fetch(u, { method: 'PUT', body: JSON.stringify(note) });\n}\n";
    const [finding] = lintCode(text, 'typescript', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.match(finding.fixes.find((f) => f.preferred)?.title ?? '', /^Add an etag parameter/);
    assert.equal(applyFix(text, 'typescript', 'missing-precondition', 'Add an etag parameter'),
      "export async function save(u: string, note: object, etag: string) {\n  await fetch(u, { method: 'PUT', body: JSON.stringify(note), headers: { 'If-Match': etag } });\n}\n");
    const py = 'import requests\n\ndef save(url, doc):\n    requests.put(url, json=doc)\n';
    assert.equal(applyFix(py, 'python', 'missing-precondition', 'Add an etag parameter'),
      'import requests\n\ndef save(url, doc, etag):\n    requests.put(url, json=doc, headers={"If-Match": etag})\n');
  });

  it('reads a shorthand body ({ method, body }) as the parameter it names: the ETag parameter is preferred', () => {
    const text = "export async function save(u: string, body: string) {\n  await fetch(u, { method: 'PUT', body });\n}\n";
    const [finding] = lintCode(text, 'typescript', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.match(finding.fixes.find((f) => f.preferred)?.title ?? '', /^Add an etag parameter/);
    assert.equal(applyFix(text, 'typescript', 'missing-precondition', 'Add an etag parameter'),
      "export async function save(u: string, body: string, etag: string) {\n  await fetch(u, { method: 'PUT', body, headers: { 'If-Match': etag } });\n}\n");
  });

  it('offers no ETag parameter where a new last parameter would not parse or would change calls', () => {
    const py = 'import requests\n\ndef save(url, doc=None):\n    requests.put(url, json=doc)\n';
    const [finding] = lintCode(py, 'python', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.ok(!finding.fixes.some((f) => f.title.startsWith('Add an etag parameter')));
  });

  it('after a read that found nothing (404), prefers the create-only form (requests)', () => {
    const text = [
      'import requests', 'def publish(url, doc):', '    r = requests.get(url)', '    if r.status_code == 404:',
      '        requests.put(url, json=doc)', '',
    ].join('\n');
    const [finding] = lintCode(text, 'python', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.match(finding.fixes.find((f) => f.preferred)?.title ?? '', /^Add If-None-Match: \* \(create only: the GET on line 3 checked that it is absent\)/);
  });

  it("uses the service's own form: GCS generation threaded from the read, create-only generation 0", () => {
    const text = [
      'export async function bump(bucket: string) {',
      '  const url = `https://storage.googleapis.com/${bucket}/counter.json`;',
      '  const res = await fetch(url);',
      '  const n = (await res.json()).n + 1;',
      "  await fetch(url, { method: 'PUT', body: JSON.stringify({ n }) });",
      '}',
    ].join('\n');
    assert.match(applyFix(text, 'typescript', 'missing-precondition', 'Add x-goog-if-generation-match from'),
      /headers: \{ 'x-goog-if-generation-match': res\.headers\.get\('x-goog-generation'\) \}/);
    assert.match(applyFix(text, 'typescript', 'missing-precondition', 'Add x-goog-if-generation-match: 0'), /'x-goog-if-generation-match': '0'/);
  });

  it('asks Firebase for the ETag on the inserted read (X-Firebase-ETag: true), in the file\'s quotes (fetch, requests)', () => {
    const ts = [
      'export async function save(id: string, task: object) {',
      "  await fetch(`https://demo-board.firebaseio.com/tasks/${id}.json`, { method: 'PUT', body: JSON.stringify(task) });",
      '}',
    ].join('\n');
    assert.match(applyFix(ts, 'typescript', 'missing-precondition', 'Insert a GET'),
      /const current = await fetch\(`https:\/\/demo-board\.firebaseio\.com\/tasks\/\$\{id\}\.json`, \{ headers: \{ 'X-Firebase-ETag': 'true' \} \}\);/);
    const py = 'import requests\n\ndef save(id, task):\n    requests.put(f"https://demo-board.firebaseio.com/tasks/{id}.json", json=task, headers={"Authorization": "Bearer x"})\n';
    assert.match(applyFix(py, 'python', 'missing-precondition', 'Insert a GET'),
      /current = requests\.get\(f"https:\/\/demo-board\.firebaseio\.com\/tasks\/\{id\}\.json", headers=\{"Authorization": "Bearer x", "X-Firebase-ETag": "true"\}\)/);
  });

  it('threads the ETag of a Firebase read and makes that read ask for it (X-Firebase-ETag: true)', () => {
    const text = [
      'export async function like(db: string) {',
      '  const url = `https://demo-board.firebaseio.com/likes/${db}.json`;',
      '  const r = await fetch(url);',
      '  const n = (await r.json()) + 1;',
      "  await fetch(url, { method: 'PUT', body: JSON.stringify(n) });",
      '}',
    ].join('\n');
    const fixed = applyFix(text, 'typescript', 'missing-precondition', 'Add If-Match from');
    assert.match(fixed, /const r = await fetch\(url, \{ headers: \{ 'X-Firebase-ETag': 'true' \} \}\);/);
    assert.match(fixed, /method: 'PUT', body: JSON\.stringify\(n\), headers: \{ 'If-Match': r\.headers\.get\('ETag'\) \}/);
  });

  it('offers no If-Match where the service ignores it (Elasticsearch wants if_seq_no)', () => {
    const text = "export async function f(id: string, doc: object) {\n  const url = `http://localhost:9200/orders/_doc/${id}`;\n  const res = await fetch(url);\n  await fetch(url, { method: 'PUT', body: JSON.stringify(doc) });\n}\n";
    const [finding] = lintCode(text, 'typescript', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.deepEqual(finding.fixes.filter((f) => /If-Match/.test(f.title)), []);
  });
});
