/**
 * Method overrides: a POST carrying `X-HTTP-Method: DELETE` (SharePoint, OData) or `X-HTTP-Method-Override:
 * PUT` (Google APIs, many frameworks) is, for the server and so for the rules, the method the header names.
 */
import type { HeaderModel } from './types';
import { lowerCaseName } from './types';

const OVERRIDE_HEADERS = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

/** The upper-case method a literal override header names, if the request has one. */
export function overriddenMethod(headers: readonly HeaderModel[]): string | undefined {
  for (const h of headers) {
    if (!OVERRIDE_HEADERS.has(lowerCaseName(h.name))) continue;
    const value = h.value?.trim();
    if (value && /^[A-Za-z]+$/.test(value)) return value.toUpperCase();
  }
  return undefined;
}
