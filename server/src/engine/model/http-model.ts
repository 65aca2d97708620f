/**
 * Lowers a parsed `.http` file into the language-neutral document model: resolved targets, header value
 * sources (REST Client and httpYac references, file variables holding them, JetBrains handler captures) and
 * the editor that lets quick fixes add headers and reads in the file's own syntax. One request at a time, in
 * file order (http-lowering.ts); an editor's analysis reuses the lowerings an edit left valid (incremental-model.ts).
 */
import type { HttpFile } from '../http/ast';
import type { DocumentEvidence, DocumentModel, RequestModel, ResponseUse, UnresolvedReference } from './types';
import { expansionLimits } from './variables';
import { emptyLowering, LoweringScope, Lookups, lowerInto } from './http-lowering';
import type { RequestEvidence } from './http-evidence';

export function buildHttpModel(file: HttpFile, environment: Readonly<Record<string, string>> = {}): DocumentModel {
  const scope = new LoweringScope(file, environment);
  // One item per request: made at their size (grown by `push`, each was copied on the way up to 10,000 slots and more).
  const syntax = file.requests;
  const requests: RequestModel[] = new Array<RequestModel>(syntax.length);
  const byRequest: RequestEvidence[] = new Array<RequestEvidence>(syntax.length);
  const unresolved: UnresolvedReference[] = [];
  const responseUses: ResponseUse[] = [];
  const evidence: DocumentEvidence[] = [];
  // Fixes are built after the walk, when `requests` holds every model.
  const source = { file, requests };
  // Not recording, the look-ups only read the scope's running state: one serves every request.
  const lookups = new Lookups(scope, false);
  // One lowering record for every request: each is read out right away (`lowerInto`).
  const record = emptyLowering();
  // Indexed loops: `for…of` made an iterator per list here, four per request (docs/performance.md, thirteenth session).
  for (let i = 0; i < syntax.length; i++) {
    const req = syntax[i];
    const lowered = lowerInto(record, req, scope, lookups, source);
    requests[i] = lowered.model;
    // Most lowerings have none of the three: their shared empty lists are passed over without a call.
    if (lowered.unresolved.length !== 0) appendTo(unresolved, lowered.unresolved);
    if (lowered.evidence.uses.length !== 0) appendTo(responseUses, lowered.evidence.uses);
    if (lowered.evidence.evidence.length !== 0) appendTo(evidence, lowered.evidence.evidence);
    byRequest[i] = lowered.evidence;
    scope.advance(req);
  }
  return { requests, unresolved, syntax: file.diagnostics, responseUses, evidence, byRequest, ...expansionLimits(file, scope.vars) };
}

function appendTo<T>(list: T[], items: readonly T[]): void {
  for (let k = 0; k < items.length; k++) list.push(items[k]);
}
