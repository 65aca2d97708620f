import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { classifyTemplate, TemplateScan, templateSpans } from './templates';

/** What a scan of `text` visits, as `[source, open, close, kind]`. */
function walked(scan: TemplateScan, text: string): Array<[string, number, number, string]> {
  const seen: Array<[string, number, number, string]> = [];
  for (scan.reset(text); scan.next();) seen.push([scan.source, scan.open, scan.close, scan.parsed.kind]);
  return seen;
}

describe('template scan', () => {
  it('visits each template in order, trimmed and classified, and stops at an unclosed one', () => {
    const scan = new TemplateScan();
    assert.deepEqual(walked(scan, '{{host}}/orders/{{ order7.response.headers.ETag }}?t={{$timestamp}}&x={{'), [
      ['host', 0, 6, 'variable'],
      ['order7.response.headers.ETag', 16, 48, 'request-ref'],
      ['$timestamp', 53, 65, 'dynamic'],
    ]);
    // One walker serves the next text from its start.
    assert.deepEqual(walked(scan, 'Bearer {{secret}}'), [['secret', 7, 15, 'variable']]);
    assert.deepEqual(walked(scan, 'no templates here'), []);
  });

  it('gives the spans templateSpans lists', () => {
    const text = 'W/"{{tag}}" {{a}}{{b}} {{ }}';
    const spans = templateSpans(text).map((t) => [t.source, t.open, t.close, t.parsed.kind]);
    assert.deepEqual(walked(new TemplateScan(), text), spans);
    assert.equal(spans.length, 4);
  });

  it('remembers a variable\'s classification but not a reference\'s (each names its own request: it would only grow the memo)', () => {
    assert.equal(classifyTemplate('base'), classifyTemplate('base'));
    const ref = classifyTemplate('item7.response.headers.ETag');
    assert.deepEqual(ref, classifyTemplate('item7.response.headers.ETag'));
    assert.notEqual(ref, classifyTemplate('item7.response.headers.ETag'));
  });
});
