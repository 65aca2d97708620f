/**
 * A REST Client reference into another request, `name.response.headers.X` / `name.request.body.$.path`, read by
 * hand: what `/^([\w-]+)\.(response|request)\.(headers|body)(?:\.(.*))?$/` reads (kept in request-ref.test.ts as the
 * specification), without its match array and a copy of each fixed word. Every `If-Match` of a generated file names
 * a request of its own (`{{item7.response.headers.ETag}}`), so each is a distinct template classified once:
 * 4,000 match arrays and 16,000 strings for the 10,000-request benchmark file.
 */

import type { TemplateKind } from './templates';

/** A reference's classification (`path` is '' when the reference stops at its section). */
export type RequestRef = Extract<TemplateKind, { kind: 'request-ref' }>;

/** The reference `source` spells, or undefined when it is none. */
export function restClientRefOf(source: string): RequestRef | undefined {
  let k = 0;
  while (isWordOrDash(source.charCodeAt(k))) k++;
  if (k === 0 || source.charCodeAt(k) !== 46 /* . */) return undefined;
  const request = k;
  const part = source.startsWith('response.', k + 1) ? 'response' : source.startsWith('request.', k + 1) ? 'request' : undefined;
  if (part === undefined) return undefined;
  k += part.length + 2;
  const section = source.startsWith('headers', k) ? 'headers' : source.startsWith('body', k) ? 'body' : undefined;
  if (section === undefined) return undefined;
  k += section.length;
  let path = '';
  if (k < source.length) {
    if (source.charCodeAt(k) !== 46 /* . */ || holdsLineTerminator(source, k + 1)) return undefined;
    path = source.slice(k + 1);
  }
  return { kind: 'request-ref', request: source.slice(0, request), part, section, path, dialect: 'rest-client' };
}

/** `[\w-]` by code (NaN past the end is none of them). */
function isWordOrDash(c: number): boolean {
  return c === 95 || c === 45 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** True when `text` from `from` on holds a character `.` does not match: \n, \r, U+2028, U+2029. */
function holdsLineTerminator(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
