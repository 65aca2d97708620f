/** Route templates (route.ts `routeOf`): which segments name one item, and the shape of the template. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { distinctRunTimeUrls, placeOf, routeKeyOf, routeOf, routePlaceOf } from './route';

describe('routeOf', () => {
  it('keeps collection names and turns id-like segments into {}', () => {
    assert.equal(routeOf('/items/7'), '/items/{}');
    assert.equal(routeOf('/items/7/notes'), '/items/{}/notes');
    assert.equal(routeOf('/items/{{id}}'), '/items/{}');
    assert.equal(routeOf('/items/{id}/tags/:tag'), '/items/{}/tags/{}');
    assert.equal(routeOf('/files/0f8fad5b-d9cb-469f-a165-70867728950e'), '/files/{}');
    assert.equal(routeOf('/files/0F8FAD5B-D9CB-469F-A165-70867728950E'), '/files/{}');
    assert.equal(routeOf('/objects/5f1a2b3c4d5e6f708192'), '/objects/{}');
    assert.equal(routeOf('/objects/a_long-name-with-1'), '/objects/{}');
  });

  it('keeps what only looks like an id', () => {
    assert.equal(routeOf('/items/12a'), '/items/12a');
    assert.equal(routeOf('/v2/items'), '/v2/items');
    assert.equal(routeOf('/objects/a-long-name-without-digits'), '/objects/a-long-name-without-digits');
    assert.equal(routeOf('/objects/5f1a2b3c.4d5e6f708192'), '/objects/5f1a2b3c.4d5e6f708192');
    // 36 characters shaped like a uuid, with a dot no id holds.
    assert.equal(routeOf('/files/0f8fad5b-d9cb-469f-a165-7086772895.e'), '/files/0f8fad5b-d9cb-469f-a165-7086772895.e');
    assert.equal(routeOf('/n/١٢٣'), '/n/١٢٣');
  });

  it('drops empty segments and the trailing slash; the root is /', () => {
    assert.equal(routeOf(''), '/');
    assert.equal(routeOf('/'), '/');
    assert.equal(routeOf('//'), '/');
    assert.equal(routeOf('/items/7/'), '/items/{}');
    assert.equal(routeOf('//items//7'), '/items/{}');
    assert.equal(routeOf('items/7'), '/items/{}');
  });
});

describe('distinctRunTimeUrls', () => {
  it('tells apart URLs that are each one run-time expression, and only those', () => {
    const at = (origin: string, route = '/') => ({ origin, route });
    assert.equal(distinctRunTimeUrls(at('{{buildPath(key)}}'), at('{{buildPath(INDEX)}}')), true);
    assert.equal(distinctRunTimeUrls(at('{{buildPath(INDEX)}}'), at('{{buildPath(INDEX)}}')), false);
    // A path to compare, or a relative URL: the routes decide, as before.
    assert.equal(distinctRunTimeUrls(at('{{base}}', '/items/{}'), at('{{host}}', '/items/{}')), false);
    assert.equal(distinctRunTimeUrls(at(''), at('{{url}}')), false);
    assert.equal(distinctRunTimeUrls(at('https://a.example'), at('{{url}}')), false);
  });
});

/**
 * URLs at the edges of `splitUrl` and `routeOf` (N: digits): hosts and ports of digits, empty segments, queries,
 * fragments, templates, relative and bare URLs, digits inside other segments.
 */
const EDGE_SHAPES = [
  'http://H/items/N', 'http://N/items/N', 'http://N:N/N', 'HTTP://Host.Example:N/N/', 'file:///N/x', 'http://h//N/x',
  '  http://h/items/N  ', 'http://h/items/N?v=/N#/N', 'http://h/items/N#{N}', 'http://h/items/N#frag/N', '/N/items',
  '{{base}}/N', '{{base}}N/N', 'localhost/N', 'api.example.test:N/N', 'N/x', 'MY-HOST/N', 'http://h/vN/N', 'http://h/N.N/N',
  'http://h/items/N-N', 'http://user@N/N', 'http://h/:N/N', 'http://h/N{{x}}/N', 'http://h/N?', 'http://h/N#',
];

describe('routeKeyOf', () => {
  it('is shared by URLs that differ only in segments of digits', () => {
    assert.equal(routeKeyOf('http://127.0.0.1:3412/items/7'), routeKeyOf('http://127.0.0.1:3412/items/12'));
    assert.equal(routeKeyOf('{{base}}/items/7/notes?x=1'), routeKeyOf('{{base}}/items/8/notes?x=1'));
    assert.notEqual(routeKeyOf('https://a.example/items/7'), routeKeyOf('https://b.example/items/7'));
  });

  it('names one origin and route: URLs with the same key have the same place', () => {
    const urls = EDGE_SHAPES.flatMap((s) => ['1', '22', '007', '1234567890123456789'].map((n) => s.replaceAll('N', n)));
    const placeByKey = new Map<string, string>();
    let shared = 0;
    for (const url of urls) {
      const p = placeOf(url);
      const place = p ? `${p.origin} ${p.route}` : 'none';
      const key = routeKeyOf(url);
      const before = placeByKey.get(key);
      if (before === undefined) placeByKey.set(key, place);
      else {
        shared++;
        assert.equal(place, before, `${url} (key ${key})`);
      }
    }
    // Enough of them share one for the check to mean something.
    assert.ok(shared >= 20, `only ${shared} of ${urls.length} URLs shared a key`);
  });

  it('is itself a URL of its URLs\' origin and route (`routePlaceOf`), and of no place when they have none', () => {
    const shapes = [...EDGE_SHAPES, 'no url at all', 'N', '{{N}}', 'ftp:N', ' /N '];
    for (const url of shapes.flatMap((s) => ['1', '22', '1234567890123456789'].map((n) => s.replaceAll('N', n)))) {
      const p = placeOf(url);
      const k = routePlaceOf(url);
      assert.deepEqual(k && { origin: k.origin, route: k.route }, p && { origin: p.origin, route: p.route }, `${url} (key ${routeKeyOf(url)})`);
    }
  });
});
