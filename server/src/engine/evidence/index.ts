/**
 * The evidence index of one document: for each write, its target, whether it is out of scope by
 * construction, and every piece of evidence about it, from the file itself and from the sources the host
 * configured (OpenAPI documents, the runner's observations), the catalogue and `.etagguardrc.json` `apis`.
 * Built once per model and shared by the rules that ask; an editor's analysis keeps one per document and
 * updates it by the delta of changed requests (`update`), which says whose judgement may have changed.
 */
import type { EngineConfig } from '../config/config';
import type { RequestEvidence } from '../model/http-evidence';
import type { DocumentModel, RequestModel } from '../model/types';
import { catalogueSource } from './catalogue';
import { annotatedTest, CreatedEarlier, declaresCreate, expectsFailure } from './intent';
import { policySource } from './policies';
import { entryMatches } from './route-pieces';
import { SameFileEvidence } from './same-file';
import { targetOf } from './targets';
import { outOfScope, placeholderHost } from './scope';
import type { Evidence, EvidenceSource, WriteTarget } from './types';

/** What the evidence says about one write. */
export interface Judgement {
  target?: WriteTarget;
  /** Why no precondition can help here (echo host, presigned URL, …), when that is so. */
  outOfScope?: string;
  evidence: Evidence[];
  /** Why the evidence gives only a hint here (the write creates, or works on the file's own data), when it does. */
  hintOnly?: string;
  /**
   * `warn`: the API versions the resource (or the team says so); `silent`: out of scope, or the API keeps no
   * versions; `hint`: nothing known either way, or only a tentative guess (then `evidence` holds it).
   */
  decision: 'warn' | 'hint' | 'silent';
}

export interface EvidenceIndex {
  judge(request: RequestModel): Judgement;
}

const indexes = new WeakMap<DocumentModel, WeakMap<EngineConfig, EvidenceIndex>>();

/** The index of `model` under `config` (memoised: every rule of one lint shares it). */
export function evidenceIndex(model: DocumentModel, config: EngineConfig): EvidenceIndex {
  let byConfig = indexes.get(model);
  if (!byConfig) indexes.set(model, byConfig = new WeakMap());
  let index = byConfig.get(config);
  if (!index) byConfig.set(config, index = JudgementIndex.of(model, config));
  return index;
}

/** Makes `evidenceIndex(model, config)` answer with `index` (an editor's, kept up to date by delta). */
export function useEvidenceIndex(model: DocumentModel, config: EngineConfig, index: EvidenceIndex): void {
  indexes.set(model, new WeakMap([[config, index]]));
}

/** Judgements memoised per request, grouped by write target so a change of a route's evidence finds its writes. */
export class JudgementIndex implements EvidenceIndex {
  private readonly policies: EvidenceSource | undefined;
  private readonly sources: EvidenceSource[];
  private readonly judged = new Map<RequestModel, Judgement>();
  /** Judged requests with a target, by `origin route`, with that target. */
  private readonly byTarget = new Map<string, { target: WriteTarget; requests: Set<RequestModel> }>();
  constructor(config: EngineConfig, private readonly sameFile = new SameFileEvidence(),
    /** Writes to what the file created itself, with the request that created it (intent.ts), kept by delta. */
    private readonly made = new CreatedEarlier()) {
    this.policies = config.apis.length ? policySource(config.apis) : undefined;
    this.sources = [...config.evidenceSources, catalogueSource()];
  }

  static of(model: DocumentModel, config: EngineConfig): JudgementIndex {
    return new JudgementIndex(config, SameFileEvidence.of(model), CreatedEarlier.of(model.requests));
  }

  judge(request: RequestModel): Judgement {
    const j = this.judged.get(request);
    return j ?? this.record(request, judgeOne(request, this.sameFile, this.policies, this.sources, this.made));
  }

  /**
   * Takes the judgements `first` made of the same model under the same config (a whole-file index, as a lint makes
   * it), for an editor's index that holds every request of that model: its evidence is the same (same-file.ts builds
   * both from the same pieces), and the judgements it holds are what `update` looks through to find those a later
   * edit may change, so an editor's first version is judged once, by its first lint (incremental/rule-cache.ts).
   */
  adoptJudgements(first: JudgementIndex): void {
    for (const [request, j] of first.judged) this.record(request, j);
    this.made.adopt(first.made);
  }

  private record(request: RequestModel, j: Judgement): Judgement {
    this.judged.set(request, j);
    if (j.target) {
      const k = `${j.target.origin} ${j.target.route}`;
      const group = this.byTarget.get(k);
      if (group) group.requests.add(request);
      else this.byTarget.set(k, { target: j.target, requests: new Set([request]) });
    }
    return j;
  }

  /**
   * Moves the same-file evidence of `removed` out and that of `added` in (see `SameFileEvidence.update`) and
   * forgets the judgements it may change; returns the requests judged before whose judgement was forgotten.
   */
  update(requests: readonly RequestModel[], removed: readonly RequestModel[], added: readonly RequestModel[], addedEvidence: readonly RequestEvidence[]): Set<RequestModel> {
    for (const r of removed) this.forget(r);
    const touched = this.sameFile.update(requests, removed, added, addedEvidence);
    const stale = new Set<RequestModel>();
    // Which writes go to what the file created depends on the requests above them (intent.ts, kept by delta).
    for (const r of this.made.update(requests, removed, added)) {
      stale.add(r);
      this.forget(r);
    }
    if (!touched.length) return stale;
    for (const { target, requests: judged } of [...this.byTarget.values()]) {
      if (!touched.some((e) => entryMatches(e, target))) continue;
      for (const r of [...judged]) {
        stale.add(r);
        this.forget(r);
      }
    }
    return stale;
  }

  private forget(r: RequestModel): void {
    const j = this.judged.get(r);
    if (!j) return;
    this.judged.delete(r);
    if (!j.target) return;
    const k = `${j.target.origin} ${j.target.route}`;
    const group = this.byTarget.get(k)!;
    group.requests.delete(r);
    if (!group.requests.size) this.byTarget.delete(k);
  }
}

function judgeOne(request: RequestModel, sameFile: SameFileEvidence, policies: EvidenceSource | undefined, sources: readonly EvidenceSource[],
  made: CreatedEarlier): Judgement {
  const target = targetOf(request);
  // The team's word beats everything, even "out of scope": they know their API.
  const stated = target && policies ? policies.lookup(target) : [];
  if (stated.length) return { target, evidence: [...stated], decision: stated[0].verdict === 'versioned' ? 'warn' : 'silent' };
  const scope = outOfScope(request) ?? expectsFailure(request);
  if (scope) return { target, outOfScope: scope, evidence: [], decision: 'silent' };
  const placeholder = placeholderHost(request);
  if (!target) return { target, outOfScope: placeholder, evidence: [], decision: placeholder ? 'silent' : 'hint' };
  const evidence = [...sameFile.lookup(target), ...(placeholder ? [] : sources.flatMap((s) => s.lookup(target)))];
  const versioned = evidence.filter((e) => e.verdict === 'versioned');
  const hintOnly = versioned.length ? purposeHint(request, versioned, made) : undefined;
  if (hintOnly) return { target, evidence: versioned, hintOnly, decision: 'hint' };
  if (versioned.some((e) => !e.tentative)) return { target, evidence: versioned, decision: 'warn' };
  if (versioned.length) return { target, evidence: versioned, decision: 'hint' };
  if (evidence.length || placeholder) return { target, outOfScope: placeholder, evidence, decision: 'silent' };
  return { target, evidence, decision: 'hint' };
}

/**
 * Why versioning evidence gives only a hint for this write (intent.ts): it creates the resource, whatever the
 * evidence; or the evidence is only what the service does in general and the write works on data the file made
 * itself, or is a test annotated with its expected outcome.
 */
function purposeHint(request: RequestModel, versioned: readonly Evidence[], made: CreatedEarlier): string | undefined {
  if (declaresCreate(request)) return 'the request says it creates the resource (If-None-Match: * guards a create)';
  if (!versioned.every((e) => e.kind === 'catalogue')) return undefined;
  // Asked only here: which resources the file created is worked out for a whole file at the first such write.
  const madeBy = made.get(request);
  if (madeBy !== undefined) return `the file created this resource itself (${madeBy}): nothing shows anyone else writes it`;
  if (annotatedTest(request)) return 'the request is a test annotated with its expected outcome';
  return undefined;
}

/** The sentence a finding gives for its evidence: the first piece, and whether there is more. */
export function evidenceSentence(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return '';
  return evidence[0].sentence + (evidence.length > 1 ? ' (and more: etag-guard lint --explain-evidence)' : '');
}
