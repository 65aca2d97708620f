/**
 * The document model of an editor's `.http` document, version after version: a request's lowering is reused
 * when the parser kept its syntax object (its section did not change) and every look-up the lowering made into
 * the requests above it (names, handler variables) still answers the same. File-wide inputs (file variables,
 * handler variable names, imports, the environment) changing re-lowers everything. Equal to `buildHttpModel` by
 * construction: the same `lowerRequest`, given the same answers.
 */
import type { HttpFile, HttpRequest } from '../http/ast';
import type { RequestEvidence } from '../model/http-evidence';
import { LoweringScope, Lookups, lowerRequest, type Lowered } from '../model/http-lowering';
import type { DocumentEvidence, DocumentModel, RequestModel, ResponseUse, UnresolvedReference } from '../model/types';

type CachedLowering = Lowered & Pick<Lookups, 'names' | 'handlers' | 'parts'>;

/**
 * A new version's model, with the requests whose model is new in it (and what each says about its APIs, in
 * the same order) and those no longer in it.
 */
export interface ModelDelta {
  model: DocumentModel;
  added: RequestModel[];
  addedEvidence: RequestEvidence[];
  removed: RequestModel[];
}

const EMPTY_FILE: HttpFile = { requests: [], variables: [], scripts: [], directives: [], responses: [], diagnostics: [], lineCount: 0, eol: '\n' };

export class ModelCache {
  /** The current version's lowerings, by the parser's request objects. */
  private lowered = new Map<HttpRequest, CachedLowering>();
  private scopeKey: string | undefined;
  private environment: Readonly<Record<string, string>> | undefined;
  /** What every cached model's fixes read: pointed at each new version (a reused model is in several). */
  private readonly source: { file: HttpFile; requests: readonly RequestModel[] } = { file: EMPTY_FILE, requests: [] };

  build(file: HttpFile, environment: Readonly<Record<string, string>>): ModelDelta {
    const scope = new LoweringScope(file, environment);
    const previous = scope.key === this.scopeKey && environment === this.environment ? this.lowered : new Map<HttpRequest, CachedLowering>();
    const next = new Map<HttpRequest, CachedLowering>();
    const requests: RequestModel[] = [];
    const unresolved: UnresolvedReference[] = [];
    const responseUses: ResponseUse[] = [];
    const evidence: DocumentEvidence[] = [];
    const added: RequestModel[] = [];
    const addedEvidence: RequestEvidence[] = [];
    for (const req of file.requests) {
      let cached = previous.get(req);
      if (!cached || !Lookups.stillHold(cached, scope)) {
        const lookups = new Lookups(scope, true);
        cached = { ...lowerRequest(req, scope, lookups, this.source), names: lookups.names, handlers: lookups.handlers, parts: lookups.parts };
        added.push(cached.model);
        addedEvidence.push(cached.evidence);
      }
      next.set(req, cached);
      requests.push(cached.model);
      for (const u of cached.unresolved) unresolved.push(u);
      for (const u of cached.evidence.uses) responseUses.push(u);
      for (const e of cached.evidence.evidence) evidence.push(e);
      scope.advance(req);
    }
    const removed: RequestModel[] = [];
    for (const [req, old] of this.lowered) if (next.get(req) !== old) removed.push(old.model);
    this.lowered = next;
    this.scopeKey = scope.key;
    this.environment = environment;
    this.source.file = file;
    this.source.requests = requests;
    return { model: { requests, unresolved, syntax: file.diagnostics, responseUses, evidence }, added, addedEvidence, removed };
  }
}
