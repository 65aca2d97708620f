import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probeEvidence } from '../../engine/probe/evidence';
import type { ProbeResult } from '../../engine/probe/types';
import type { Exchange } from '../executor/types';
import { RunRecorder } from './recorder';

function probed(url: string): ProbeResult {
  return {
    url, probedAt: '2026-11-26T09:00:00.000Z', wrote: true, tool: 'etag-guard test',
    checks: [{ id: 'if-match-mismatch-write', status: 'fail', summary: 'A PUT … gets 204: the server ignored the precondition.', evidence: ['PUT /items/1 → 204'] }],
  };
}

function failing(url: string): Exchange {
  return {
    line: 4, startedAt: 0, warnings: [], attempts: [{ url, status: 412, headers: {} }],
    request: { method: 'PUT', url, headers: [['If-Match', '"v1"']] },
    response: { status: 412, statusText: '', headers: {}, body: Buffer.alloc(0), size: 0, truncated: false, contentType: '' },
    timings: { waitMs: 1, downloadMs: 0, totalMs: 1 },
  };
}

describe('412 incident report: probe appendix', () => {
  const meta = { file: 'a.http', generatedAt: 0, tool: 'etag-guard test', platform: 'test' };

  it('appends the stored probe of the failing request\'s server, the same path preferred', () => {
    const recorder = new RunRecorder();
    recorder.exchange(failing('http://api.test/items/1'));
    const probes = [probeEvidence(probed('http://api.test/items/2')), probeEvidence(probed('http://api.test/items/1')), probeEvidence(probed('http://other.test/items/1'))];
    const md = recorder.report({ ...meta, probes });
    const appendix = md.slice(md.indexOf('\n## Appendix: server precondition support\n'));
    assert.ok(appendix.length > 1 && appendix.includes('### Server precondition support — http://api.test/items/1\n'), md);
    assert.ok(appendix.includes('**Consequence:** The server ignores If-Match on PUT'), appendix);
    assert.ok(!appendix.includes('other.test') && !appendix.includes('/items/2'), 'only the best probe of that server');
  });

  it('has no appendix when no stored probe concerns the failing servers', () => {
    const recorder = new RunRecorder();
    recorder.exchange(failing('http://api.test/items/1'));
    assert.ok(!recorder.report({ ...meta, probes: [probeEvidence(probed('http://other.test/x'))] }).includes('Appendix'));
    assert.ok(!recorder.report(meta).includes('Appendix'));
  });
});
