import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { resourceKey, resourceKeyOf } from './target';

describe('resource keys (model/target.ts)', () => {
  it('keeps a URL that is already its own key, and normalises the others as before', () => {
    const cases: Array<[string, string]> = [
      // Already keys: returned as they are.
      ['https://api.example.com/items/7', 'https://api.example.com/items/7'],
      ['{{base}}/items/{{id}}', '{{base}}/items/{{id}}'],
      ['/items/Mixed/Case', '/items/Mixed/Case'],
      ['https://api.example.com', 'https://api.example.com'],
      // Scheme and host lower-cased, the path kept.
      ['HTTPS://API.Example.com/Items/7', 'https://api.example.com/Items/7'],
      ['https://bücher.example/Ä', 'https://bücher.example/Ä'],
      ['https://BÜCHER.example/x', 'https://bücher.example/x'],
      // Query, fragment, trailing slash and surrounding spaces dropped; a `#{` is an expression, not a fragment.
      ['https://api.example.com/items/7?x=1', 'https://api.example.com/items/7'],
      ['https://api.example.com/items/7#top', 'https://api.example.com/items/7'],
      ['https://api.example.com/items/#{id}', 'https://api.example.com/items/#{id}'],
      ['https://api.example.com/items/', 'https://api.example.com/items'],
      ['  https://api.example.com/items  ', 'https://api.example.com/items'],
      ['/', '/'],
      // Not a scheme (a colon before it): nothing lower-cased.
      ['a:B://Host/x', 'a:B://Host/x'],
      // Google's media upload names the resource its metadata URI names.
      ['https://www.googleapis.com/upload/drive/v3/files/1', 'https://www.googleapis.com/drive/v3/files/1'],
    ];
    for (const [url, key] of cases) assert.equal(resourceKey(url), key, url);
  });

  it('takes the short way only for URLs the long way would give back unchanged (random URL-like texts)', () => {
    // Texts shaped like URLs (a start, a separator, an authority, a path) from pieces that decide the short way:
    // case and non-ASCII before and after the separator, a second separator, slashes, spaces, query, fragment, upload.
    const starts = ['', 'http', 'HTTP', 'hTtp', ' ', 'a/b', '{{base}}', 'É'];
    const separators = ['', '://', ':', '/', ':///'];
    const authority = ['a', 'api.test', 'B', 'ü', 'É', '\uD83D\uDE00', ':8080', '@', '{{host}}', '://', ' '];
    const path = ['', '/', '/x', '/Y', '/ä', '?q=1', '#top', '#{id}', '/googleapis.com/upload/', ' ', '//', '://Z'];
    let seed = 7;
    const pick = (list: readonly string[]): string => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
    for (let i = 0; i < 20000; i++) {
      let url = pick(starts) + pick(separators);
      for (let k = i % 3; k >= 0; k--) url += pick(authority);
      for (let k = i % 4; k > 0; k--) url += pick(path);
      assert.equal(resourceKey(url), resourceKeyOf(url), JSON.stringify(url));
    }
  });
});
