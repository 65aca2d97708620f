import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exchange } from '../executor';
import { addToHistory, historyEntry, HISTORY_LIMIT } from './history-entry';

describe('history entries', () => {
  const exchange = {
    name: 'login', line: 4, startedAt: 1000, warnings: [], attempts: [],
    request: { method: 'POST', url: 'https://api.test/login?api_key=secret&x=1', headers: [['Authorization', 'Bearer t']], body: '{"password":"p"}' },
    response: { status: 200, statusText: 'OK', headers: {}, size: 0 }, timings: { totalMs: 12.4, waitMs: 10, downloadMs: 1 },
  } as unknown as Exchange;

  it('keeps a masked summary and a masked trace: secret parameters, credentials and secret body fields hidden', () => {
    const { trace, ...entry } = historyEntry('file:///w/a.http', exchange);
    assert.deepEqual(entry, {
      uri: 'file:///w/a.http', line: 4, name: 'login', method: 'POST', url: 'https://api.test/login?api_key=•••&x=1',
      status: 200, error: undefined, durationMs: 12, at: 1000,
    });
    assert.deepEqual(trace?.request.headers, [['Authorization', 'Bearer •••']]);
    assert.equal(trace?.request.bodyPreview, '{"password":"•••"}');
    assert.doesNotMatch(JSON.stringify({ entry, trace }), /secret|Bearer t|"p"/);
  });

  it('puts the newest first and keeps the last 50', () => {
    let entries = [] as ReturnType<typeof addToHistory>;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) entries = addToHistory(entries, { ...historyEntry('u', exchange), at: i });
    assert.equal(entries.length, 50);
    assert.equal(entries[0].at, HISTORY_LIMIT + 4);
  });
});
