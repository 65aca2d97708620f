/**
 * The HTTP vocabulary the rules share: which methods write, which headers and parameters are preconditions
 * (RFC 9110 §13.1 and the service-specific forms), and small helpers over the request model.
 */
import type { EngineConfig } from '../config/config';
import type { HeaderModel, RequestModel } from '../model/types';
import { exclusive, firstHeader, hasHeader, lowerCaseName, withHeaders } from '../model/types';
import { TargetIndex } from './target-index';
import { carriesServiceGuard } from '../services/recognise';
import { factsOf, SERVICE_HEADERS } from './request-facts';
import { partitionPoint } from '../text/partition-point';
import { stringMemo } from '../text/string-memo';
import { startLineOf } from '../text/span';

/** Methods that change state and can lose someone else's update (POST only when configured). */
export function isWrite(method: string | undefined, config: EngineConfig): boolean {
  if (method === undefined) return false;
  return method === 'PUT' || method === 'PATCH' || method === 'DELETE' || (config.includePost && method === 'POST');
}

/** Service-specific preconditions: query parameters (the header names are in request-facts.ts). */
export const SERVICE_QUERY_PARAMS = ['ifGenerationMatch', 'ifMetagenerationMatch', 'rev'];
/** Elasticsearch needs both parameters together. */
export const PAIRED_QUERY_PARAMS: ReadonlyArray<readonly [string, string]> = [['if_seq_no', 'if_primary_term']];

export function header(request: RequestModel, name: string): HeaderModel | undefined {
  return firstHeader(request, name);
}

/** True when the request carries any precondition that protects a write against lost updates. */
export function hasWritePrecondition(request: RequestModel, config: EngineConfig): boolean {
  const facts = factsOf(request);
  if (facts.guarded ??= carriesPrecondition(request)) return true;
  return config.extraPreconditions.length > 0 && config.extraPreconditions.some((x) => hasHeader(request, x) || request.queryParams.has(x));
}

/** The part of `hasWritePrecondition` no setting changes: a standard or service-specific precondition. */
function carriesPrecondition(request: RequestModel): boolean {
  const facts = factsOf(request);
  if (facts.has('if-match') || facts.has('if-unmodified-since')) return true;
  const inm = facts.first('if-none-match');
  if (inm && inm.value?.trim() === '*') return true;
  if (facts.serviceHeader) return true;
  const query = request.queryParams;
  if (query.size > 0 && SERVICE_QUERY_PARAMS.some((p) => query.has(p))) return true;
  if (query.size > 0 && PAIRED_QUERY_PARAMS.some(([a, b]) => query.has(a) && query.has(b))) return true;
  const service = facts.service;
  return !!service && carriesServiceGuard(request, service);
}

/** True for a header name that is a write precondition (standard or service-specific), any case. */
export function isPreconditionName(name: string): boolean {
  const lower = lowerCaseName(name);
  return lower === 'if-match' || lower === 'if-unmodified-since' || lower === 'if-none-match' || SERVICE_HEADERS.includes(lower);
}

/** The request without its conditional preconditions: what goes out when the tag they wait for is missing. */
export function withoutConditional(request: RequestModel): RequestModel {
  return request.headers.some((h) => h.conditional) ? withHeaders(request, request.headers.filter((h) => !h.conditional)) : request;
}

/** True for a value that is, or holds, a `{{template}}` (its content is only known at run time). */
export function isTemplated(value: string | undefined): boolean {
  return value === undefined || value.includes('{{');
}

/** The value the server will see, as far as the analysis knows it. */
export function effectiveValue(h: HeaderModel): string | undefined {
  return h.resolvedValue ?? h.value;
}

/** True for a method that may change the target resource (anything but the safe methods, RFC 9110 §9.2.1). */
function unsafeMethod(method: string | undefined): boolean {
  return method !== undefined && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && method !== 'TRACE';
}

/**
 * True when `request` may change its target. A create-only write (`If-None-Match: *`) cannot change a
 * resource that an earlier request already saw existing: it fails with 412, so it does not count.
 */
export function changesResource(request: RequestModel): boolean {
  if (!unsafeMethod(request.method)) return false;
  // Not the request facts' slot: a target's requests are asked about while the rules are at another one.
  const inm = header(request, 'If-None-Match');
  return !(inm && inm.value?.trim() === '*');
}

/**
 * The latest GET/HEAD of `request`'s resource before it with no change to that resource in between: the
 * read whose ETag a precondition on `request` can use without going stale.
 */
export function freshReadBefore(requests: readonly RequestModel[], request: RequestModel): RequestModel | undefined {
  return targetIndex(requests).freshRead(request);
}

/**
 * The first request strictly between position `after` and `write` that may change `target` and can run before
 * `write`: in client code a write in the other arm of an `if` (or another function) never does. A binary search in the
 * target's list of changes, so a dataflow rule stays O(n log n) over the file.
 */
export function firstChangeBetween(requests: readonly RequestModel[], target: string, after: number, write: RequestModel): RequestModel | undefined {
  if (write.index - after <= NEAR_CAPTURE && requests[after]?.index === after && requests[write.index] === write) return firstChangeIn(requests, target, after, write);
  const changes = targetIndex(requests).changes(target);
  if (!changes) return undefined;
  for (let k = partitionPoint(changes, (c) => c.index <= after); k < changes.length && changes[k].index < write.index; k++) {
    if (!exclusive(changes[k], write)) return changes[k];
  }
  return undefined;
}

/**
 * How far above a write a capture is answered by looking at the requests in between instead of at the target's
 * changes: most captures are a read right above the write that sends them (none in between), and a whole-file lint
 * that asks only such questions builds no target index (10,000 requests filed by target) for them.
 */
const NEAR_CAPTURE = 8;

/**
 * `firstChangeBetween` by a look at each request strictly between `after` and `write` (both at their own index in
 * `requests`): the target index's changes are exactly the requests to the target that `changesResource`, in file order.
 */
function firstChangeIn(requests: readonly RequestModel[], target: string, after: number, write: RequestModel): RequestModel | undefined {
  for (let k = after + 1; k < write.index; k++) {
    const r = requests[k];
    if (r.target === target && changesResource(r) && !exclusive(r, write)) return r;
  }
  return undefined;
}

/** The target index of each model's requests: built on first use, or handed over by an editor's analysis. */
const targetIndexes = new WeakMap<readonly RequestModel[], TargetIndex>();

function targetIndex(requests: readonly RequestModel[]): TargetIndex {
  let index = targetIndexes.get(requests);
  if (!index) targetIndexes.set(requests, (index = TargetIndex.of(requests)));
  return index;
}

/** Makes `index` (kept up to date by the caller) the target index of `requests`. */
export function useTargetIndex(requests: readonly RequestModel[], index: TargetIndex): void {
  targetIndexes.set(requests, index);
}

/** How findings name a request: its `@name`, else its method and line. */
export function describeRequest(r: RequestModel): string {
  return r.name ?? `the ${r.method ?? 'request'} on line ${startLineOf(r.anchor) + 1}`;
}

/** Common FHIR resource types: a URL path naming one (`/Patient/123`) addresses a FHIR server. */
const FHIR_RESOURCE_PATH = new RegExp('/(' + [
  'Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'Observation', 'Encounter', 'Condition', 'Procedure',
  'Medication', 'MedicationRequest', 'AllergyIntolerance', 'DiagnosticReport', 'Immunization', 'CarePlan', 'Location',
  'HealthcareService', 'Coverage', 'Claim', 'Bundle', 'Questionnaire', 'QuestionnaireResponse', 'ServiceRequest',
  'Appointment', 'Device', 'DocumentReference', 'Group', 'Consent', 'Endpoint', 'InsurancePlan', 'ValueSet',
  'CodeSystem', 'StructureDefinition', 'Subscription',
].join('|') + ')(/|\\?|$)|/_history(/|$)');

/**
 * True when a request evidently talks to a FHIR server (a FHIR media type, a resource-type path or `_history`).
 * FHIR servers issue weak ETags and accept them in If-Match (FHIR RESTful API, "Managing Resource Contention").
 */
export function looksLikeFhir(request: RequestModel): boolean {
  if (request.headers.some((h) => /application\/fhir\+/i.test(h.value ?? ''))) return true;
  return request.url !== undefined && fhirPath(request.url);
}

/** True when a URL's path names a FHIR resource type, once per distinct URL. */
const fhirPath = stringMemo((url: string) => FHIR_RESOURCE_PATH.test(url.split('#')[0]));
