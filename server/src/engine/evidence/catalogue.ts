/**
 * The catalogue of well-known services: where each lives, whether it versions what it stores, how it spells a
 * precondition (recognised as a guard) and the precondition a fix should add. An entry is evidence for every
 * write to its hosts and routes. Entries are data: adding a service means adding an object here, a fixture
 * beside it and a line in docs/precision.md.
 */
import { hostOf } from '../model/target';
import { recognisedByPathAlone, serviceOf as knownServiceOf } from '../services/recognise';
import { parsePattern, patternMatches, type TargetPattern } from './pattern';
import type { Evidence, EvidenceSource, Verdict, WriteTarget } from './types';

export interface ServiceEntry {
  /** Stable id: `gcs`, `azure-blob`, `ms-graph`, … */
  id: string;
  name: string;
  /** Target patterns (see pattern.ts): hosts, origins, routes. */
  match: readonly string[];
  verdict: Verdict;
  /** Why, in a few words a user can check: "versions every object (generation)". */
  why: string;
  /** How the service spells a precondition, beside If-Match / If-Unmodified-Since / If-None-Match: *. */
  guards?: {
    headers?: readonly string[];
    queryParams?: readonly string[];
    /** Parameters that guard only together (Elasticsearch `if_seq_no` + `if_primary_term`). */
    pairedQueryParams?: ReadonlyArray<readonly [string, string]>;
    /** JSON body fields that carry the version (CouchDB `_rev`). */
    bodyFields?: readonly string[];
  };
  /** The precondition a fix adds for this service, when it is not If-Match. */
  fix?: { header?: readonly [string, string]; queryParam?: readonly [string, string] };
  /** The service's own documentation of its concurrency control. */
  docs?: string;
}

export const CATALOGUE: readonly ServiceEntry[] = [
  {
    id: 'gcs', name: 'Google Cloud Storage', match: ['storage.googleapis.com', '*.storage.googleapis.com'],
    verdict: 'versioned', why: 'versions every object (generation, metageneration)',
    guards: { headers: ['x-goog-if-generation-match', 'x-goog-if-metageneration-match'], queryParams: ['ifGenerationMatch', 'ifMetagenerationMatch'] },
    fix: { header: ['x-goog-if-generation-match', '{{generation}}'] },
    docs: 'https://cloud.google.com/storage/docs/request-preconditions',
  },
  {
    id: 'azure-blob', name: 'Azure Blob Storage', match: ['*.blob.core.windows.net'],
    verdict: 'versioned', why: 'returns an ETag for every blob and honours If-Match',
    docs: 'https://learn.microsoft.com/rest/api/storageservices/specifying-conditional-headers-for-blob-service-operations',
  },
  {
    id: 'ms-graph', name: 'Microsoft Graph', match: ['graph.microsoft.com'],
    verdict: 'versioned', why: 'returns an ETag (@odata.etag) for drive items, list items and planner tasks and honours If-Match',
    docs: 'https://learn.microsoft.com/graph/api/resources/planner-overview#common-planner-error-conditions',
  },
];


/** The entry whose patterns cover a target, if any (the first listed wins). */
export function serviceOf(target: WriteTarget, entries: readonly ServiceEntry[] = CATALOGUE): ServiceEntry | undefined {
  return compiled(entries).find((c) => c.patterns.some((p) => patternMatches(p, target)))?.entry;
}

export function catalogueSource(entries: readonly ServiceEntry[] = CATALOGUE): EvidenceSource {
  return {
    name: 'catalogue',
    lookup(target: WriteTarget): Evidence[] {
      const entry = serviceOf(target, entries);
      if (entry) return [{ kind: 'catalogue', verdict: entry.verdict, sentence: `${entry.name} ${entry.why}`, document: entry.docs }];
      // The services catalogue (services/catalogue.ts): recognised by host, port or path. An enforced service
      // refuses a write that does not name the current version, so nothing is lost silently: no warning.
      const url = `${target.origin}${target.path}`;
      const host = hostOf(url);
      const known = knownServiceOf({ url, host });
      if (!known) return [];
      const evidence: Evidence = { kind: 'catalogue', verdict: known.versioning === 'versioned' ? 'versioned' : 'unversioned', sentence: `${known.name} ${known.why}`, document: known.docs };
      return [recognisedByPathAlone(known, url, host) ? { ...evidence, tentative: true } : evidence];
    },
  };
}

const cache = new WeakMap<readonly ServiceEntry[], { entry: ServiceEntry; patterns: TargetPattern[] }[]>();

function compiled(entries: readonly ServiceEntry[]): { entry: ServiceEntry; patterns: TargetPattern[] }[] {
  let c = cache.get(entries);
  if (!c) cache.set(entries, c = entries.map((entry) => ({ entry, patterns: entry.match.map(parsePattern) })));
  return c;
}
