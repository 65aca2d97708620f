/**
 * Code that reads the ETag of a response (`res.headers.get('etag')`, `r.headers['ETag']`) knows the server versions
 * that resource, whatever it does with the tag: same-file evidence for the route of the request it read, so a
 * write there without a precondition warns (real code: a WebDAV bundle sync whose `listRemote()` HEADs the file and
 * returns its ETag while `uploadBundle()` PUTs it blind). The issue lists it among the same-file sources.
 */
import type { DocumentEvidence, RequestModel } from '../model/types';
import type { CodeContext } from './context';
import { etagReadOf, type RequestIndexOf } from './etag-flow';
import type { Node } from './syntax';
import { startLineOf } from '../text/span';

/** Where an ETag read may be written: `.get('etag')`, `.etag`, `['ETag']` (any case). */
const ETAG_READ = /\.\s*get\s*\(\s*['"]etag['"]|\.\s*etag\b|\[\s*['"]etag['"]\s*\]/gi;

const READ_TYPES = new Set(['call_expression', 'call', 'member_expression', 'subscript_expression', 'subscript']);

export function etagReadEvidence(requests: readonly RequestModel[], requestOf: RequestIndexOf, ctx: CodeContext): DocumentEvidence[] {
  if (!/etag/i.test(ctx.text)) return [];
  const read = new Map<number, number>();
  for (const m of ctx.text.matchAll(ETAG_READ)) {
    const at = ctx.index.root.descendantForIndex(m.index + m[0].length - 1);
    const request = at ? readAround(at, ctx, requestOf) : undefined;
    if (request !== undefined && !read.has(request)) read.set(request, ctx.index.root.descendantForIndex(m.index)?.startPosition.row ?? 0);
  }
  const out: DocumentEvidence[] = [];
  for (const [index, line] of read) {
    const req = requests[index];
    if (!req || req.target === undefined) continue;
    out.push({
      request: index, kind: 'same-file', verdict: 'versioned', line,
      sentence: `the file reads the ETag of the response to the ${req.method ?? 'request'} on line ${startLineOf(req.anchor) + 1} ` +
        `(line ${line + 1}): the server versions that resource`,
    });
  }
  return out;
}

/** The request whose ETag the innermost read expression around `node` reads. */
function readAround(node: Node, ctx: CodeContext, requestOf: RequestIndexOf): number | undefined {
  const chain = [...ctx.ancestry.of(node), node];
  for (let i = chain.length - 1, tried = 0; i >= 0 && tried < 3; i--) {
    if (!READ_TYPES.has(chain[i].type)) continue;
    tried++;
    const request = etagReadOf(chain[i], ctx, requestOf);
    if (request !== undefined) return request;
  }
  return undefined;
}
