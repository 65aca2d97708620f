import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { resourceKey } from './target';

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
});
