/**
 * ignored-precondition: a conditional header the server must ignore (RFC 9110 §13.1.3–13.1.5, §13.2.1), so the
 * request runs as if it were not there, and whoever wrote it believes it is protected when it is not.
 */
import type { RequestModel } from '../model/types';
import { CONDITIONAL_HEADERS, factsOf, type ConditionalName } from './request-facts';
import { byConditionalHeader } from './by-conditional';
import type { Rule } from './types';
import { header } from './vocabulary';
import { rangeOf } from '../text/span';

export const ignoredPrecondition: Rule = {
  id: 'ignored-precondition',
  defaultLevel: 'warning',
  summary: 'A conditional header the server must ignore in this request (RFC 9110 §13.1.3–13.1.5, §13.2.1).',
  languages: ['http', 'code'],
  ...byConditionalHeader(CONDITIONAL_HEADERS, ({ header: h, name }, req, report) => {
    const why = whyIgnored(req, name);
    if (why) report({ message: `${h.name} is ignored: ${why}`, range: rangeOf(h.range), fixes: [] });
  }),
};

/** The reason a server must ignore `req`'s conditional header called `name`, or undefined when it is evaluated. */
function whyIgnored(req: RequestModel, name: ConditionalName): string | undefined {
  if (req.method === 'CONNECT' || req.method === 'OPTIONS' || req.method === 'TRACE') {
    return `a server ignores preconditions on ${req.method}, which selects no representation (RFC 9110 §13.2.1).`;
  }
  if (name === 'if-unmodified-since' && factsOf(req).has('if-match')) {
    return 'a recipient must ignore If-Unmodified-Since when the request has If-Match (RFC 9110 §13.1.4). Keep one of them.';
  }
  if (name === 'if-modified-since' && factsOf(req).has('if-none-match')) {
    return 'a recipient must ignore If-Modified-Since when the request has If-None-Match (RFC 9110 §13.1.3). Keep one of them.';
  }
  if (name === 'if-modified-since' && req.method !== undefined && req.method !== 'GET' && req.method !== 'HEAD') {
    return `If-Modified-Since only applies to GET and HEAD, not ${req.method} (RFC 9110 §13.1.3). ` +
      'To guard a write, use If-Unmodified-Since or If-Match.';
  }
  if (name === 'if-range' && !header(req, 'Range')) {
    return 'If-Range only qualifies a Range request, and this request has no Range header (RFC 9110 §13.1.5).';
  }
  return undefined;
}
