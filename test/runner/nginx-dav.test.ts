// The runner against a real nginx with the DAV module (test/servers/nginx-dav.sh). nginx does NOT evaluate
// If-Match / If-None-Match on PUT and DELETE: these tests pin that real behaviour, which is why etag-guard
// warns about servers that silently ignore preconditions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startNginxDav } from '../servers/real-servers';
import { useRealServer } from './real-server-session';

describe('runner against nginx dav_methods', () => {
  const { run } = useRealServer(startNginxDav);

  it('ignores a stale If-Match on PUT: the write goes through (real behaviour, not a runner bug)', async () => {
    await run('PUT {{base}}/dav/item.txt\nContent-Type: text/plain\n\nv1');
    const [stale] = await run('PUT {{base}}/dav/item.txt\nIf-Match: "not-the-current-tag"\nContent-Type: text/plain\n\nv2');
    assert.equal(stale.response?.status, 204);
    const [read] = await run('GET {{base}}/dav/item.txt');
    assert.equal(read.response?.body.toString(), 'v2');
  });

  it('ignores If-None-Match: * on PUT of an existing file', async () => {
    const [create] = await run('PUT {{base}}/dav/item.txt\nIf-None-Match: *\nContent-Type: text/plain\n\nv3');
    assert.equal(create.response?.status, 204);
  });

  it('does evaluate preconditions on GET (304 for the current ETag, 412 for a stale If-Match)', async () => {
    const results = await run([
      '# @name read', 'GET {{base}}/dav/item.txt', '###',
      'GET {{base}}/dav/item.txt', 'If-None-Match: {{read.response.headers.etag}}', '###',
      'GET {{base}}/dav/item.txt', 'If-Match: "stale"',
    ].join('\n'));
    assert.deepEqual(results.map((r) => r.response?.status), [200, 304, 412]);
  });
});
