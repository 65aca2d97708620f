/**
 * Where a `.http` header's value comes from (`HeaderModel.source`): a literal, an earlier response header (a
 * `{{name.response.headers.X}}` reference, directly or through one file variable or JetBrains handler variable), or
 * something the analysis cannot follow. Worked out from the template the value consists of, which the request's one
 * template walk (request-templates.ts) has already read and classified.
 */
import { wholeTemplate, type TemplateKind } from '../http/templates';
import { LITERAL_SOURCE } from '../http/nodes';
import type { Lookups } from './http-lowering';
import type { ValueSource } from './types';
import type { StaticVariables } from './variables';

/** The sources that carry nothing but their kind: one shared, read-only object each (a literal header's own, http/nodes.ts). */
export const LITERAL: ValueSource = LITERAL_SOURCE;
const UNKNOWN: ValueSource = Object.freeze({ kind: 'unknown' });

/** Follows a templated header value (`t`: the one template it consists of, if so) to an earlier response header. */
export function valueSource(t: TemplateKind | undefined, vars: StaticVariables, lookups: Lookups): ValueSource {
  if (!t) return UNKNOWN;
  const direct = captureOf(t, lookups);
  if (direct) return direct;
  if (t.kind !== 'variable') return UNKNOWN;
  const raw = vars.raw(t.name);
  // Only a name the file does not define can be a handler variable (looked up only then: most are defined).
  if (raw === undefined) {
    const handler = lookups.handler(t.name);
    return handler ? { kind: 'capture', request: handler.request, header: handler.header } : UNKNOWN;
  }
  const inner = wholeTemplate(raw);
  const viaVar = inner && captureOf(inner, lookups);
  if (viaVar) return viaVar;
  return raw.includes('{{') ? UNKNOWN : LITERAL;
}

function captureOf(t: TemplateKind, lookups: Lookups): Extract<ValueSource, { kind: 'capture' }> | undefined {
  if (t.kind !== 'request-ref' || t.part !== 'response' || t.section !== 'headers') return undefined;
  const request = lookups.request(t.request);
  if (request === undefined) return undefined;
  return { kind: 'capture', request, header: t.path };
}
