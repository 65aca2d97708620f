/**
 * Read-only checks on what sits between the resource and its clients: a compressed representation with its own
 * ETag that If-Match then rejects (Apache mod_deflate, bug 45023), a compressed response without
 * `Vary: Accept-Encoding`, and caches that answer in the origin's place.
 */
import { intermediaryHeaders } from '../../engine/explain/cache';
import { header, type ProbeReply } from './probe-client';
import { etagOf, ok, verdict, type Check } from './context';

function encodingOf(reply: ProbeReply): string | undefined {
  const value = header(reply, 'content-encoding')?.trim().toLowerCase();
  return value && value !== 'identity' ? value : undefined;
}

export const encodingChangesEtag: Check = async ({ client, settled, gzip }) => {
  const identityTag = header(settled, 'etag');
  const gzipTag = header(gzip, 'etag');
  const evidence = [settled.line, gzip.line];
  if (!ok(gzip.status)) return [verdict('encoding-changes-etag', 'skipped', `The gzip read got ${gzip.status}.`, evidence)];
  if (!encodingOf(gzip)) {
    return [verdict('encoding-changes-etag', 'info', 'With Accept-Encoding: gzip the response was not compressed: every client gets the identity ETag.', evidence)];
  }
  if (gzipTag === undefined || !etagOf(gzip)) return [verdict('encoding-changes-etag', 'skipped', 'The compressed response has no usable ETag.', evidence)];
  if (gzipTag === identityTag) {
    return [verdict('encoding-changes-etag', 'pass', `The ${encodingOf(gzip)} and identity representations share the ETag ${gzipTag}: If-Match works whichever a client read.`, evidence)];
  }
  // Would a client that read with gzip be able to write? A GET with If-Match asks without changing anything.
  const tried = await client.get([['Accept-Encoding', 'gzip'], ['If-Match', gzipTag]]);
  evidence.push(tried.line);
  const differs = `With Accept-Encoding: gzip the ETag is ${gzipTag}, without it ${identityTag ?? 'absent'}`;
  if (tried.status === 412) {
    return [verdict('encoding-changes-etag', 'fail', `${differs}, and If-Match with the gzip ETag gets 412: clients that read compressed cannot write.`, evidence)];
  }
  if (ok(tried.status)) return [verdict('encoding-changes-etag', 'pass', `${differs}; If-Match accepts the gzip ETag (${tried.status}).`, evidence)];
  return [verdict('encoding-changes-etag', 'warn', `${differs}; If-Match with the gzip ETag gets ${tried.status}.`, evidence)];
};

export const varyAcceptEncoding: Check = async ({ gzip }) => {
  const encoding = encodingOf(gzip);
  if (!ok(gzip.status) || !encoding) return [verdict('vary-accept-encoding', 'skipped', 'The response was not compressed: nothing varies by encoding.', [gzip.line])];
  const vary = (header(gzip, 'vary') ?? '').toLowerCase().split(',').map((v) => v.trim());
  if (vary.includes('accept-encoding') || vary.includes('*')) {
    return [verdict('vary-accept-encoding', 'pass', `The ${encoding} response says Vary: ${header(gzip, 'vary')}.`, [gzip.line])];
  }
  return [verdict('vary-accept-encoding', 'warn', `The ${encoding} response does not say Vary: Accept-Encoding.`, [gzip.line])];
};

export const cacheInPath: Check = async ({ client }) => {
  const seen = new Set<string>();
  for (const reply of client.replies) {
    const flat = Object.fromEntries(Object.entries(reply.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
    for (const line of intermediaryHeaders({ headers: flat })) seen.add(line);
  }
  if (seen.size === 0) return [verdict('cache-in-path', 'pass', `No Age, Via, X-Cache or CF-Cache-Status in ${client.replies.length} responses: no cache seen.`)];
  return [verdict('cache-in-path', 'warn', 'A cache or proxy is in the path (the probe asked it to revalidate with Cache-Control: no-cache).', [...seen])];
};
