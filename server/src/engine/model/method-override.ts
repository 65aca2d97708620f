/**
 * Method overrides: a POST carrying `X-HTTP-Method: DELETE` (SharePoint, OData) or `X-HTTP-Method-Override:
 * PUT` (Google APIs, many frameworks) is, for the server and so for the rules, the method the header names.
 * `MERGE` is OData v2's (and SharePoint REST's) partial update: the rules know it as the PATCH it is.
 */
import type { HeaderModel } from './types';
import { lowerCaseName } from './types';

const OVERRIDE_HEADERS = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

/** The upper-case method a literal override header names, if the request has one. */
export function overriddenMethod(headers: readonly HeaderModel[]): string | undefined {
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    // Each override header starts with an `x`: every other header (all of most requests') is passed over without a
    // look-up of its lower-case name (a name not in ASCII is looked up).
    const c = h.name.charCodeAt(0);
    if ((c | 32) !== 120 && c < 128) continue;
    if (!OVERRIDE_HEADERS.has(lowerCaseName(h.name))) continue;
    const value = h.value?.trim();
    if (value && /^[A-Za-z]+$/.test(value)) return canonicalMethod(value.toUpperCase());
  }
  return undefined;
}

/** OData v2's `MERGE` updates part of an entity as `PATCH` does (OData v4 renamed it): one name for the rules. */
function canonicalMethod(method: string): string {
  return method === 'MERGE' ? 'PATCH' : method;
}
