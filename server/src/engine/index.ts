/**
 * The engine's public surface. Pure: no `vscode`, no `vscode-languageserver`, no I/O. The language server
 * and the CLI both call these.
 */
export type { EngineConfig, WrapperConfig, ConfigProblem } from './config/config';
export { DEFAULT_CONFIG, mergeConfig } from './config/config';
export type { Level } from './config/levels';
export { LEVELS, parseLevel } from './config/levels';
export { hostMatches } from './config/host-patterns';
export type * from './http/ast';
export { parseHttp } from './http/parser';
export { IncrementalHttpParser } from './http/incremental';
export { findTemplates, classifyTemplate } from './http/templates';
export type { Template, TemplateKind } from './http/templates';
export { languageOfPath, isLanguage } from './language';
export type { DocumentLanguage } from './language';
export { lintHttp, lintHttpFile, runRules, levelOf } from './lint';
export { lintCode, FILE_TOO_LARGE_ID } from './code/lint-code';
export type { CodeParsers, CodeLanguage, Grammar } from './code/parsers';
export { grammarOf, isCodeLanguage } from './code/parsers';
export type { LintFinding, LintResult, RuleFailure } from './lint';
export { ALL_RULES, NOT_ANALYSED, RULES, SYNTAX_RULE_ID, ruleById } from './rules/registry';
export type { Rule, RuleInfo, Finding, Fix } from './rules/types';
export { docsUrl } from './rules/types';
export type { Position, Range, TextEdit } from './text/types';
export { PRECONDITION_HEADERS, headerDoc, headerHoverMarkdown } from './docs/header-docs';
export type { HeaderDoc } from './docs/header-docs';
export { buildHttpModel } from './model/http-model';
export type { DocumentModel, RequestModel, HeaderModel, ValueSource } from './model/types';
export { applyTextEdits } from './text/edits';
export { evaluatePreconditions } from './explain/evaluate';
export type { CurrentState, Evaluation, Outcome } from './explain/evaluate';
export { diagnose } from './explain/diagnose';
export type { Cause, Diagnosis, DiagnoseInput, Snapshot } from './explain/diagnose';
export { planRetry, backoffDelays, DEFAULT_BACKOFF } from './retry/plan';
export type { RetryAction, BackoffOptions } from './retry/plan';
export { jsonDiff, formatChanges } from './retry/json-diff';
export type { Change } from './retry/json-diff';
export { preconditionEdit } from './retry/precondition-edit';
export type { PreconditionEdit } from './retry/precondition-edit';
export { capturedBy } from './retry/captured-by';
export { mergePatch, shallowMerge, isJsonObject } from './semantics/merge-patch';
export { FixChecker, preferredFix } from './fix/verify';
export type { Relint, FixOutcome } from './fix/verify';
export { fixUntilStable } from './fix/converge';
export type { FixRun } from './fix/converge';
export { asOneReplacement } from './fix/one-replacement';
export type { EslintFix } from './fix/one-replacement';
export { Offsets } from './fix/offsets';
