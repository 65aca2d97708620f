import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProbeResult } from '../../engine/probe/types';
import { renderProbeMarkdown } from './render-markdown';
import { renderProbeText } from './render-text';

const RESULT: ProbeResult = {
  url: 'http://dav.test/dav/doc.txt', probedAt: '2026-01-01T00:00:00.000Z', wrote: true, tool: 'etag-guard test',
  checks: [
    { id: 'etag-present', status: 'pass', summary: 'The response carries ETag "a".', evidence: ['GET /dav/doc.txt → 200 (etag: "a")'] },
    { id: 'if-match-mismatch-write', status: 'fail', summary: 'A PUT … gets 204 | wrote.', evidence: ['PUT /dav/doc.txt with If-Match: "x", 3 bytes → 204', 'GET /dav/doc.txt → 200'] },
    { id: 'precondition-required', status: 'skipped', summary: 'Not run.', evidence: [] },
  ],
};

describe('probe report card', () => {
  it('Markdown: a table of verdicts, then consequence and RFC reference for what failed, then the evidence', () => {
    const md = renderProbeMarkdown(RESULT);
    assert.match(md, /^# Server precondition support — http:\/\/dav\.test\/dav\/doc\.txt\n/);
    assert.ok(md.includes('| `if-match-mismatch-write` | ❌ fail | A PUT … gets 204 \\| wrote. |'), md);
    assert.ok(md.includes('## What this means for clients'), md);
    assert.ok(md.includes('**Consequence:** The server ignores If-Match on PUT: clients cannot prevent lost updates here, whatever they send.'), md);
    assert.ok(md.includes('**Reference:** [RFC 9110 §13.1.1](https://www.rfc-editor.org/rfc/rfc9110#section-13.1.1)'), md);
    assert.ok(md.includes('  - `PUT /dav/doc.txt with If-Match: "x", 3 bytes → 204`'), md);
    assert.ok(!md.includes('### `etag-present`'), 'a pass needs no explanation');
    assert.match(renderProbeMarkdown(RESULT, 2), /^## Server precondition support/);
  });

  it('terminal: status and id columns, evidence under failures only, a tally; colour only when asked', () => {
    const text = renderProbeText(RESULT, false);
    assert.ok(text.includes('  FAIL    if-match-mismatch-write  A PUT … gets 204 | wrote.'), text);
    assert.ok(text.includes('· PUT /dav/doc.txt with If-Match: "x", 3 bytes → 204'), text);
    assert.ok(!text.includes('· GET /dav/doc.txt → 200 (etag: "a")'), text);
    assert.match(text, /\n1 pass, 1 fail, 0 warn, 0 info, 1 skipped$/);
    assert.ok(!text.includes('\u001b['));
    assert.ok(renderProbeText(RESULT, true).includes('\u001b[31mFAIL'));
  });
});
