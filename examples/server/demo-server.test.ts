// End-to-end tests of the demo API over real HTTP (global fetch, Node 20).
// The clock is injected so Last-Modified, Date and the weak-ETag window are deterministic.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, DemoServer } from './demo-server';
import { formatHttpDate } from './http-date';

const START = Date.UTC(2025, 5, 2, 12, 0, 0, 250);
let now = START;
let server: DemoServer;

before(async () => {
  server = await startDemoServer({ clock: () => now, weakWindowMs: 1000 });
});
after(() => server.close());
beforeEach(async () => {
  now = START;
  const res = await fetch(`${server.url}/admin/reset`, { method: 'POST' });
  assert.equal(res.status, 204);
});

// Identity by default: Node's fetch silently adds `Accept-Encoding: gzip, deflate`, which
// would trigger the /gzip trap everywhere. Tests that want gzip ask for it explicitly.
function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(server.url + path, { ...init, headers: { 'Accept-Encoding': 'identity', ...init.headers } });
}

function put(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

async function etagOf(path: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await call(path, { headers });
  assert.equal(res.status, 200);
  await res.arrayBuffer();
  const tag = res.headers.get('etag');
  assert.ok(tag, `${path} should have an ETag`);
  return tag;
}

async function problemOf(res: Response): Promise<Record<string, unknown>> {
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return (await res.json()) as Record<string, unknown>;
}

const STRONG = /^"[0-9a-f]{16}"$/;
const SEED_LAST_MODIFIED = formatHttpDate(START - 60 * 60 * 1000);

describe('reads', () => {
  it('GET returns the seeded item with a strong ETag, Last-Modified and Date', async () => {
    const res = await call('/items/1');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { id: 1, name: 'Widget', price: 10 });
    assert.match(res.headers.get('etag') ?? '', STRONG);
    assert.equal(res.headers.get('last-modified'), SEED_LAST_MODIFIED);
    assert.equal(res.headers.get('date'), formatHttpDate(START));
    assert.equal(res.headers.get('content-type'), 'application/json');
  });

  it('HEAD returns the GET headers without a body', async () => {
    const get = await call('/items/2');
    const getBody = await get.text();
    const head = await call('/items/2', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), get.headers.get('etag'));
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(getBody)));
    assert.equal(await head.text(), '');
  });

  it('If-None-Match with the current tag (weak comparison) gives 304 with the ETag', async () => {
    const tag = await etagOf('/items/1');
    for (const sent of [tag, `W/${tag}`, `"nope", ${tag}`, '*']) {
      const res = await call('/items/1', { headers: { 'If-None-Match': sent } });
      assert.equal(res.status, 304, `If-None-Match: ${sent}`);
      assert.equal(res.headers.get('etag'), tag);
    }
    const changed = await call('/items/1', { headers: { 'If-None-Match': '"stale"' } });
    assert.equal(changed.status, 200);
  });

  it('If-Modified-Since gives 304 when not modified since, 200 otherwise', async () => {
    const notModified = await call('/items/1', { headers: { 'If-Modified-Since': SEED_LAST_MODIFIED } });
    assert.equal(notModified.status, 304);
    const earlier = formatHttpDate(START - 2 * 60 * 60 * 1000);
    const modified = await call('/items/1', { headers: { 'If-Modified-Since': earlier } });
    assert.equal(modified.status, 200);
    // ISO 8601 is not an HTTP-date (Date.parse would accept it): ignored, so a full 200.
    const invalid = await call('/items/1', { headers: { 'If-Modified-Since': '2030-01-01T00:00:00Z' } });
    assert.equal(invalid.status, 200, 'an invalid date is ignored');
  });

  it('If-Modified-Since is ignored when If-None-Match is present', async () => {
    const res = await call('/items/1', {
      headers: { 'If-None-Match': '"other"', 'If-Modified-Since': SEED_LAST_MODIFIED },
    });
    assert.equal(res.status, 200);
  });

  it('GET on a missing item is 404 even with preconditions', async () => {
    const res = await call('/items/404', { headers: { 'If-None-Match': '*' } });
    assert.equal(res.status, 404);
  });
});

describe('If-Match on writes', () => {
  it('PUT with the current If-Match succeeds and returns the new ETag and Last-Modified', async () => {
    const before = await etagOf('/items/1');
    now += 5000;
    const res = await put('/items/1', { name: 'Widget', price: 12 }, { 'If-Match': before });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { id: 1, name: 'Widget', price: 12 });
    const after = res.headers.get('etag');
    assert.match(after ?? '', STRONG);
    assert.notEqual(after, before);
    assert.equal(res.headers.get('last-modified'), formatHttpDate(now));
    assert.equal(await etagOf('/items/1'), after, 'the returned ETag is the one GET now reports');
  });

  it('Prefer: return=minimal gives 204 but still the new ETag', async () => {
    const tag = await etagOf('/items/1');
    const res = await put('/items/1', { name: 'W' }, { 'If-Match': tag, Prefer: 'return=minimal' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('etag'), await etagOf('/items/1'));
  });

  it('PUT with a stale If-Match is 412 and changes nothing', async () => {
    const stale = await etagOf('/items/1');
    assert.equal((await put('/items/1', { name: 'First' }, { 'If-Match': stale })).status, 200);
    const res = await put('/items/1', { name: 'Second' }, { 'If-Match': stale });
    assert.equal(res.status, 412);
    const body = await problemOf(res);
    assert.equal(body.failedPrecondition, 'If-Match');
    assert.match(String(body.detail), /changed since you read it/);
    assert.equal(((await (await call('/items/1')).json()) as { name: string }).name, 'First');
  });

  it('If-Match accepts a list and matches any member', async () => {
    const tag = await etagOf('/items/2');
    const res = await put('/items/2', { name: 'x' }, { 'If-Match': `"old", ${tag}` });
    assert.equal(res.status, 200);
  });

  it('a weak tag in If-Match never matches (strong comparison)', async () => {
    const tag = await etagOf('/items/1');
    const res = await put('/items/1', { name: 'x' }, { 'If-Match': `W/${tag}` });
    assert.equal(res.status, 412);
    assert.match(String((await problemOf(res)).detail), /weak/);
  });

  it('an unquoted entity-tag never matches', async () => {
    const tag = await etagOf('/items/1');
    const res = await put('/items/1', { name: 'x' }, { 'If-Match': tag.replace(/"/g, '') });
    assert.equal(res.status, 412);
    assert.match(String((await problemOf(res)).detail), /quoted/);
  });

  it('If-Match: * fails on a missing item and creates nothing', async () => {
    const res = await put('/items/77', { name: 'ghost' }, { 'If-Match': '*' });
    assert.equal(res.status, 412);
    assert.equal((await call('/items/77')).status, 404);
  });

  it('If-Match: * succeeds on an existing item', async () => {
    const res = await put('/items/2', { name: 'any' }, { 'If-Match': '*' });
    assert.equal(res.status, 200);
  });
});

describe('If-None-Match: * (create only)', () => {
  it('creates with 201 + Location + ETag, then refuses to overwrite with 412', async () => {
    const created = await put('/items/new', { name: 'Fresh' }, { 'If-None-Match': '*' });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('location'), '/items/new');
    assert.match(created.headers.get('etag') ?? '', STRONG);
    assert.deepEqual(await created.json(), { id: 'new', name: 'Fresh' });

    const again = await put('/items/new', { name: 'Clobber' }, { 'If-None-Match': '*' });
    assert.equal(again.status, 412);
    assert.equal((await problemOf(again)).failedPrecondition, 'If-None-Match');
  });
});

describe('If-Unmodified-Since', () => {
  it('a date before the last modification gives 412', async () => {
    const res = await put('/items/1', { name: 'x' }, { 'If-Unmodified-Since': formatHttpDate(START - 2 * 3600_000) });
    assert.equal(res.status, 412);
    assert.equal((await problemOf(res)).failedPrecondition, 'If-Unmodified-Since');
  });

  it('the Last-Modified date itself or a later one lets the write through', async () => {
    assert.equal((await put('/items/1', { name: 'a' }, { 'If-Unmodified-Since': SEED_LAST_MODIFIED })).status, 200);
    now += 10_000;
    const future = formatHttpDate(now + 3600_000);
    assert.equal((await put('/items/1', { name: 'b' }, { 'If-Unmodified-Since': future })).status, 200);
  });

  it('is ignored when If-Match is present', async () => {
    const tag = await etagOf('/items/1');
    const past = formatHttpDate(START - 2 * 3600_000);
    const res = await put('/items/1', { name: 'x' }, { 'If-Match': tag, 'If-Unmodified-Since': past });
    assert.equal(res.status, 200);
  });

  it('is ignored when the date is invalid', async () => {
    // A lenient parser (Date.parse) would read this as a past date and answer 412.
    for (const value of ['2000-01-01T00:00:00Z', 'last tuesday']) {
      const res = await put('/items/1', { name: 'x' }, { 'If-Unmodified-Since': value });
      assert.equal(res.status, 200, value);
    }
  });
});

describe('DELETE', () => {
  it('is conditional: stale If-Match 412, current If-Match 204, then 404', async () => {
    const tag = await etagOf('/items/3');
    const stale = await call('/items/3', { method: 'DELETE', headers: { 'If-Match': '"0000000000000000"' } });
    assert.equal(stale.status, 412);
    assert.equal((await call('/items/3')).status, 200, 'still there after the 412');

    const ok = await call('/items/3', { method: 'DELETE', headers: { 'If-Match': tag } });
    assert.equal(ok.status, 204);
    assert.equal((await call('/items/3')).status, 404);
    const gone = await call('/items/3', { method: 'DELETE', headers: { 'If-Match': tag } });
    assert.equal(gone.status, 404, 'preconditions are ignored when the answer would be 404');
  });
});

describe('PATCH', () => {
  it('merge-patch is recursive and null deletes; application/json merges shallowly', async () => {
    let tag = await etagOf('/items/3');
    const merge = await call('/items/3', {
      method: 'PATCH',
      body: JSON.stringify({ tags: null, stock: { eu: 1 } }),
      headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': tag },
    });
    assert.equal(merge.status, 200);
    assert.deepEqual(await merge.json(), { id: 3, name: 'Gizmo', price: 7, stock: { eu: 1 } });
    tag = merge.headers.get('etag') ?? '';

    const shallow = await call('/items/3', {
      method: 'PATCH',
      body: JSON.stringify({ stock: { us: 2 } }),
      headers: { 'Content-Type': 'application/json', 'If-Match': tag },
    });
    assert.equal(shallow.status, 200);
    assert.deepEqual(await shallow.json(), { id: 3, name: 'Gizmo', price: 7, stock: { us: 2 } });
  });

  it('PATCH with a stale tag is 412 and an unknown media type is 415', async () => {
    const stale = await call('/items/1', {
      method: 'PATCH',
      body: '{"price":1}',
      headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"stale"' },
    });
    assert.equal(stale.status, 412);
    const wrongType = await call('/items/1', { method: 'PATCH', body: 'price=1', headers: { 'Content-Type': 'text/plain' } });
    assert.equal(wrongType.status, 415);
    assert.match(wrongType.headers.get('accept-patch') ?? '', /merge-patch/);
  });
});

describe('POST /items', () => {
  it('creates with 201, Location and ETag', async () => {
    const res = await call('/items', {
      method: 'POST',
      body: JSON.stringify({ name: 'Doohickey', price: 3 }),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(res.status, 201);
    const location = res.headers.get('location');
    assert.equal(location, '/items/4');
    assert.match(res.headers.get('etag') ?? '', STRONG);
    assert.equal(await etagOf(location), res.headers.get('etag'));
  });
});

describe('/strict requires preconditions', () => {
  it('unconditional writes get 428 with a problem body pointing at If-Match', async () => {
    const res = await put('/strict/items/1', { name: 'x' });
    assert.equal(res.status, 428);
    const body = await problemOf(res);
    assert.equal(body.status, 428);
    assert.match(String(body.detail), /If-Match/);
    const del = await call('/strict/items/1', { method: 'DELETE' });
    assert.equal(del.status, 428);
  });

  it('conditional writes go through, and reads stay unconditional', async () => {
    const get = await call('/strict/items/1');
    assert.equal(get.status, 200);
    await get.arrayBuffer();
    const res = await put('/strict/items/1', { name: 'x' }, { 'If-Match': get.headers.get('etag') ?? '' });
    assert.equal(res.status, 200);
    const create = await put('/strict/items/9', { name: 'y' }, { 'If-None-Match': '*' });
    assert.equal(create.status, 201);
  });
});

describe('/weak-window (Apache mod_dav)', () => {
  it('serves the strong ETag for items written long ago', async () => {
    assert.match(await etagOf('/weak-window/items/1'), STRONG);
  });

  it('right after a write: weak ETag, no If-Match can succeed; after the window: strong again', async () => {
    const strong = await etagOf('/weak-window/items/1');
    const write = await put('/weak-window/items/1', { name: 'Renamed' }, { 'If-Match': strong });
    assert.equal(write.status, 204);
    assert.equal(write.headers.get('etag'), null, 'like Apache, no ETag on the write response');

    now += 400; // still inside the 1 s window
    const weak = await etagOf('/weak-window/items/1');
    assert.match(weak, /^W\/"[0-9a-f]{16}"$/);
    const strongForm = weak.slice(2);
    assert.equal(await etagOf('/items/1'), strongForm, 'the plain route shows the same tag, strong');

    for (const tag of [weak, strongForm]) {
      const res = await put('/weak-window/items/1', { name: 'Again' }, { 'If-Match': tag });
      assert.equal(res.status, 412, `If-Match: ${tag} inside the window`);
    }
    const revalidate = await call('/weak-window/items/1', { headers: { 'If-None-Match': weak } });
    assert.equal(revalidate.status, 304, 'If-None-Match uses weak comparison, so it still works');

    now += 600; // window over
    assert.equal(await etagOf('/weak-window/items/1'), strongForm);
    const res = await put('/weak-window/items/1', { name: 'Again' }, { 'If-Match': strongForm });
    assert.equal(res.status, 204);
  });

  it('If-Match: * still succeeds inside the window', async () => {
    assert.equal((await put('/weak-window/items/2', { name: 'a' }, { 'If-Match': '*' })).status, 204);
    now += 100;
    assert.equal((await put('/weak-window/items/2', { name: 'b' }, { 'If-Match': '*' })).status, 204);
  });
});

describe('/gzip (Apache mod_deflate bug 45023)', () => {
  it('gzip responses carry a "-gzip" suffixed ETag that If-Match then rejects', async () => {
    const identity = await etagOf('/gzip/items/1');
    assert.match(identity, STRONG);

    const gz = await call('/gzip/items/1', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.status, 200);
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gz.headers.get('vary'), 'Accept-Encoding');
    assert.deepEqual(await gz.json(), { id: 1, name: 'Widget', price: 10 }, 'fetch decodes the body');
    const suffixed = gz.headers.get('etag');
    assert.equal(suffixed, `${identity.slice(0, -1)}-gzip"`);

    const rejected = await put('/gzip/items/1', { name: 'x' }, { 'If-Match': suffixed ?? '' });
    assert.equal(rejected.status, 412, 'nothing changed, yet the suffixed tag fails');

    const accepted = await put('/gzip/items/1', { name: 'x' }, { 'If-Match': identity });
    assert.equal(accepted.status, 200, 'the identity ETag works');
  });

  it('the suffixed tag also defeats conditional GET (200 instead of 304)', async () => {
    const gz = await call('/gzip/items/1', { headers: { 'Accept-Encoding': 'gzip' } });
    await gz.arrayBuffer();
    const again = await call('/gzip/items/1', {
      headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': gz.headers.get('etag') ?? '' },
    });
    assert.equal(again.status, 200);
    await again.arrayBuffer();
  });

  it('Accept-Encoding: gzip;q=0 is not acceptance', async () => {
    assert.match(await etagOf('/gzip/items/1', { 'Accept-Encoding': 'gzip;q=0' }), STRONG);
  });
});

describe('/admin/reset', () => {
  it('restores the seed data, tags and dates, and drops created items', async () => {
    const seedTag = await etagOf('/items/1');
    assert.equal((await put('/items/1', { name: 'Changed' }, { 'If-Match': seedTag })).status, 200);
    assert.equal((await put('/items/50', { name: 'New' })).status, 201);
    assert.notEqual(await etagOf('/items/1'), seedTag);

    assert.equal((await call('/admin/reset', { method: 'POST' })).status, 204);
    const res = await call('/items/1');
    assert.equal(res.headers.get('etag'), seedTag);
    assert.equal(res.headers.get('last-modified'), SEED_LAST_MODIFIED);
    assert.deepEqual(await res.json(), { id: 1, name: 'Widget', price: 10 });
    assert.equal((await call('/items/50')).status, 404);
  });

  it('only accepts POST', async () => {
    const res = await call('/admin/reset');
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
  });
});

describe('error handling', () => {
  it('bad JSON is a 400 with a clear message', async () => {
    const res = await call('/items/1', { method: 'PUT', body: '{"name": ', headers: { 'Content-Type': 'application/json' } });
    assert.equal(res.status, 400);
    assert.match(String((await problemOf(res)).detail), /not valid JSON/);
    const notObject = await put('/items/1', [1, 2]);
    assert.equal(notObject.status, 400);
    assert.match(String((await problemOf(notObject)).detail), /JSON object/);
  });

  it('unknown routes are 404 and unsupported methods 405 with Allow', async () => {
    assert.equal((await call('/nope')).status, 404);
    assert.equal((await call('/items/1/extra')).status, 404);
    assert.equal((await call('/strict')).status, 404);
    const res = await call('/items/1', { method: 'POST', body: '{}' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD, PUT, PATCH, DELETE');
  });

  it('bodies over 1 MB are refused with 413 (declared Content-Length)', async () => {
    const res = await put('/items/1', { name: 'x'.repeat(1024 * 1024) });
    assert.equal(res.status, 413);
    await res.arrayBuffer();
  });

  it('bodies over 1 MB are refused with 413 (chunked, no Content-Length)', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 17 × 64 KiB = just over 1 MiB, streamed so the server cannot know the size up front.
        if (sent++ < 17) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${server.url}/items/1`, {
      method: 'PUT',
      body,
      duplex: 'half',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(res.status, 413);
    await res.arrayBuffer();
    assert.equal((await call('/items/1')).status, 200, 'server still serving');
  });

  it('a malformed request target does not crash the server', async () => {
    assert.equal((await call('/items/%E0%A4%A')).status, 400);
    assert.equal((await call('/items/1')).status, 200);
  });

  it('GET / lists the routes', async () => {
    const res = await call('/');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { routes: Array<{ path: string }> };
    assert.deepEqual(
      body.routes.map((r) => r.path),
      ['/items/{id}', '/strict/items/{id}', '/weak-window/items/{id}', '/gzip/items/{id}'],
    );
  });
});
