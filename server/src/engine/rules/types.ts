/**
 * Rules as data: an id (the public contract: diagnostic code, CLI ruleId, settings key, docs page), a default
 * level, a one-line summary, and a check over the document model. Fixes travel with each finding; a rule may
 * hand them over as a thunk, computed only when someone reads them (a code action, `--fix`), since building
 * edits (inserted reads, fresh names) costs more than the diagnostic itself.
 */
import type { EngineConfig } from '../config/config';
import type { FindingLevel, Level } from '../config/levels';
import type { DocumentModel, RequestModel } from '../model/types';
import type { Range, TextEdit } from '../text/types';
import type { ConditionalHeader, ConditionalName } from './request-facts';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor offers first (and `--fix` applies). */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  message: string;
  range: Range;
  fixes: Fix[];
  /**
   * Overrides the rule's level for this finding (e.g. obsolete date forms are warnings, not errors). `hint`
   * wins over any configured level: it means "no evidence this applies".
   */
  level?: FindingLevel;
}

/** What a rule reports: a finding without its rule id, whose fixes may be deferred. */
export type ReportedFinding = Omit<Finding, 'ruleId' | 'fixes'> & { fixes: Fix[] | (() => Fix[]) };

export interface RuleContext {
  model: DocumentModel;
  config: EngineConfig;
  /** 'http' for `.http`/`.rest`, 'code' for client code. */
  language: 'http' | 'code';
}

/** What every rule id the linter can emit has: its level, its one-line summary, where it applies. */
export interface RuleInfo {
  id: string;
  defaultLevel: Exclude<Level, 'off'>;
  /** One sentence: what the rule finds. Shown in SARIF, docs and hovers. */
  summary: string;
  /** Languages the rule applies to. */
  languages: ReadonlyArray<'http' | 'code'>;
}

/** A rule that checks the document model. */
export interface Rule extends RuleInfo {
  check(ctx: RuleContext, report: (finding: ReportedFinding) => void): void;
  /**
   * The rule one request at a time, for rules whose findings on a request are worked out from that request
   * alone (`reads: 'request'`), or from it, the requests its header values were captured from and the other
   * requests to its target (`'dataflow'`), or from all that and the evidence index's judgement of it (`'evidence'`:
   * `evidenceIndex(ctx.model, ctx.config).judge(req)`; missing-precondition also reads the fresh read before a write). An editor's analysis then re-runs it only on the requests whose
   * inputs an edit changed. `check` must be exactly this, called for each request in order (`byRequest`).
   * Deferred fixes may read `ctx.model` when they run (an editor's context then gives the latest version).
   */
  perRequest?: {
    reads: 'request' | 'dataflow' | 'evidence';
    /**
     * What a request must be for the rule to report anything on it (every listed fact must hold): `'write'`, a write
     * under the configuration (vocabulary.ts `isWrite`); `'conditional'`, a conditional header (request-facts.ts);
     * `'if-match'`, `'if-none-match'` and the other conditional names, a conditional header of that name.
     * The whole-file walk works these out once per request and calls only the rules whose needs it meets: most
     * requests of a file are reads without one. `check` must report nothing on a request that lacks one (a test
     * lints fixtures both ways).
     */
    needs?: readonly RequestNeed[];
    check(req: RequestModel, ctx: RuleContext, report: (finding: ReportedFinding) => void): void;
    /**
     * For a rule that judges each conditional header on its own (by-conditional.ts): the names it judges and its
     * judgement of one header. `check` is then exactly this for each of the request's conditional headers of those
     * names, in the request's order. The whole-file walk calls it from its one pass over a request's conditional
     * headers, with the header at hand, instead of calling `check` (which would walk them again, once per rule).
     */
    eachConditional?: {
      names: readonly ConditionalName[];
      check(conditional: ConditionalHeader, req: RequestModel, report: (finding: ReportedFinding) => void): void;
    };
  };
}

/** A fact about a request that a per-request rule may need before it can report on it (`perRequest.needs`). */
export type RequestNeed = 'write' | 'conditional' | ConditionalName;

/** A rule's whole-document `check` from its per-request form. */
export function byRequest(perRequest: NonNullable<Rule['perRequest']>): Pick<Rule, 'check' | 'perRequest'> {
  return {
    perRequest,
    check(ctx, report) {
      for (const req of ctx.model.requests) perRequest.check(req, ctx, report);
    },
  };
}

/** Where the rule's documentation lives; `codeDescription.href` and SARIF `helpUri` point here. */
export const DOCS_BASE = 'https://github.com/etag-guard/etag-guard/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
