import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { parseHttp } from '../../engine';
import { Session } from './session';
import type { Exchange } from './types';
import { substitute, type ResolveScope } from './variables';

describe('substitute', () => {
  const session = new Session();
  after(() => session.close());

  function scope(text: string, index = 0, extra: Partial<ResolveScope> = {}): ResolveScope {
    const file = parseHttp(text);
    return {
      file, request: file.requests[index], environment: { env: 'from-env', host: 'env-host' }, overrides: {}, session,
      dynamic: { processEnv: { HOME_DIR: '/home/u' }, dotenv: (n) => (n === 'TOKEN' ? 't0k' : undefined), now: () => Date.UTC(2024, 0, 2, 3, 4, 5) },
      ...extra,
    };
  }

  it('prefers overrides, then block variables, then file variables (above the request), then the environment', async () => {
    const s = scope('@host = file-host\n@a = {{host}}/x\nGET http://{{a}}/{{env}}\n###\n@host = later\nGET http://x');
    assert.equal(await substitute('{{a}} {{env}}', s), 'file-host/x from-env');
    assert.equal(await substitute('{{host}}', { ...s, overrides: { host: 'cli' } }), 'cli');
  });

  it('gives dynamic values', async () => {
    const s = scope('GET http://x');
    assert.match(await substitute('{{$guid}}', s), /^[0-9a-f-]{36}$/);
    assert.equal(await substitute('{{$timestamp}}', s), String(Date.UTC(2024, 0, 2, 3, 4, 5) / 1000));
    assert.equal(await substitute('{{$datetime iso8601}}', s), '2024-01-02T03:04:05.000Z');
    assert.equal(await substitute('{{$datetime rfc1123 -1 d}}', s), 'Mon, 01 Jan 2024 03:04:05 GMT');
    const n = Number(await substitute('{{$randomInt 5 7}}', s));
    assert.ok(n === 5 || n === 6);
    assert.equal(await substitute('{{$processEnv HOME_DIR}} {{$dotenv TOKEN}}', s), '/home/u t0k');
  });

  it('reads response references of all dialects from the session', async () => {
    const exchange = {
      request: { method: 'GET', url: 'http://x', headers: [['Accept', 'a/b']] },
      response: { status: 200, statusText: 'OK', headers: { etag: '"v1"' }, body: Buffer.from('{"items":[{"id":4}]}'), size: 0, truncated: false, contentType: 'application/json' },
    } as unknown as Exchange;
    session.responses.set('get', exchange);
    const s = scope('GET http://x');
    assert.equal(await substitute('{{get.response.headers.ETag}}|{{getResponse.headers.etag}}|{{get.response.body.$.items[0].id}}|{{get.request.headers.accept}}', s),
      '"v1"|"v1"|4|a/b');
    await assert.rejects(substitute('{{get.response.headers.Missing}}', s), /has no Missing header/);
    await assert.rejects(substitute('{{other.response.headers.ETag}}', s), /has not run in this session/);
  });

  it('stops self-references and unknown names with a clear message', async () => {
    const s = scope('@a = {{b}}\n@b = {{a}}\nGET http://x');
    await assert.rejects(substitute('{{a}}', s), /nest more than 10 deep/);
    await assert.rejects(substitute('{{nope}}', s), /\{\{nope\}\} is not defined/);
    await assert.rejects(substitute('{{$nope}}', s), /Unknown system variable/);
  });
});
