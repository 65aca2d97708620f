/**
 * A service the catalogue recognises by the shape of the path alone (a FHIR `/Patient/{id}`, a Kubernetes
 * `/api/v1/namespaces/…/configmaps/{name}` under a configured base) is only a guess: documentation and tutorials
 * write such paths too, so alone it gives a hint. Client code that also reads that resource, or the collection it
 * belongs to, and writes it back is an application that loads these records and saves edits to them — the guess
 * is confirmed, and the write is the lost-update case (real code: a patient dashboard that lists patients and PUTs
 * the edited one; a config-map library whose `read()` GETs what `update()` replaces). The read must come before the
 * write when both are in one function (a script that PUTs and then GETs to show the result reads nothing first).
 */
import { hostOf } from '../model/target';
import type { DocumentEvidence, RequestModel } from '../model/types';
import { recognisedByPathAlone, serviceOf } from '../services/recognise';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { startLineOf } from '../text/span';

const WRITES = new Set(['PUT', 'PATCH']);
const READS = new Set(['GET', 'HEAD']);

export function confirmedGuessEvidence(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): DocumentEvidence[] {
  const out: DocumentEvidence[] = [];
  for (const req of requests) {
    if (req.url === undefined || req.target === undefined || req.method === undefined || !WRITES.has(req.method)) continue;
    const known = serviceOf(req);
    if (!known || known.versioning !== 'versioned' || !recognisedByPathAlone(known, req.url, req.host)) continue;
    const place = withoutScheme(req.target);
    const collection = place.replace(/\/[^/]*$/, '');
    const read = requests.find((r) => r.method !== undefined && READS.has(r.method) && r.target !== undefined
      && (sameInstance(withoutScheme(r.target), place) || withoutScheme(r.target) === collection) && readsFirst(r, req, calls, ctx));
    if (!read) continue;
    const what = withoutScheme(read.target!) === collection ? 'its collection' : 'the same resource';
    out.push({
      request: req.index, kind: 'client-code', verdict: 'versioned', line: startLineOf(req.anchor),
      sentence: `the file also reads ${what} (line ${startLineOf(read.anchor) + 1}): it loads these records and writes them back, ` +
        `and a ${known.name} ${known.why}`,
    });
  }
  return out;
}

/**
 * The same place, or the same instance path whose id the code holds under another name: an edit form GETs
 * `…/Patient/${id}` and its submit handler PUTs `…/Patient/${editingPatientId}` (real code: a FHIR patient form).
 */
function sameInstance(read: string, write: string): boolean {
  if (read === write) return true;
  const id = /\/\{\{[^{}]*\}\}\/?$/;
  return id.test(read) && id.test(write) && read.replace(id, '') === write.replace(id, '');
}

/** `http://h/x` and `https://h/x` are one place for this purpose (a dashboard reading one and writing the other). */
function withoutScheme(target: string): string {
  return target.replace(/^https?:\/\//i, '');
}

/** The read is in another function, or before the write in the same one. */
function readsFirst(read: RequestModel, write: RequestModel, calls: readonly HttpCall[], ctx: CodeContext): boolean {
  const r = calls[read.index];
  const w = calls[write.index];
  if (!r || !w || hostOf(read.url ?? '') !== hostOf(write.url ?? '')) return false;
  return ctx.scopes.functionOf(r.call).id !== ctx.scopes.functionOf(w.call).id || read.index < write.index;
}
