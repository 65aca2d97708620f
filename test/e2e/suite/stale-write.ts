// The stale write of `stale-write.http` (If-Match with a tag the demo API never served), sent through its lens:
// the starting point of the 412 tests in runner.test.ts and refresh-and-retry.test.ts.
import * as assert from 'assert';
import { demoApi } from './demo-api';
import { send } from './runner-util';
import { describeDiagnostics, fixture, hasCode, waitForDiagnostics, withCode } from './util';

/** The If-Match value stale-write.http sends. */
export const STALE_TAG = '"0123456789abcdef"';

/** Sends the stale PUT, checks it got 412, and waits for the one precondition-failed diagnostic on its line. */
export async function staleWrite() {
  const base = await demoApi();
  const uri = fixture('stale-write.http');
  const diagnosed = waitForDiagnostics(uri, hasCode('precondition-failed'), 15_000, { afterEvent: true, what: 'precondition-failed after the 412' });
  diagnosed.catch(() => undefined); // awaited below, after the send
  const { doc, line, exchanges } = await send('stale-write.http', /^PUT /);
  assert.deepStrictEqual(exchanges.map((e) => e.response?.status), [412]);
  const diagnostics = withCode(await diagnosed, 'precondition-failed');
  assert.strictEqual(diagnostics.length, 1, describeDiagnostics(diagnostics));
  assert.strictEqual(diagnostics[0].range.start.line, line, 'the diagnostic is not on the request line');
  return { base, doc, uri, line, exchanges, diagnostic: diagnostics[0], itemUrl: `${base}/items/2` };
}
