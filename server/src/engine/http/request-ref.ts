/**
 * A REST Client reference into another request, `name.response.headers.X` / `name.request.body.$.path`, read in
 * place: what `/^([\w-]+)\.(response|request)\.(headers|body)(?:\.(.*))?$/` reads (kept in request-ref.test.ts as the
 * specification), without its match array and a copy of each fixed word. Every `If-Match` of a generated file names
 * a request of its own (`{{item7.response.headers.ETag}}`), so each is a distinct template classified once:
 * 4,000 match arrays and 16,000 strings for the 10,000-request benchmark file.
 */

import type { TemplateKind } from './templates';

/** A reference's classification (`path` is '' when the reference stops at its section). */
export type RequestRef = Extract<TemplateKind, { kind: 'request-ref' }>;

// The two character classes are regexes, not predicates of our own: a predicate called per character is one more
// function V8 compiles on its own (~1 ms of a compiler thread each, cold) before the reader inlines it.

/** The request's name, `[\w-]+` from the start: sticky, so `test` leaves its end in `lastIndex` (no match array). */
const NAME = /[\w-]+/y;

/** A character `.` does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** The reference `source` spells, or undefined when it is none. */
export function restClientRefOf(source: string): RequestRef | undefined {
  NAME.lastIndex = 0;
  if (!NAME.test(source) || source.charCodeAt(NAME.lastIndex) !== 46 /* . */) return undefined;
  let k = NAME.lastIndex;
  const request = k;
  const part = source.startsWith('response.', k + 1) ? 'response' : source.startsWith('request.', k + 1) ? 'request' : undefined;
  if (part === undefined) return undefined;
  k += part.length + 2;
  const section = source.startsWith('headers', k) ? 'headers' : source.startsWith('body', k) ? 'body' : undefined;
  if (section === undefined) return undefined;
  k += section.length;
  let path = '';
  if (k < source.length) {
    if (source.charCodeAt(k) !== 46 /* . */) return undefined;
    path = source.slice(k + 1);
    if (LINE_TERMINATOR.test(path)) return undefined;
  }
  return { kind: 'request-ref', request: source.slice(0, request), part, section, path, dialect: 'rest-client' };
}
