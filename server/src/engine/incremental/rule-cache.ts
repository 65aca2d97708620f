/**
 * The rules over an editor's `.http` model, version after version. A per-request rule (`Rule.perRequest`) runs
 * again only on requests whose inputs changed: for `reads: 'request'`, a request whose model is new; for
 * `'dataflow'`, also one whose target's requests changed or whose captured request changed; for `'evidence'`,
 * those and also one whose judgement the evidence index forgot (the same-file evidence about its target changed). The
 * evidence index, like the target index, is kept by the delta of changed requests. The other rules
 * (file-wide ones such as unknown-reference) run whole, every version. Findings come out in the order a full
 * `runRules` gives (rule by rule, request by request, then sorted by position), so the result equals it.
 *
 * A keystroke costs the requests it changed and the findings of the file: the rows of findings are kept by
 * position and only the changed positions' rows are looked at; the findings are gathered from the rows that
 * hold any (a few hundred in a file of ten thousand requests), not from every row.
 */
import type { EngineConfig } from '../config/config';
import type { Directive } from '../http/ast';
import { isSuppressed } from '../http/directives';
import { levelOf, runRule, runRules, sortFindings, toLintFinding, type LintFinding, type LintResult, type RuleFailure } from '../lint';
import { JudgementIndex, useEvidenceIndex, type EvidenceIndex, type Judgement } from '../evidence/index';
import type { RequestEvidence } from '../model/http-evidence';
import type { DocumentModel, RequestModel } from '../model/types';
import { forgetFacts } from '../rules/request-facts';
import { TargetIndex } from '../rules/target-index';
import type { Rule, RuleContext } from '../rules/types';
import { useTargetIndex } from '../rules/vocabulary';
import { membersOf, withMember, withoutMember, type Positions } from '../text/few';
import { appended } from '../text/compact-list';

const NONE: readonly LintFinding[] = [];

type Row = Array<readonly LintFinding[] | undefined>;

/**
 * The row of every request without findings (most of them), shared: a missing entry reads as none. Never written:
 * a position whose row is this gets its own before a rule writes into it.
 */
const EMPTY_ROW: Row = Object.freeze([]) as unknown as Row;

/** A version's change, as the model cache gives it: new models (ascending positions) and those gone. */
export interface RuleDelta {
  added: readonly RequestModel[];
  addedEvidence: readonly RequestEvidence[];
  removed: readonly RequestModel[];
  /** The positions of `added`, ascending; every other position holds the model it held before. */
  positions: readonly number[];
}

export class RuleCache {
  /**
   * Per request, by position: its findings, one list per rule (by position in `rules`; undefined: not run yet).
   * A kept request model keeps its position, so positions compare versions.
   */
  private rows: Row[] = [];
  /** Positions whose row holds a finding. */
  private readonly withFindings = new Set<number>();
  /** Per position, the positions whose headers capture its response (their dataflow changes with it). */
  private readonly capturedBy = new Map<number, Positions>();
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
  /** The first version's rows, from its whole-file lint (`lintFirst`), until `adopt` takes them. */
  private firstRows: Row[] | undefined;
  /** The first version's judgements, from its whole-file lint (`lintFirst`), until `adopt` takes them. */
  private firstJudgements: FirstJudgements | undefined;

  constructor(private readonly config: EngineConfig, private readonly rules: readonly Rule[]) {
    const cache = this;
    this.judgements = new JudgementIndex(config);
    this.context = { get model() { return cache.model; }, config, language: 'http' };
  }

  /**
   * The first version, linted whole as `lintHttp` lints it (`runRules`), but through this cache's context and epochs,
   * with each per-request rule's findings kept by request: `adopt` makes them the rows, so that filling the cache after
   * the first diagnostics does not run every per-request rule over the file again.
   */
  lintFirst(model: DocumentModel, directives: readonly Directive[]): LintResult {
    this.model = model;
    const judgements = new FirstJudgements(model, this.config);
    useEvidenceIndex(model, this.config, judgements);
    const column = new Map(this.rules.map((rule, k) => [rule, k]));
    const rows: Row[] = [];
    const result = runRules(model, 'http', directives, this.config, this.rules, {
      context: this.context,
      epoch: this.epochNow,
      found: (rule, i, f) => {
        const row = (rows[i] ??= new Array<readonly LintFinding[] | undefined>(this.rules.length));
        const k = column.get(rule)!;
        row[k] = appended(row[k] as LintFinding[] | undefined, f);
      },
    });
    // A rule that threw stopped its walk there: its rows are not whole, so `adopt` runs the rules instead.
    this.firstRows = result.failures.length ? undefined : rows;
    this.firstJudgements = judgements;
    return result;
  }

  /**
   * Fills the cache from the first version (`lintFirst`): its indexes from every request, its rows from the first
   * lint's findings (a request without any reads as none), and its evidence index's judgements from the first lint's
   * (the editor's index learns from the judgements it holds which ones a later edit may change: without the first
   * lint's, a write judged then kept its finding when a later edit changed its evidence). False when that lint did
   * not keep its findings: run it then.
   */
  adopt(model: DocumentModel, delta: RuleDelta): boolean {
    const rows = this.firstRows;
    const judgements = this.firstJudgements;
    this.firstRows = this.firstJudgements = undefined;
    if (!rows || !judgements || model !== this.model) return false;
    this.advance(model, delta);
    judgements.handTo(this.judgements);
    rows.length = model.requests.length;
    for (let i = 0; i < rows.length; i++) rows[i] ??= EMPTY_ROW;
    for (let i = 0; i < rows.length; i++) this.settleRow(rows, i);
    this.rows = rows;
    return true;
  }

  run(model: DocumentModel, delta: RuleDelta, directives: readonly Directive[]): LintResult {
    const { positions } = delta;
    this.epoch++;
    const { touchedTargets, staleJudgements } = this.advance(model, delta);
    const requests = model.requests;
    // Patched in place: nothing but this cache holds the list (a copy per keystroke was one slot per request to
    // allocate and, alive at the next scavenge, to copy). Positions past the new end are dropped; new ones are in
    // `positions` and get their row below.
    const rows = this.rows;
    rows.length = requests.length;
    for (const i of this.withFindings) if (i >= requests.length) this.withFindings.delete(i);
    for (const i of positions) rows[i] = new Array<readonly LintFinding[] | undefined>(this.rules.length);
    const changed = new Set(positions);
    const dataflow = this.dataflowDirty(changed, touchedTargets);
    const dirty = {
      request: changed,
      // The evidence rule reads the dataflow too (a read moved onto a write's route makes its If-Match: * a lost update).
      evidence: this.union(dataflow, [...staleJudgements].filter((r) => requests[r.index] === r).map((r) => r.index)),
      dataflow,
    };
    const findings: LintFinding[] = [];
    const failures: RuleFailure[] = [];
    const perRequest: number[] = [];
    for (let k = 0; k < this.rules.length; k++) {
      const rule = this.rules[k];
      if (!this.isActive(rule)) continue;
      if (!rule.perRequest || this.wholeFile.has(rule) || !this.runPerRequest(k, rows, dirty[rule.perRequest.reads])) {
        runRule(rule, this.context, directives, findings, failures);
        continue;
      }
      perRequest.push(k);
    }
    // The facts slot held the last request the rules looked at, and through it this version's whole syntax tree:
    // emptied as runRules empties it, so a document the editor closed keeps nothing alive.
    forgetFacts();
    this.rows = rows;
    for (const i of new Set([...dirty.request, ...dirty.evidence, ...dirty.dataflow])) this.settleRow(rows, i);
    // Rule by rule, request by request (as a full lint), only over the rows that hold findings.
    const holding = [...this.withFindings].sort((a, b) => a - b);
    // Most files hold no directive: `isSuppressed` made a closure per kept finding to look through none (~100 KB per
    // keystroke on the 10k bench file, 5 % of what a keystroke allocates).
    const suppressible = directives.length > 0;
    for (const k of perRequest) {
      const id = this.rules[k].id;
      for (const i of holding) {
        for (const f of rows[i][k] ?? NONE) if (!suppressible || !isSuppressed(directives, id, f.range.start.line)) findings.push(f);
      }
    }
    return { findings: sortFindings(findings), failures };
  }

  private isActive(rule: Rule): boolean {
    return rule.languages.includes('http') && levelOf(rule, this.config) !== 'off';
  }

  /** Files position `i` among those holding findings, or gives it the shared empty row. */
  private settleRow(rows: Row[], i: number): void {
    if (rows[i]?.some((list) => list !== undefined && list.length > 0)) this.withFindings.add(i);
    else {
      this.withFindings.delete(i);
      if (rows[i]) rows[i] = EMPTY_ROW;
    }
  }

  /** Points the cache at `model`: its target and evidence indexes and its captures follow the delta. */
  private advance(model: DocumentModel, delta: RuleDelta): { touchedTargets: ReadonlySet<string>; staleJudgements: ReturnType<JudgementIndex['update']> } {
    const { added, addedEvidence, removed } = delta;
    this.model = model;
    const requests = model.requests;
    const touchedTargets = this.targets.replace(removed, added);
    useTargetIndex(requests, this.targets);
    const staleJudgements = this.judgements.update(requests, removed, added, addedEvidence);
    useEvidenceIndex(model, this.config, this.judgements);
    for (const r of removed) this.captures(r, (positions) => withoutMember(positions, r.index));
    for (const r of added) this.captures(r, (positions) => withMember(positions, r.index));
    return { touchedTargets, staleJudgements };
  }

  /** Fills `rows[*][k]` where missing or its inputs changed (`dirty`); false when the rule threw (it then runs whole). */
  private runPerRequest(k: number, rows: Row[], dirty: ReadonlySet<number>): boolean {
    const rule = this.rules[k];
    const { check } = rule.perRequest!;
    const requests = this.model.requests;
    // Rows are new only at changed positions (all of them on the first version), which every dirty set holds.
    for (const i of dirty) {
      let found: LintFinding[] | undefined;
      try {
        // Made at its first finding (`appended`): a row's list holds one or two, where `push` on `[]` makes room for 17.
        check(requests[i], this.context, (f) => (found = appended(found, toLintFinding(rule, f, this.config, this.epochNow))));
      } catch {
        this.wholeFile.add(rule);
        for (const row of rows) if (row !== EMPTY_ROW) row[k] = undefined;
        return false;
      }
      if (rows[i] === EMPTY_ROW) rows[i] = new Array<readonly LintFinding[] | undefined>(this.rules.length);
      rows[i][k] = found ?? NONE;
    }
    return true;
  }

  /** Positions whose dataflow inputs changed: changed ones, those capturing from them, and those to a touched target. */
  private dataflowDirty(changed: ReadonlySet<number>, touchedTargets: ReadonlySet<string>): Set<number> {
    const dirty = new Set(changed);
    for (const i of changed) for (const j of membersOf(this.capturedBy.get(i))) dirty.add(j);
    for (const target of touchedTargets) for (const r of this.targets.requestsOf(target)) dirty.add(r.index);
    return dirty;
  }

  private union(a: ReadonlySet<number>, b: readonly number[]): Set<number> {
    const u = new Set(a);
    for (const x of b) u.add(x);
    return u;
  }

  /** Replaces the capturers of each request `r`'s headers capture from with what `change` makes of them. */
  private captures(r: RequestModel, change: (capturers: Positions | undefined) => Positions | undefined): void {
    for (const h of r.headers) {
      if (h.source.kind !== 'capture') continue;
      const capturers = change(this.capturedBy.get(h.source.request));
      if (capturers === undefined) this.capturedBy.delete(h.source.request);
      else this.capturedBy.set(h.source.request, capturers);
    }
  }
}

/**
 * The evidence index of an editor's first lint: the whole-file one a lint makes (`JudgementIndex.of`, its same-file
 * evidence built in bulk), made when a rule first asks, as `evidenceIndex` makes it; kept so that the editor's own index
 * can take its judgements (`handTo`) instead of judging every write again.
 */
class FirstJudgements implements EvidenceIndex {
  private index: JudgementIndex | undefined;

  constructor(private readonly model: DocumentModel, private readonly config: EngineConfig) {}

  judge(request: RequestModel): Judgement {
    return (this.index ??= JudgementIndex.of(this.model, this.config)).judge(request);
  }

  handTo(editor: JudgementIndex): void {
    if (this.index) editor.adoptJudgements(this.index);
  }
}
