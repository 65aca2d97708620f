/**
 * The document model of an editor's `.http` document, version after version: a request's lowering is reused
 * when the parser kept its syntax object (its section did not change) and every look-up the lowering made into
 * the requests above it (names, handler variables) still answers the same. File-wide inputs (file variables,
 * handler variable names, imports, the environment) changing re-lowers everything. Equal to `buildHttpModel` by
 * construction: the same `lowerRequest`, given the same answers.
 *
 * A keystroke costs the requests it changed: the parser says which positions hold new syntax objects, what the
 * requests above a position define is an index kept by delta (`Definitions`), and so are the file-wide facts
 * (`FileFactCounts`); the model's lists are copied and patched at the changed positions.
 */
import type { HttpFile, HttpRequest } from '../http/ast';
import type { RequestChange } from '../http/incremental';
import type { RequestEvidence } from '../model/http-evidence';
import type { EditorSource } from '../model/http-editor';
import { capturesOf, definedName, LoweringScope, Lookups, lowerRequest, requestFacts, type KeptLookups, type Lowered, type RequestFacts } from '../model/http-lowering';
import { expansionLimits } from '../model/variables';
import type { DocumentEvidence, DocumentModel, RequestModel, ResponseUse, UnresolvedReference } from '../model/types';
import { Definitions } from './definitions';
import { FileFactCounts } from './file-facts';
import { membersOf, withMember, withoutMember, type Positions } from '../text/few';
import { compactList, NONE } from '../text/compact-list';
import { RecentLists } from '../text/recent-lists';
import { LookupLog } from './lookup-log';

type CachedLowering = Lowered & { lookups: KeptLookups; facts: RequestFacts };

/**
 * A new version's model, with the requests whose model is new in it (and what each says about its APIs, in
 * the same order), those no longer in it, and the positions of the new ones (ascending).
 */
export interface ModelDelta {
  model: DocumentModel;
  added: RequestModel[];
  addedEvidence: RequestEvidence[];
  removed: RequestModel[];
  positions: number[];
}

const EMPTY_FILE: HttpFile = { requests: [], variables: [], scripts: [], directives: [], responses: [], diagnostics: [], lineCount: 0, eol: '\n' };

export class ModelCache {
  /** The current version's requests (the parser's objects) and their lowerings, by position (the request index). */
  private requests: readonly HttpRequest[] = [];
  private lowered: CachedLowering[] = [];
  private models: RequestModel[] = [];
  /**
   * Request names (`n:`) and handler variables (`h:`) to the positions of the cached lowerings that looked them
   * up (text/few.ts: one position as itself, a few as a list, many as a Set; most names are asked by one request).
   */
  private readonly askedBy = new Map<string, Positions>();
  private readonly definitions = new Definitions();
  private readonly facts = new FileFactCounts();
  private variables: HttpFile['variables'] = [];
  private environment: Readonly<Record<string, string>> | undefined;
  /** The model's unresolved references, kept while no changed request had or has one. */
  private unresolved: readonly UnresolvedReference[] = [];
  /** What every cached model's fixes read: pointed at each new version (a reused model is in several). */
  private readonly source: { file: HttpFile; requests: readonly RequestModel[] } = { file: EMPTY_FILE, requests: [] };
  /** The look-up lists of recent lowerings, so that equal ones are kept once (`lowerAt`). */
  private readonly lookupLists = new RecentLists<unknown>();
  /** After `first` until `index`: its file and look-ups, whose lowerings and indexes are not filled yet. */
  private unindexed: { file: HttpFile; log: LookupLog; lowered: readonly Lowered[] } | undefined;
  /** The current version's evidence record, when it reads `lowered` (patched in place for the next version: `build`). */
  private current: LazyEvidence | undefined;

  /**
   * The first version's model, lowered in file order as `buildHttpModel` does (the scope's running state answers
   * each look-up, logged for later versions), with every position new. What only later versions read is left to
   * `index`, which `build` runs first when nobody did: the indexes (what is defined above each position, who looked
   * which name up) and each lowering as the cache keeps it (its look-ups, facts and lists copied to their size).
   */
  first(file: HttpFile, environment: Readonly<Record<string, string>>): ModelDelta {
    const reqs = file.requests;
    const scope = new LoweringScope(file, environment);
    const log = new LookupLog(scope);
    // Not recording: one `Lookups` for every request, its look-ups logged on one list (`LookupLog`).
    const lookups = new Lookups(scope, false, log);
    const lowered: Lowered[] = [];
    const models: RequestModel[] = [];
    const addedEvidence: RequestEvidence[] = [];
    for (let i = 0; i < reqs.length; i++) {
      log.nextRequest();
      const l = lowerRequest(reqs[i], scope, lookups, this.source);
      scope.advance(reqs[i]);
      lowered.push(l);
      models.push(l.model);
      addedEvidence.push(l.evidence);
    }
    this.unindexed = { file, log, lowered };
    this.unresolved = flattenList(lowered, (l) => l.unresolved);
    // The cache's lowerings are made by `index`.
    const model = this.settle(file, environment, scope, [], lowered, models);
    // What each request says, as `buildHttpModel` gives it: the evidence index reads it instead of regrouping the lists.
    model.byRequest = addedEvidence;
    return { model, added: models.slice(), addedEvidence, removed: [], positions: models.map((_, i) => i) };
  }

  /** Fills what `first` left for later versions. */
  index(): void {
    const first = this.unindexed;
    if (!first) return;
    this.unindexed = undefined;
    const reqs = this.requests;
    const lowered: CachedLowering[] = [];
    for (let i = 0; i < reqs.length; i++) {
      const facts = requestFacts(reqs[i]);
      this.facts.add(facts);
      lowered.push(keep(first.lowered[i], first.log.keptAt(i), facts, this.lookupLists));
      this.definitions.add(reqs[i]);
      this.register(lowered[i], i);
    }
    this.lowered = lowered;
    // Read once, as `build` reads it: the next version's facts compare with these.
    this.facts.current(first.file);
  }

  /**
   * The model of `file`; `change` (the parser's `lastChange`) says which positions hold new syntax objects,
   * undefined when any may.
   */
  build(file: HttpFile, environment: Readonly<Record<string, string>>, change?: RequestChange): ModelDelta {
    this.index();
    const reqs = file.requests;
    const oldReqs = this.requests;
    const old = this.lowered;
    // The positions whose syntax object may be new: [start, end) now, [start, oldEnd) before. Either no position
    // moved (end === oldEnd), or the range runs to the end of both versions.
    let { start, end, oldEnd } = change && old.length ? change : { start: 0, end: reqs.length, oldEnd: oldReqs.length };
    if (end !== oldEnd && (end !== reqs.length || oldEnd !== oldReqs.length)) ({ start, end, oldEnd } = { start: 0, end: reqs.length, oldEnd: oldReqs.length });
    const same = (i: number): boolean => i < reqs.length && i < oldReqs.length && reqs[i] === oldReqs[i] && old[i] !== undefined;
    const defined = new Set<string>();
    const gone: number[] = [];
    for (let i = start; i < oldEnd; i++) {
      if (same(i)) continue;
      gone.push(i);
      definitions(oldReqs[i], defined);
      this.definitions.remove(oldReqs[i]);
      this.facts.remove(old[i].facts);
    }
    const fresh: number[] = [];
    const freshFacts = new Map<number, RequestFacts>();
    for (let i = start; i < end; i++) {
      if (same(i)) continue;
      fresh.push(i);
      definitions(reqs[i], defined);
      this.definitions.add(reqs[i]);
      const facts = requestFacts(reqs[i]);
      freshFacts.set(i, facts);
      this.facts.add(facts);
    }
    const { facts, changed } = this.facts.current(file);
    const sameScope = !changed && environment === this.environment && sameVariables(file.variables, this.variables);
    const scope = new LoweringScope(file, environment, facts);
    // The lowerings and models kept at their positions. The lowerings are patched in place when no position moved
    // (a keystroke): only this cache and the previous version's evidence record read them, and that record is
    // pointed at this version's with what the patch replaced (`replaced`, below). The models are the version's
    // `requests`, which its rules and fixes read: copied, so the previous version's stays as it was.
    const moved = end !== oldEnd;
    const lowered: Array<CachedLowering | undefined> = moved ? old.slice(0, start) : old;
    const models: RequestModel[] = moved ? this.models.slice(0, start) : this.models.slice();
    for (let i = start; moved && i < reqs.length; i++) {
      lowered.push(same(i) ? old[i] : undefined);
      models.push(same(i) ? old[i].model : undefined as unknown as RequestModel);
    }
    const removed: RequestModel[] = [];
    /** The lowering each re-lowered position had (for patching the model's lists in place). */
    const replaced = new Map<number, CachedLowering>();
    for (const i of gone) {
      this.unregister(old[i], i);
      removed.push(old[i].model);
      if (!moved) replaced.set(i, old[i]), lowered[i] = undefined;
    }
    // Besides the new positions: every kept lowering when file-wide inputs changed, else those that looked up a
    // name the changed positions define (before or after) and now get another answer.
    const relower = new Set<number>(fresh);
    if (!sameScope) {
      this.askedBy.clear();
      for (let i = 0; i < reqs.length; i++) relower.add(i);
    } else {
      for (const name of defined) {
        for (const i of membersOf(this.askedBy.get(name))) {
          const kept = lowered[i];
          if (!relower.has(i) && kept && !Lookups.stillHold(kept.lookups, this.definitions.at(i))) relower.add(i);
        }
      }
    }
    const added: RequestModel[] = [];
    const addedEvidence: RequestEvidence[] = [];
    const positions = [...relower].sort((x, y) => x - y);
    for (const i of positions) {
      const before = lowered[i];
      if (before) {
        if (sameScope) this.unregister(before, i);
        removed.push(before.model);
        replaced.set(i, before);
      }
      const lookups = new Lookups(scope, true, this.definitions.at(i));
      const cached = lowerAt(reqs[i], scope, lookups, this.source, freshFacts.get(i) ?? before?.facts ?? requestFacts(reqs[i]), this.lookupLists);
      this.register(cached, i);
      lowered[i] = cached;
      models[i] = cached.model;
      added.push(cached.model);
      addedEvidence.push(cached.evidence);
    }
    const all = lowered as CachedLowering[];
    this.unresolved = moved ? flattenList(all, (l) => l.unresolved) : patchList(this.unresolved, all, positions, replaced, (l) => l.unresolved);
    const previous = this.current;
    const model = this.settle(file, environment, scope, all, all, models);
    if (previous && !moved) patched(previous, this.current!, replaced);
    return { model, added, addedEvidence, removed, positions };
  }

  /**
   * Keeps a version's lowerings and models (`unresolved` set already) and gives its model, whose evidence lists are
   * read from `lowerings` (the kept ones, or the first version's before `index` keeps them).
   */
  private settle(file: HttpFile, environment: Readonly<Record<string, string>>, scope: LoweringScope, lowered: CachedLowering[],
    lowerings: readonly Lowered[], models: RequestModel[]): DocumentModel {
    this.requests = file.requests;
    this.lowered = lowered;
    this.models = models;
    this.variables = file.variables;
    this.environment = environment;
    this.source.file = file;
    this.source.requests = models;
    const model: DocumentModel = { requests: models, unresolved: this.unresolved as UnresolvedReference[], syntax: file.diagnostics, ...expansionLimits(file, scope.vars) };
    const lazy = withLazyEvidence(model, lowerings);
    this.current = lowerings === lowered ? lazy : undefined;
    return model;
  }

  private register(cached: CachedLowering, at: number): void {
    if (!cached.lookups.length) return;
    for (const name of Lookups.keysIn(cached.lookups)) this.askedBy.set(name, withMember(this.askedBy.get(name), at));
  }

  private unregister(cached: CachedLowering, at: number): void {
    if (!cached.lookups.length) return;
    for (const name of Lookups.keysIn(cached.lookups)) {
      const positions = withoutMember(this.askedBy.get(name), at);
      if (positions === undefined) this.askedBy.delete(name);
      else this.askedBy.set(name, positions);
    }
  }
}

/** Lowers `req` and keeps it with what it looked up (`lookups`, recording) and its facts, for later versions. */
function lowerAt(req: HttpRequest, scope: LoweringScope, lookups: Lookups, source: EditorSource, facts: RequestFacts,
  lookupLists: RecentLists<unknown>): CachedLowering {
  return keep(lowerRequest(req, scope, lookups, source), Lookups.kept(lookups), facts, lookupLists);
}

/**
 * A lowering as the cache keeps it until its request changes. Most requests look nothing up and capture nothing:
 * they share one empty list and one fact record (ten thousand requests held five arrays each for nothing, objects
 * every full collection marks); a look-up list equal to a recent lowering's is kept as that one (`RecentLists`).
 */
function keep({ model, unresolved, evidence }: Lowered, lookups: KeptLookups, facts: RequestFacts, lookupLists: RecentLists<unknown>): CachedLowering {
  // Its lists copied to their size (most are empty, see compact-list.ts).
  return {
    model, unresolved: compactList(unresolved),
    evidence: evidence.uses.length || evidence.evidence.length ? { uses: compactList(evidence.uses), evidence: compactList(evidence.evidence) } : NO_EVIDENCE,
    lookups: lookupLists.shared(lookups),
    facts: facts.captures.length || facts.prompts.length || facts.scripted || facts.imports ? facts : NO_FACTS,
  };
}

/** Shared by every lowering that has none (only read). */
const NO_EVIDENCE: RequestEvidence = Object.freeze({ uses: NONE, evidence: NONE });
const NO_FACTS: RequestFacts = Object.freeze({ captures: NONE, scripted: false, imports: false, prompts: NONE });

/**
 * `list` (the items `itemsOf` each lowering holds, in request order) with the items of the lowerings at
 * `positions` in place of those `replaced` there: the same array when none of them holds any, copied and
 * overwritten when each holds as many as before (a keystroke), put together again otherwise.
 */
function patchList<T>(list: readonly T[], lowered: readonly CachedLowering[], positions: readonly number[],
  replaced: ReadonlyMap<number, CachedLowering>, itemsOf: (l: CachedLowering) => readonly T[]): readonly T[] {
  const changed = positions.filter((i) => replaced.get(i) !== lowered[i]);
  if (changed.some((i) => !replaced.has(i) || itemsOf(replaced.get(i)!).length !== itemsOf(lowered[i]).length)) return flattenList(lowered, itemsOf);
  const withItems = changed.filter((i) => itemsOf(lowered[i]).length > 0);
  if (!withItems.length) return list;
  const out = list.slice();
  let at = 0;
  let next = 0;
  for (let i = 0; next < withItems.length; i++) {
    const items = itemsOf(lowered[i]);
    if (i === withItems[next]) {
      for (let j = 0; j < items.length; j++) out[at + j] = items[j];
      next++;
    }
    at += items.length;
  }
  return out;
}

function flattenList<L extends Lowered, T>(lowered: readonly L[], itemsOf: (l: L) => readonly T[]): T[] {
  const out: T[] = [];
  for (const l of lowered) for (const item of itemsOf(l)) out.push(item);
  return out;
}

/**
 * A model's lowerings, and its evidence lists once put together from them (`withLazyEvidence`). The cache patches the
 * current version's list in place for the next version (`build`): the record then reads the next version's record
 * and what the patch replaced there, and copies the list back only if its lists are ever read (`loweringsOf`).
 */
interface LazyEvidence {
  /** The version's lowerings; undefined once the cache patched them for the next version. */
  lowered: readonly Lowered[] | undefined;
  /** The next version's record, and the lowerings that version's patch replaced, by position. */
  next?: LazyEvidence;
  replaced?: ReadonlyMap<number, Lowered>;
  uses?: ResponseUse[];
  evidence?: DocumentEvidence[];
}

/** `previous`'s lowerings were patched in place into `next`'s: it reads them back through `next` when asked. */
function patched(previous: LazyEvidence, next: LazyEvidence, replaced: ReadonlyMap<number, Lowered>): void {
  previous.lowered = undefined;
  previous.next = next;
  previous.replaced = replaced;
}

/**
 * The record's lowerings: its own list, or (patched since) the newest version's copied and each later patch undone,
 * newest first. Kept once made; only a whole-file evidence index asks, which an editor's versions seldom meet.
 */
function loweringsOf(lazy: LazyEvidence): readonly Lowered[] {
  if (lazy.lowered) return lazy.lowered;
  const later: LazyEvidence[] = [];
  let newest = lazy;
  while (!newest.lowered) later.push(newest), newest = newest.next!;
  const list = newest.lowered.slice();
  for (let k = later.length - 1; k >= 0; k--) for (const [i, l] of later[k].replaced!) list[i] = l;
  lazy.next = lazy.replaced = undefined;
  return (lazy.lowered = list);
}

const LAZY = Symbol('lazy evidence');
type WithLazyEvidence = DocumentModel & { readonly [LAZY]: LazyEvidence };

/**
 * The getters of every model's evidence lists: the same two functions for all of them, reading the model's own
 * record. Closures made per model gave each version's model accessors of its own, and V8 kept them, with the
 * version's list of lowerings (one slot per request), through every scavenge until the next full collection: a
 * keystroke's list was promoted to the old generation, ~0.5 MB per scavenge on a 10,000-request file
 * (docs/performance.md, "Issue 16, seventeenth session").
 */
const LAZY_EVIDENCE: PropertyDescriptorMap = {
  responseUses: {
    enumerable: true,
    get(this: WithLazyEvidence) {
      const lazy = this[LAZY];
      return (lazy.uses ??= flattenList(loweringsOf(lazy), (l) => l.evidence.uses));
    },
  },
  evidence: {
    enumerable: true,
    get(this: WithLazyEvidence) {
      const lazy = this[LAZY];
      return (lazy.evidence ??= flattenList(loweringsOf(lazy), (l) => l.evidence.evidence));
    },
  },
};

/**
 * Gives the model its evidence lists, put together when first read (only a whole-file index reads them). The
 * record behind them is not enumerable, so a spread of the model copies the lists, not the record.
 */
function withLazyEvidence(model: DocumentModel, lowered: readonly Lowered[]): LazyEvidence {
  const lazy: LazyEvidence = { lowered, next: undefined, replaced: undefined, uses: undefined, evidence: undefined };
  Object.defineProperty(model, LAZY, { value: lazy });
  Object.defineProperties(model, LAZY_EVIDENCE);
  return lazy;
}

/** True when two versions declare the same file variables (the parser keeps untouched ones as the same objects). */
function sameVariables(a: HttpFile['variables'], b: HttpFile['variables']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && (a[i].name.value !== b[i].name.value || a[i].value.value !== b[i].value.value)) return false;
  }
  return true;
}

/** The request name and handler variables `req` defines for the requests below it (`LoweringScope.advance`). */
function definitions(req: HttpRequest, into: Set<string>): void {
  const name = definedName(req);
  if (name !== undefined) into.add('n:' + name);
  for (const s of req.scripts) for (const c of capturesOf(s)) into.add('h:' + c.variable);
}
