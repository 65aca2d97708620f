/**
 * Base URLs an SDK's configuration names. A Firebase app's configuration (`firebaseConfig.databaseURL`, the key
 * every Firebase web app is given) holds its Realtime Database URL, whatever project host it is: a REST call
 * under it writes a Realtime Database location, which returns an ETag when asked and honours If-Match. The code
 * says so even though the host is not in the file: client-code evidence for the writes under that base.
 */
import type { DocumentEvidence, RequestModel } from '../model/types';
import { SERVICES } from '../services/catalogue';
import { startLineOf } from '../text/span';

/** A configuration key naming a service's base URL, and the catalogued service it names. */
const CONFIG_BASES: ReadonlyArray<{ key: RegExp; service: string; what: string }> = [
  { key: /(^|\.)databaseURL$/, service: 'firebase-rtdb', what: "a Firebase configuration's databaseURL" },
];

/**
 * Replacing and merging writes. A POST there creates a child under a generated key, and a DELETE of what nothing
 * reads is left a hint, as for catalogue evidence (rules/missing-precondition.ts).
 */
const WRITES = new Set(['PUT', 'PATCH']);

/** Evidence for each PUT / PATCH whose URL starts with a configuration key naming a catalogued service. */
export function configBaseEvidence(requests: readonly RequestModel[]): DocumentEvidence[] {
  const out: DocumentEvidence[] = [];
  for (const req of requests) {
    if (req.url === undefined || req.method === undefined || !WRITES.has(req.method)) continue;
    const name = /^\{\{([\w$.]+)\}\}/.exec(req.url)?.[1];
    const base = name && CONFIG_BASES.find((b) => b.key.test(name));
    const service = base && SERVICES.find((s) => s.id === base.service);
    if (!base || !service) continue;
    out.push({
      request: req.index, kind: 'client-code', verdict: 'versioned', line: startLineOf(req.anchor),
      sentence: `the URL starts with ${name}, ${base.what}: ${service.name} ${service.why}`,
    });
  }
  return out;
}
