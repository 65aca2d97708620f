/**
 * Reads `{{name.response.headers.X}}`, `{{name.response.body.$.path}}` (REST Client),
 * `{{nameResponse.headers.x}}` (httpYac) and `{{name.request.headers.X}}` from an earlier exchange of the
 * session, and the values JetBrains handlers capture (`response.headers.valueOf("X")`, `jsonPath(...)`).
 */
import type { TemplateKind } from '../../engine';
import { RunnerError } from './errors';
import { evaluateJsonPath, parseJsonPath, stringifyJsonValue } from './json-path';
import type { Exchange, ResponseHeaders } from './types';

type RequestRef = Extract<TemplateKind, { kind: 'request-ref' }>;

/** What a reference reads of an exchange (a live one, or one captured in a session snapshot). */
export type ReferableExchange = Pick<Exchange, 'request' | 'error'> & { response?: { headers: ResponseHeaders; body: Buffer } };

/** The referenced value, or a `RunnerError('variable')` saying what is missing. */
export function responseReference(ref: RequestRef, exchange: ReferableExchange | undefined): string {
  const source = `{{${ref.dialect === 'httpyac' ? `${ref.request}Response` : `${ref.request}.${ref.part}`}.${ref.section}…}}`;
  if (!exchange) {
    throw new RunnerError('variable', `${source} refers to request '${ref.request}', which has not run in this session ` +
      `(is there a request with '# @name ${ref.request}'?).`);
  }
  if (ref.part === 'request') {
    if (ref.section === 'headers') {
      const pair = exchange.request.headers.find(([n]) => n.toLowerCase() === ref.path.toLowerCase());
      if (pair) return pair[1];
      throw new RunnerError('variable', `Request '${ref.request}' was sent without a ${ref.path} header.`);
    }
    return bodyValue(exchange.request.body ?? '', ref.path, `the request body of '${ref.request}'`);
  }
  if (!exchange.response) {
    throw new RunnerError('variable', `Request '${ref.request}' got no response (${exchange.error?.message ?? 'it failed'}).`);
  }
  if (ref.section === 'headers') return referencedHeader(exchange.response.headers, ref.path, ref.request);
  return bodyValue(exchange.response.body.toString('utf8'), ref.path, `the response body of '${ref.request}'`);
}

/** A response header by case-insensitive name; repeated headers are joined with `, `. */
export function referencedHeader(headers: ResponseHeaders, name: string, requestName: string): string {
  const value = headers[name.toLowerCase()];
  if (value === undefined) throw new RunnerError('variable', `The response of '${requestName}' has no ${name} header.`);
  return Array.isArray(value) ? value.join(', ') : value;
}

/** `*` (the whole body) or a JSONPath into a JSON body. */
export function bodyValue(body: string, path: string, what: string): string {
  if (path === '' || path === '*') return body;
  const steps = parseJsonPath(path);
  if (!steps) throw new RunnerError('variable', `'${path}' is not a supported JSONPath ($.a.b[0] or $['a']).`);
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    throw new RunnerError('variable', `${what} is not JSON, so '${path}' cannot be read from it.`);
  }
  const value = evaluateJsonPath(document, steps);
  if (value === undefined) throw new RunnerError('variable', `${what} has nothing at ${path}.`);
  return stringifyJsonValue(value);
}
