/**
 * Read-only checks that send a precondition with a GET: the current ETag in If-None-Match must give 304, and a
 * tag that cannot match in If-Match must give 412 (RFC 9110 §13.1.1: the server MUST NOT perform the method).
 */
import { header } from './probe-client';
import { etagOf, mismatchTag, ok, verdict, type Check } from './context';

export const ifNoneMatchGet: Check = async ({ client, settled }) => {
  const etag = header(settled, 'etag');
  if (etag === undefined || !etagOf(settled)) return [verdict('if-none-match-get', 'skipped', 'No ETag to revalidate with.')];
  const reply = await client.get([['If-None-Match', etag]]);
  if (reply.status === 304) return [verdict('if-none-match-get', 'pass', `If-None-Match with the current ETag gets 304 Not Modified.`, [reply.line])];
  if (ok(reply.status)) {
    return [verdict('if-none-match-get', 'warn', `If-None-Match with the current ETag gets ${reply.status} and the whole body: conditional GET is not supported.`, [reply.line])];
  }
  return [verdict('if-none-match-get', 'warn', `If-None-Match with the current ETag gets ${reply.status}, not 304.`, [reply.line])];
};

export const ifMatchGetMismatch: Check = async ({ client }) => {
  const reply = await client.get([['If-Match', mismatchTag()]]);
  if (reply.status === 412) return [verdict('if-match-get-mismatch', 'pass', 'A GET with an If-Match that cannot match gets 412.', [reply.line])];
  if (ok(reply.status)) {
    return [verdict('if-match-get-mismatch', 'fail', `A GET with an If-Match that cannot match gets ${reply.status}: the server does not evaluate If-Match on GET.`, [reply.line])];
  }
  return [verdict('if-match-get-mismatch', 'warn', `A GET with an If-Match that cannot match gets ${reply.status}, not 412.`, [reply.line])];
};
