/**
 * The evidence index of one document: for each write, its target, whether it is out of scope by
 * construction, and every piece of evidence about it, from the file itself and from the sources the host
 * configured (OpenAPI documents, the runner's observations), the catalogue and `.etagguardrc.json` `apis`.
 * Built once per model (the same-file part in one pass) and shared by the rules that ask.
 */
import type { EngineConfig } from '../config/config';
import type { DocumentModel, RequestModel } from '../model/types';
import { catalogueSource } from './catalogue';
import { policySource } from './policies';
import { writeTargetOf } from './route';
import { SameFileEvidence } from './same-file';
import { outOfScope, placeholderHost } from './scope';
import type { Evidence, EvidenceSource, WriteTarget } from './types';

/** What the evidence says about one write. */
export interface Judgement {
  target?: WriteTarget;
  /** Why no precondition can help here (echo host, presigned URL, …), when that is so. */
  outOfScope?: string;
  evidence: Evidence[];
  /**
   * `warn`: the API versions the resource (or the team says so); `silent`: out of scope, or the API keeps no
   * versions; `hint`: nothing known either way.
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
  if (!index) byConfig.set(config, index = buildIndex(model, config));
  return index;
}

function buildIndex(model: DocumentModel, config: EngineConfig): EvidenceIndex {
  const sameFile = new SameFileEvidence(model);
  const policies = config.apis.length ? policySource(config.apis) : undefined;
  const sources: EvidenceSource[] = [...config.evidenceSources, catalogueSource()];
  const judged = new Map<number, Judgement>();
  return {
    judge(request: RequestModel): Judgement {
      let j = judged.get(request.index);
      if (!j) judged.set(request.index, j = judgeOne(request, sameFile, policies, sources));
      return j;
    },
  };
}

function judgeOne(request: RequestModel, sameFile: SameFileEvidence, policies: EvidenceSource | undefined, sources: readonly EvidenceSource[]): Judgement {
  const target = writeTargetOf(request.method, request.url);
  // The team's word beats everything, even "out of scope": they know their API.
  const stated = target && policies ? policies.lookup(target) : [];
  if (stated.length) return { target, evidence: [...stated], decision: stated[0].verdict === 'versioned' ? 'warn' : 'silent' };
  const scope = outOfScope(request);
  if (scope) return { target, outOfScope: scope, evidence: [], decision: 'silent' };
  const placeholder = placeholderHost(request);
  if (!target) return { target, outOfScope: placeholder, evidence: [], decision: placeholder ? 'silent' : 'hint' };
  const evidence = [...sameFile.lookup(target), ...(placeholder ? [] : sources.flatMap((s) => s.lookup(target)))];
  if (evidence.some((e) => e.verdict === 'versioned')) return { target, evidence: evidence.filter((e) => e.verdict === 'versioned'), decision: 'warn' };
  if (evidence.length || placeholder) return { target, outOfScope: placeholder, evidence, decision: 'silent' };
  return { target, evidence, decision: 'hint' };
}

/** The sentence a finding gives for its evidence: the first piece, and whether there is more. */
export function evidenceSentence(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return '';
  return evidence[0].sentence + (evidence.length > 1 ? ' (and more: etag-guard lint --explain-evidence)' : '');
}
