/**
 * Storage SDK calls (server/src/engine/code/sdks.ts) in what the rules see: a write through an SDK takes its guard as
 * a parameter of its own, so missing-precondition offers no header fix on it (a `headers` argument would be an error
 * or ignored) and its advice is the SDK's own form. The annotated fixtures (test/fixtures/code/sdk-*) cover which
 * calls are reads, writes and guards.
 */
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lintCode, type CodeParsers } from '../../server/src/engine';
import { testParsers } from './parsers';

let parsers: CodeParsers;

const dropbox = [
  'import dropbox',
  'dbx = dropbox.Dropbox("token")',
  '',
  'def tick(task):',
  '    meta, res = dbx.files_download("/todo.txt")',
  '    text = res.content.decode().replace(f"[ ] {task}", f"[x] {task}")',
  '    dbx.files_upload(text.encode(), "/todo.txt", mode=dropbox.files.WriteMode.overwrite)',
  '',
].join('\n');

describe('storage SDK calls', () => {
  before(async () => {
    parsers = await testParsers();
  });

  it('a read-modify-write through the Dropbox SDK warns with the SDK\'s advice and offers no header fix', () => {
    const findings = lintCode(dropbox, 'python', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 6);
    assert.match(findings[0].message, /follows a GET of the same URL on line 5/);
    assert.match(findings[0].message, /Pass mode=WriteMode\.update\(rev\)/);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('the same write with the rev of the download is guarded', () => {
    const guarded = dropbox.replace('dropbox.files.WriteMode.overwrite', 'dropbox.files.WriteMode.update(meta.rev)');
    const findings = lintCode(guarded, 'python', { ...DEFAULT_CONFIG, strict: true }, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.deepEqual(findings, []);
  });

  it('a mode the analysis cannot read keeps the write unjudged, even in strict mode', () => {
    const opaque = dropbox.replace('mode=dropbox.files.WriteMode.overwrite', 'mode=pick_mode(task)');
    const findings = lintCode(opaque, 'python', { ...DEFAULT_CONFIG, strict: true }, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.deepEqual(findings, []);
  });

  it('a call named like Calendar\'s but without its option names is no request, even in strict mode', () => {
    const js = [
      'export async function bump(store, key) {',
      '  const row = await store.events.get({ key });',
      '  await store.events.update({ key, value: row.value + 1 });',
      '}',
    ].join('\n');
    const strict = { ...DEFAULT_CONFIG, strict: true };
    assert.deepEqual(lintCode(js, 'javascript', strict, parsers).findings.filter((f) => f.ruleId === 'missing-precondition'), []);
    const named = js.replace(/\{ key \}/, '{ calendarId: key, eventId: key }').replace('{ key, value', '{ calendarId: key, eventId: key, value');
    const findings = lintCode(named, 'javascript', strict, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /'If-Match': event\.etag/);
  });

  it('an Octokit write without sha only creates (GitHub refuses to replace a file without one): no finding in strict mode', () => {
    const js = [
      "const { Octokit } = require('octokit');",
      'const gh = new Octokit();',
      'async function open(day) {',
      "  await gh.rest.repos.createOrUpdateFileContents({ owner: 'o', repo: 'r', path: `days/${day}.md`, message: 'm', content: 'eA==' });",
      '}',
    ].join('\n');
    const findings = lintCode(js, 'javascript', { ...DEFAULT_CONFIG, strict: true }, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.deepEqual(findings, []);
  });
  it('a DynamoDB write carrying a ConditionExpression is guarded, and attribute_not_exists only creates: no finding in strict mode', () => {
    const py = [
      'import boto3',
      "stock = boto3.resource('dynamodb').Table('stock')",
      'def take(sku):',
      "    got = stock.get_item(Key={'sku': sku})",
      "    left = got['Item']['left'] - 1",
      "    stock.put_item(Item={'sku': sku, 'left': left}, ConditionExpression='left = :seen', ExpressionAttributeValues={':seen': got['Item']['left']})",
      '',
    ].join('\n');
    const strict = { ...DEFAULT_CONFIG, strict: true };
    const of = (text: string) => lintCode(text, 'python', strict, parsers).findings.filter((f) => f.ruleId === 'missing-precondition' || f.ruleId === 'hardcoded-etag' || f.ruleId === 'invalid-etag');
    assert.deepEqual(of(py), []);
    assert.deepEqual(of(py.replace("'left = :seen'", "'attribute_not_exists(sku)'")), []);
    const bare = of(py.replace(/, ConditionExpression=.*\)$/m, ')'));
    assert.equal(bare.length, 1);
    assert.match(bare[0].message, /ConditionExpression/);
  });

  it('boto3 names the service a client is for: a DynamoDB table\'s put_item is no S3 call, and an S3 client keeps its calls', () => {
    const py = [
      'import boto3',
      "db = boto3.client('dynamodb')",
      "s3 = boto3.client('s3')",
      'def copy(k):',
      "    got = db.get_item(TableName='t', Key={'k': {'S': k}})",
      "    db.put_item(TableName='t', Item={'k': {'S': k}, 'n': {'N': str(int(got['Item']['n']['N']) + 1)}})",
      "    body = s3.get_object(Bucket='b', Key=k)['Body'].read()",
      "    s3.put_object(Bucket='b', Key=k, Body=body)",
      '',
    ].join('\n');
    const findings = lintCode(py, 'python', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.deepEqual(findings.map((f) => f.range.start.line), [5, 7]);
    assert.match(findings[0].message, /ConditionExpression/);
    assert.match(findings[1].message, /IfMatch/);
  });
});
