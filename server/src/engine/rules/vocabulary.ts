/**
 * The HTTP vocabulary the rules share: which methods write, which headers and parameters are preconditions
 * (RFC 9110 §13.1 and the service-specific forms), and small helpers over the request model.
 */
import type { EngineConfig } from '../config/config';
import type { HeaderModel, RequestModel } from '../model/types';
import { findHeaders, firstHeader, hasHeader, lowerCaseName } from '../model/types';
import { TargetIndex } from './target-index';
import { carriesServiceGuard, serviceOf } from '../services/recognise';
import { partitionPoint } from '../text/partition-point';
import { stringMemo } from '../text/string-memo';

/** Methods that change state and can lose someone else's update (POST only when configured). */
export function isWrite(method: string | undefined, config: EngineConfig): boolean {
  if (method === undefined) return false;
  return method === 'PUT' || method === 'PATCH' || method === 'DELETE' || (config.includePost && method === 'POST');
}

/** Service-specific preconditions: header names (lower-case) and query parameters. */
export const SERVICE_HEADERS = ['x-goog-if-generation-match', 'x-goog-if-metageneration-match', 'x-ms-if-match', 'x-amz-if-match'];
export const SERVICE_QUERY_PARAMS = ['ifGenerationMatch', 'ifMetagenerationMatch', 'rev'];
/** Elasticsearch needs both parameters together. */
export const PAIRED_QUERY_PARAMS: ReadonlyArray<readonly [string, string]> = [['if_seq_no', 'if_primary_term']];

export function header(request: RequestModel, name: string): HeaderModel | undefined {
  return firstHeader(request, name);
}

/** True when the request carries any precondition that protects a write against lost updates. */
export function hasWritePrecondition(request: RequestModel, config: EngineConfig): boolean {
  if (header(request, 'If-Match') || header(request, 'If-Unmodified-Since')) return true;
  const inm = header(request, 'If-None-Match');
  if (inm && inm.value?.trim() === '*') return true;
  if (SERVICE_HEADERS.some((h) => hasHeader(request, h))) return true;
  if (SERVICE_QUERY_PARAMS.some((p) => request.queryParams.has(p))) return true;
  if (PAIRED_QUERY_PARAMS.some(([a, b]) => request.queryParams.has(a) && request.queryParams.has(b))) return true;
  const service = serviceOf(request);
  if (service && carriesServiceGuard(request, service)) return true;
  return config.extraPreconditions.some((x) => hasHeader(request, x) || request.queryParams.has(x));
}

/** True for a header name that is a write precondition (standard or service-specific), any case. */
export function isPreconditionName(name: string): boolean {
  const lower = lowerCaseName(name);
  return lower === 'if-match' || lower === 'if-unmodified-since' || lower === 'if-none-match' || SERVICE_HEADERS.includes(lower);
}

/** The request without its conditional preconditions: what goes out when the tag they wait for is missing. */
export function withoutConditional(request: RequestModel): RequestModel {
  return request.headers.some((h) => h.conditional) ? { ...request, headers: request.headers.filter((h) => !h.conditional) } : request;
}

/** Headers whose value the rules read as an entity-tag list. */
export const ETAG_HEADERS = ['if-match', 'if-none-match'];

/** True for a value that is, or holds, a `{{template}}` (its content is only known at run time). */
export function isTemplated(value: string | undefined): boolean {
  return value === undefined || value.includes('{{');
}

/** The conditional request headers of RFC 9110 §13.1, lower-case. */
export const CONDITIONAL_HEADERS = ['if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since', 'if-range'];

/** The value the server will see, as far as the analysis knows it. */
export function effectiveValue(h: HeaderModel): string | undefined {
  return h.resolvedValue ?? h.value;
}

/** True for a method that may change the target resource (anything but the safe methods, RFC 9110 §9.2.1). */
function unsafeMethod(method: string | undefined): boolean {
  return method !== undefined && !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method);
}

/**
 * True when `request` may change its target. A create-only write (`If-None-Match: *`) cannot change a
 * resource that an earlier request already saw existing: it fails with 412, so it does not count.
 */
export function changesResource(request: RequestModel): boolean {
  if (!unsafeMethod(request.method)) return false;
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
 * The requests strictly between positions `after` and `before` that may change `target`, in file order
 * (binary search in the target's list of changes, so a dataflow rule stays O(n log n) over the file).
 */
export function changesBetween(requests: readonly RequestModel[], target: string, after: number, before: number): RequestModel[] {
  const changes = targetIndex(requests).changes(target);
  if (!changes) return [];
  const found: RequestModel[] = [];
  for (let k = partitionPoint(changes, (c) => c.index <= after); k < changes.length && changes[k].index < before; k++) found.push(changes[k]);
  return found;
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
  return r.name ?? `the ${r.method ?? 'request'} on line ${r.anchor.start.line + 1}`;
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

/** Each header called `name` (case-insensitively) on `req` when it is a write; none otherwise. */
export function headersOnWrite(req: RequestModel, config: EngineConfig, name: string): readonly HeaderModel[] {
  return isWrite(req.method, config) ? findHeaders(req, name) : [];
}
