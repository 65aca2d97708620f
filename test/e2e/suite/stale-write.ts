// The stale write of `stale-write.http` (If-Match with a tag the demo API never served), sent through its lens:
// the starting point of the 412 tests in runner.test.ts and refresh-and-retry.test.ts.
import * as assert from 'assert';
import { demoApi } from './demo-api';
import { send, withPreconditionFailed } from './runner-util';
import { fixture } from './util';

/** The If-Match value stale-write.http sends. */
export const STALE_TAG = '"0123456789abcdef"';

/** Sends the stale PUT, checks it got 412, and waits for the one precondition-failed diagnostic on its line. */
export async function staleWrite() {
  const base = await demoApi();
  const { result, diagnostic } = await withPreconditionFailed(fixture('stale-write.http'), () => send('stale-write.http', /^PUT /));
  const { doc, uri, line, exchanges } = result;
  assert.deepStrictEqual(exchanges.map((e) => e.response?.status), [412]);
  assert.strictEqual(diagnostic.range.start.line, line, 'the diagnostic is not on the request line');
  return { base, doc, uri, line, exchanges, diagnostic, itemUrl: `${base}/items/2` };
}
