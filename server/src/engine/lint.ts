/**
 * The one entry point both hosts call: text in, findings out. Applies rule levels and in-file directives,
 * and isolates rules from each other (a rule that throws is reported once; the others still run).
 */
import type { EngineConfig } from './config/config';
import type { FindingLevel, Level } from './config/levels';
import type { Directive, HttpFile } from './http/ast';
import { DeferredFixesFinding } from './deferred-finding';
import { isSuppressed } from './http/directives';
import { parseHttp } from './http/parser';
import { buildHttpModel } from './model/http-model';
import type { DocumentModel } from './model/types';
import { RULES } from './rules/registry';
import { CONDITIONAL_HEADERS, factsOf, forgetFacts, mayHaveConditional, pinFacts, type ConditionalName } from './rules/request-facts';
import type { Finding, ReportedFinding, RequestNeed, Rule, RuleContext, RuleInfo } from './rules/types';
import { isWrite } from './rules/vocabulary';

export interface LintFinding extends Finding {
  level: FindingLevel;
}

export interface RuleFailure {
  ruleId: string;
  error: string;
}

export interface LintResult {
  findings: LintFinding[];
  /** Rules that threw: reported, never fatal. */
  failures: RuleFailure[];
  /** Places the parser could not read (tree-sitter ERROR/MISSING nodes, `.http` parse problems): a fix must not add any. */
  syntaxErrors?: number;
}

/** Levels in force: the configured override, else the rule's default. */
export function levelOf(rule: Pick<RuleInfo, 'id' | 'defaultLevel'>, config: EngineConfig): Level {
  return config.rules[rule.id] ?? rule.defaultLevel;
}

/** Lints a `.http` / `.rest` document. `rules` lets tests and benchmarks run a subset. */
export function lintHttp(text: string, config: EngineConfig, rules: readonly Rule[] = RULES): LintResult & { file: HttpFile; model: DocumentModel } {
  return lintHttpFile(parseHttp(text), config, rules);
}

/** Lints an already parsed `.http` file (an editor's, parsed incrementally). */
export function lintHttpFile(file: HttpFile, config: EngineConfig, rules: readonly Rule[] = RULES): LintResult & { file: HttpFile; model: DocumentModel } {
  const model = buildHttpModel(file, config.environmentVariables);
  return { ...runRules(model, 'http', file.directives, config, rules), file, model, syntaxErrors: file.diagnostics.length };
}

/**
 * What an editor's rule cache (incremental/rule-cache.ts) keeps of its first version's whole-file lint, so that it
 * need not run every per-request rule again: the rules read the cache's context, findings with deferred fixes are
 * scoped to its epochs, and each per-request rule's findings are handed over by request, suppressed ones included.
 */
export interface KeptFindings {
  context: RuleContext;
  epoch: () => number;
  found(rule: Rule, request: number, finding: LintFinding): void;
}

/** Runs rules over a model (shared by `.http` files and client code). */
export function runRules(
  model: DocumentModel, language: 'http' | 'code', directives: readonly Directive[], config: EngineConfig,
  rules: readonly Rule[] = RULES, keep?: KeptFindings,
): LintResult {
  const active = rules.filter((rule) => rule.languages.includes(language) && levelOf(rule, config) !== 'off');
  // Per rule, its findings and its failure: gathered in the rules' order whatever order they ran in.
  const found: LintFinding[][] = active.map(() => []);
  const failed: Array<RuleFailure | undefined> = active.map(() => undefined);
  const ctx: RuleContext = keep?.context ?? { model, config, language };
  const walkers: number[] = [];
  for (let k = 0; k < active.length; k++) {
    if (active[k].perRequest) walkers.push(k);
    else runRule(active[k], ctx, directives, found[k], failed, k);
  }
  if (walkers.length) walkRequests(active, walkers, ctx, directives, found, failed, keep);
  forgetFacts();
  const findings = found.length === 1 ? found[0] : ([] as LintFinding[]).concat(...found);
  return { findings: sortFindings(findings), failures: failed.filter((f): f is RuleFailure => f !== undefined) };
}

/**
 * The per-request rules (`Rule.perRequest`, whose `check` is that, request by request) in one walk over the
 * requests: every rule looks at a request while its facts (request-facts.ts) are at hand. A rule that throws stops
 * there, as its whole-file `check` would (its findings before the throw stay). A rule is called only on the requests
 * that have what it `needs` (a write, a conditional header), worked out once per request: most rules have nothing
 * to say about most requests, and the walk then costs one look at the request instead of a call per rule. The rules
 * that judge each conditional header on its own (`eachConditional`) are called from that one look, header by header.
 */
function walkRequests(rules: readonly Rule[], walkers: readonly number[], ctx: RuleContext, directives: readonly Directive[],
  found: LintFinding[][], failed: Array<RuleFailure | undefined>, keep: KeptFindings | undefined): void {
  /** The request the walk is at (what `keep` files a finding under). */
  let i = 0;
  const reporters = walkers.map((k) => reporterOf(rules[k], directives, ctx.config, found[k], keep && {
    epoch: keep.epoch,
    found: (f) => keep.found(rules[k], i, f),
  }));
  const needs = walkers.map((k) => needMask(rules[k].perRequest!.needs));
  // The functions called, read once: the call sites below see many rules' objects, each of its own shape.
  const checks = walkers.map((k) => rules[k].perRequest!.check);
  const headerChecks = walkers.map((k) => rules[k].perRequest!.eachConditional?.check);
  const judges = judgesByName(rules, walkers);
  const requests = ctx.model.requests;
  const config = ctx.config;
  let running = walkers.length;
  const fail = (w: number, err: unknown): void => {
    failed[walkers[w]] = failureOf(rules[walkers[w]], err);
    running--;
  };
  try {
    for (; i < requests.length && running > 0; i++) {
      const req = requests[i];
      const write = isWrite(req.method, config);
      // A read with no header that may be conditional (most) needs no facts worked out: no rule is called on it.
      let has = write ? WRITE : 0;
      if (write || mayHaveConditional(req)) {
        const facts = factsOf(req);
        // Every rule asks for these facts again: the walk's answer stands while the rules are at this request.
        pinFacts(facts);
        const conditionals = facts.conditionals;
        for (let c = 0; c < conditionals.length; c++) {
          const conditional = conditionals[c];
          has |= CONDITIONAL | NAMED[conditional.name];
          const judging = judges[conditional.name];
          for (let j = 0; j < judging.length; j++) {
            const w = judging[j];
            if (failed[walkers[w]]) continue;
            try {
              headerChecks[w]!(conditional, req, reporters[w]);
            } catch (err) {
              fail(w, err);
            }
          }
        }
      }
      for (let w = 0; w < walkers.length; w++) {
        if (headerChecks[w] !== undefined || failed[walkers[w]] || (needs[w] & has) !== needs[w]) continue;
        try {
          checks[w](req, ctx, reporters[w]);
        } catch (err) {
          fail(w, err);
        }
      }
    }
  } finally {
    pinFacts(undefined);
  }
}

/** Per conditional header name, the walkers (indexes into `walkers`) that judge each header of that name on its own. */
function judgesByName(rules: readonly Rule[], walkers: readonly number[]): Record<ConditionalName, number[]> {
  const judges = Object.fromEntries(CONDITIONAL_HEADERS.map((name) => [name, [] as number[]])) as Record<ConditionalName, number[]>;
  walkers.forEach((k, w) => {
    for (const name of rules[k].perRequest!.eachConditional?.names ?? []) judges[name].push(w);
  });
  return judges;
}

const WRITE = 1;
const CONDITIONAL = 2;
/** A bit per conditional header name, above WRITE and CONDITIONAL. */
const NAMED = Object.fromEntries(CONDITIONAL_HEADERS.map((name, i) => [name, 4 << i])) as Record<ConditionalName, number>;

/** A rule's `needs` as bits of WRITE, CONDITIONAL and NAMED. */
function needMask(needs: readonly RequestNeed[] | undefined): number {
  let mask = 0;
  for (const n of needs ?? []) mask |= n === 'write' ? WRITE : n === 'conditional' ? CONDITIONAL : CONDITIONAL | NAMED[n];
  return mask;
}

/**
 * What a rule's `report` does: a finding no directive suppresses goes into `findings`, in the engine's form; with
 * `keep` (an editor's first lint), every finding is also handed to it, made with its epoch.
 */
function reporterOf(rule: Rule, directives: readonly Directive[], config: EngineConfig, findings: LintFinding[],
  keep?: { epoch: () => number; found: (f: LintFinding) => void }): (f: ReportedFinding) => void {
  if (keep) {
    return (f) => {
      const finding = toLintFinding(rule, f, config, keep.epoch);
      keep.found(finding);
      if (!isSuppressed(directives, rule.id, f.range.start.line)) findings.push(finding);
    };
  }
  return (f) => {
    if (!isSuppressed(directives, rule.id, f.range.start.line)) findings.push(toLintFinding(rule, f, config));
  };
}

function failureOf(rule: Rule, err: unknown): RuleFailure {
  return { ruleId: rule.id, error: err instanceof Error ? err.message : String(err) };
}

/**
 * Runs one rule over the whole model, isolated: a throw becomes a failure (findings reported before it stay).
 * `failures` takes the failure at its end, or at the rule's own slot when the caller keeps one per rule.
 */
export function runRule(rule: Rule, ctx: RuleContext, directives: readonly Directive[], findings: LintFinding[],
  failures: Array<RuleFailure | undefined>, slot = failures.length): void {
  try {
    rule.check(ctx, reporterOf(rule, directives, ctx.config, findings));
  } catch (err) {
    failures[slot] = failureOf(rule, err);
  }
}

/**
 * A reported finding with its rule id and level in force. `epoch`, when given, scopes the memo of deferred
 * fixes: an editor's analysis keeps a finding across versions, and its fixes are built again for each version.
 */
export function toLintFinding(rule: Rule, f: ReportedFinding, config: EngineConfig, epoch?: () => number): LintFinding {
  // A hint stays a hint (no evidence the finding applies); else an explicit setting wins; else the finding's own
  // level (e.g. obsolete date forms); else the default.
  const level = f.level === 'hint' ? 'hint' : config.rules[rule.id] !== undefined ? levelOf(rule, config) as LintFinding['level'] : f.level ?? rule.defaultLevel;
  // Deferred fixes: a finding whose `fixes` accessor is shared on its prototype (deferred-finding.ts).
  if (typeof f.fixes === 'function') return new DeferredFixesFinding(f, f.fixes, rule.id, level, epoch) as unknown as LintFinding;
  return { ...f, ruleId: rule.id, level } as LintFinding;
}

/** Findings in document order (stable: findings at one position keep the rules' order). */
export function sortFindings(findings: LintFinding[]): LintFinding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
