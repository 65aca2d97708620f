/**
 * The document model of an editor's `.http` document, version after version: a request's lowering is reused
 * when the parser kept its syntax object (its section did not change) and every look-up the lowering made into
 * the requests above it (names, handler variables) still answers the same. File-wide inputs (file variables,
 * handler variable names, imports, the environment) changing re-lowers everything. Equal to `buildHttpModel` by
 * construction: the same `lowerRequest`, given the same answers.
 */
import type { HttpFile, HttpRequest } from '../http/ast';
import type { RequestEvidence } from '../model/http-evidence';
import { capturesOf, LoweringScope, Lookups, lowerRequest, type Lowered } from '../model/http-lowering';
import { expansionLimits } from '../model/variables';
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
  /** The current version's requests (the parser's objects) and their lowerings, by position (the request index). */
  private requests: readonly HttpRequest[] = [];
  private lowered: CachedLowering[] = [];
  /** Request names (`n:`) and handler variables (`h:`) to the positions of the cached lowerings that looked them up. */
  private readonly askedBy = new Map<string, Set<number>>();
  private scopeKey: string | undefined;
  private environment: Readonly<Record<string, string>> | undefined;
  /** What every cached model's fixes read: pointed at each new version (a reused model is in several). */
  private readonly source: { file: HttpFile; requests: readonly RequestModel[] } = { file: EMPTY_FILE, requests: [] };

  build(file: HttpFile, environment: Readonly<Record<string, string>>): ModelDelta {
    const scope = new LoweringScope(file, environment);
    const sameScope = scope.key === this.scopeKey && environment === this.environment;
    if (!sameScope) this.askedBy.clear();
    const reqs = file.requests;
    const old = this.lowered;
    // A kept request keeps its position (a new index makes a new syntax object), so positions compare versions.
    const kept = (i: number): boolean => sameScope && i < reqs.length && reqs[i] === this.requests[i] && old[i] !== undefined;
    // What the changed positions define, before and after: only lowerings that looked those up may answer otherwise.
    const defined = new Set<string>();
    let last = -1;
    for (let i = 0; i < Math.max(reqs.length, this.requests.length); i++) {
      if (kept(i)) continue;
      if (i < this.requests.length) definitions(this.requests[i], defined);
      if (i < reqs.length) definitions(reqs[i], defined), last = i;
    }
    const recheck = new Set<number>();
    for (const name of defined) {
      for (const i of this.askedBy.get(name) ?? []) if (kept(i)) recheck.add(i), last = Math.max(last, i);
    }
    const requests: RequestModel[] = [];
    const lowered: CachedLowering[] = [];
    const unresolved: UnresolvedReference[] = [];
    const responseUses: ResponseUse[] = [];
    const evidence: DocumentEvidence[] = [];
    const added: RequestModel[] = [];
    const addedEvidence: RequestEvidence[] = [];
    const removed: RequestModel[] = [];
    for (let i = 0; i < reqs.length; i++) {
      const req = reqs[i];
      let cached = kept(i) ? old[i] : undefined;
      if (cached && recheck.has(i) && !Lookups.stillHold(cached, scope)) cached = undefined;
      if (!cached) {
        if (old[i] && sameScope) this.unregister(old[i], i);
        if (old[i]) removed.push(old[i].model);
        const lookups = new Lookups(scope, true);
        cached = { ...lowerRequest(req, scope, lookups, this.source), names: lookups.names, handlers: lookups.handlers, parts: lookups.parts };
        this.register(cached, i);
        added.push(cached.model);
        addedEvidence.push(cached.evidence);
      }
      lowered.push(cached);
      requests.push(cached.model);
      for (const u of cached.unresolved) unresolved.push(u);
      for (const u of cached.evidence.uses) responseUses.push(u);
      for (const e of cached.evidence.evidence) evidence.push(e);
      // The running state (names, handler variables) is read only up to the last position lowered or re-checked.
      if (i < last) scope.advance(req);
    }
    for (let i = reqs.length; i < old.length; i++) {
      if (sameScope) this.unregister(old[i], i);
      removed.push(old[i].model);
    }
    this.requests = reqs;
    this.lowered = lowered;
    this.scopeKey = scope.key;
    this.environment = environment;
    this.source.file = file;
    this.source.requests = requests;
    return { model: { requests, unresolved, syntax: file.diagnostics, responseUses, evidence, ...expansionLimits(file, scope.vars) }, added, addedEvidence, removed };
  }

  private register(cached: CachedLowering, at: number): void {
    for (const name of askedNames(cached)) {
      const positions = this.askedBy.get(name);
      if (positions) positions.add(at);
      else this.askedBy.set(name, new Set([at]));
    }
  }

  private unregister(cached: CachedLowering, at: number): void {
    for (const name of askedNames(cached)) {
      const positions = this.askedBy.get(name);
      positions?.delete(at);
      if (positions?.size === 0) this.askedBy.delete(name);
    }
  }
}

/** The names a lowering looked up, as `askedBy` keys. */
function* askedNames(cached: CachedLowering): Iterable<string> {
  for (const [name] of cached.names) yield 'n:' + name;
  for (const [name] of cached.handlers) yield 'h:' + name;
  for (const [name] of cached.parts) yield 'h:' + name;
}

/** The request name and handler variables `req` defines for the requests below it (`LoweringScope.advance`). */
function definitions(req: HttpRequest, into: Set<string>): void {
  if (req.name) into.add('n:' + req.name.value);
  if (req.title && !req.name) into.add('n:' + req.title);
  for (const s of req.scripts) for (const c of capturesOf(s)) into.add('h:' + c.variable);
}
