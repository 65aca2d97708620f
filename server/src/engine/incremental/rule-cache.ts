/**
 * The rules over an editor's `.http` model, version after version. A per-request rule (`Rule.perRequest`) runs
 * again only on requests whose inputs changed: for `reads: 'request'`, a request whose model is new; for
 * `'dataflow'`, also one whose target's requests changed or whose captured request changed; for `'evidence'`,
 * also one whose judgement the evidence index forgot (the same-file evidence about its target changed). The
 * evidence index, like the target index, is kept by the delta of changed requests. The other rules
 * (file-wide ones such as unknown-reference) run whole, every version. Findings come out in the order a full
 * `runRules` gives (rule by rule, request by request, then sorted by position), so the result equals it.
 */
import type { EngineConfig } from '../config/config';
import type { Directive } from '../http/ast';
import { isSuppressed } from '../http/directives';
import { levelOf, runRule, sortFindings, toLintFinding, type LintFinding, type LintResult, type RuleFailure } from '../lint';
import { JudgementIndex, useEvidenceIndex } from '../evidence/index';
import type { RequestEvidence } from '../model/http-evidence';
import type { DocumentModel, RequestModel } from '../model/types';
import { TargetIndex } from '../rules/target-index';
import type { Rule, RuleContext } from '../rules/types';
import { useTargetIndex } from '../rules/vocabulary';

const NONE: readonly LintFinding[] = [];

export class RuleCache {
  /**
   * Per request of the previous version, by position: its findings, one list per rule (by position in `rules`;
   * undefined: not run yet). A kept request model keeps its position, so positions compare versions.
   */
  private rows: Array<Array<readonly LintFinding[] | undefined>> = [];
  private previous: readonly RequestModel[] = [];
  /** Per position, whether a kept request's dataflow inputs changed this version (worked out once for all rules). */
  private dataflowDirty: Array<boolean | undefined> = [];
  private readonly targets = new TargetIndex();
  private readonly judgements: JudgementIndex;
  /** Bumped every version: deferred fixes are built again against the version they are read in. */
  private epoch = 0;
  private readonly epochNow = (): number => this.epoch;
  private model: DocumentModel = { requests: [], unresolved: [] };
  /** Rules whose per-request form threw once: from then on they run whole, as a full lint runs them. */
  private readonly wholeFile = new Set<Rule>();
  /** Every version's rules read the current model through this (deferred fixes included). */
  private readonly context: RuleContext;

  constructor(private readonly config: EngineConfig, private readonly rules: readonly Rule[]) {
    const cache = this;
    this.judgements = new JudgementIndex(config);
    this.context = { get model() { return cache.model; }, config, language: 'http' };
  }

  run(model: DocumentModel, added: readonly RequestModel[], addedEvidence: readonly RequestEvidence[], removed: readonly RequestModel[], directives: readonly Directive[]): LintResult {
    this.epoch++;
    this.model = model;
    const touchedTargets = this.targets.replace(removed, added);
    useTargetIndex(model.requests, this.targets);
    const staleJudgements = this.judgements.update(model.requests, removed, added, addedEvidence);
    useEvidenceIndex(model, this.config, this.judgements);
    const requests = model.requests;
    const rows = requests.map((r, i) => (this.previous[i] === r ? this.rows[i] : undefined) ?? new Array<readonly LintFinding[] | undefined>(this.rules.length));
    this.dataflowDirty = [];
    const findings: LintFinding[] = [];
    const failures: RuleFailure[] = [];
    for (let k = 0; k < this.rules.length; k++) {
      const rule = this.rules[k];
      if (!rule.languages.includes('http') || levelOf(rule, this.config) === 'off') continue;
      if (!rule.perRequest || this.wholeFile.has(rule) || !this.runPerRequest(k, rows, touchedTargets, staleJudgements)) {
        runRule(rule, this.context, directives, findings, failures);
        continue;
      }
      for (const row of rows) {
        for (const f of row[k]!) if (!isSuppressed(directives, rule.id, f.range.start.line)) findings.push(f);
      }
    }
    this.rows = rows;
    this.previous = requests;
    return { findings: sortFindings(findings), failures };
  }

  /** Fills `rows[*][k]` where missing or out of date; false when the rule threw (it then runs whole). */
  private runPerRequest(k: number, rows: Array<Array<readonly LintFinding[] | undefined>>, touchedTargets: ReadonlySet<string>,
    staleJudgements: ReadonlySet<RequestModel>): boolean {
    const rule = this.rules[k];
    const { reads, check } = rule.perRequest!;
    const requests = this.model.requests;
    for (let i = 0; i < requests.length; i++) {
      const req = requests[i];
      if (rows[i][k] !== undefined && !this.inputsChanged(reads, i, touchedTargets, staleJudgements)) continue;
      let found: LintFinding[] | undefined;
      try {
        check(req, this.context, (f) => (found ??= []).push(toLintFinding(rule, f, this.config, this.epochNow)));
      } catch {
        this.wholeFile.add(rule);
        for (const row of rows) row[k] = undefined;
        return false;
      }
      rows[i][k] = found ?? NONE;
    }
    return true;
  }

  /** True when the inputs of a kept request's findings besides the request itself changed. */
  private inputsChanged(reads: NonNullable<Rule['perRequest']>['reads'], i: number, touchedTargets: ReadonlySet<string>,
    staleJudgements: ReadonlySet<RequestModel>): boolean {
    if (reads === 'request') return false;
    const req = this.model.requests[i];
    if (reads === 'evidence') return staleJudgements.has(req);
    return (this.dataflowDirty[i] ??= this.dataflowChanged(req, touchedTargets));
  }

  /** True when a dataflow rule's inputs besides the request itself changed: its target's requests, or a captured request. */
  private dataflowChanged(req: RequestModel, touchedTargets: ReadonlySet<string>): boolean {
    if (req.target !== undefined && touchedTargets.has(req.target)) return true;
    for (const h of req.headers) {
      if (h.source.kind === 'capture' && this.model.requests[h.source.request] !== this.previous[h.source.request]) return true;
    }
    return false;
  }
}
