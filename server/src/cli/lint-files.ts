/**
 * Lints files from disk for the CLI: reads each file, applies its `.etagguardrc.json` and the `--rule`
 * overrides, and (with `--fix`) applies the preferred fixes, each checked, until none is left.
 */
import * as fs from 'node:fs';
import type { CodeParsers, EngineConfig, EvidenceSource, EslintFix, LintFinding, LintResult, Relint, Rule, RuleFailure, WrapperConfig } from '../engine';
import { asOneReplacement, FixChecker, fixUntilStable, languageOfPath, lintCode, lintHttpText, mergeConfig, preferredFix, RULES } from '../engine';
import { applyRcFile } from '../host/config-files';
import { MAX_SOURCE_BYTES, readRegularFile } from '../host/regular-file';

export interface FileReport {
  filePath: string;
  findings: LintFinding[];
  failures: RuleFailure[];
  /** Set when the file could not be read or was skipped: shown as one message. */
  fatal?: string;
  /** Things worth a line that did not stop the lint: an unreadable rc file, a fix that could not be written. */
  notes?: string[];
  /** The text the findings refer to (after --fix: the fixed text). */
  source: string;
  /** With --fix or --fix-dry-run: the text before fixing, and what fixing did. */
  fixing?: { original: string; applied: number; converged: boolean };
  /** The checked preferred fix of each finding (same order as `findings`), for `--format json`. */
  fixes?: Array<EslintFix | undefined>;
}

export interface LintOptions {
  base: EngineConfig;
  ruleOverrides: Record<string, string>;
  /** 'write' applies the fixes to the file, 'dry-run' computes them only. */
  fix: false | 'write' | 'dry-run';
  /** Attach each finding's checked fix (`--format json`). */
  fixObjects?: boolean;
  /** `--strict`: wins over the rc file's `strict`. */
  strict?: boolean;
  /** The workspace's evidence for a file (OpenAPI documents, the runner's observations, probes). */
  evidence?: (filePath: string) => readonly EvidenceSource[];
  /** Parsers for client code; without them, code files yield nothing. */
  parsers?: CodeParsers;
  /** The request helpers the file's relative imports export (host/imported-helpers.ts). */
  importedHelpers?: (filePath: string, text: string) => readonly WrapperConfig[];
}

/** Lints one text as the CLI reports it: hints (findings without evidence) are for editors, never printed. */
export function lintText(text: string, filePath: string, config: EngineConfig, parsers?: CodeParsers, rules: readonly Rule[] = RULES): LintResult {
  const language = languageOfPath(filePath);
  const result = language === 'http' ? lintHttpText(text, config, rules) : language && parsers ? lintCode(text, language, config, parsers, rules) : { findings: [], failures: [] };
  // The rest (syntaxErrors) stays: the fix checker compares it before and after each fix.
  return { ...result, findings: result.findings.filter((f) => f.level !== 'hint') };
}

export function lintFile(filePath: string, options: LintOptions): FileReport {
  let source: string;
  try {
    source = readRegularFile(filePath, 'utf8', { maxBytes: MAX_SOURCE_BYTES });
  } catch (err) {
    return { filePath, findings: [], failures: [], fatal: `Cannot read file: ${(err as Error).message}`, source: '' };
  }
  // Editors hide a byte-order mark; so do we, so lines and columns match what the user sees (and --fix keeps it).
  const bom = source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  source = source.slice(bom.length);
  const loaded = applyRcFile(options.base, filePath);
  const notes = loaded.problems.map((p) => `${p.path}: ${p.message}`);
  const config = {
    ...mergeConfig(loaded.config, { rules: options.ruleOverrides, ...(options.strict ? { strict: true } : {}) }),
    evidenceSources: options.evidence?.(filePath) ?? [],
  };
  const imported = options.importedHelpers?.(filePath, source) ?? [];
  if (imported.length) config.wrappers = [...config.wrappers, ...imported];
  const relint: Relint = (text) => lintText(text, filePath, config, options.parsers);
  let result = relint(source);
  let fixing: FileReport['fixing'];
  if (options.fix) {
    const run = fixUntilStable(source, relint, result);
    fixing = { original: source, applied: run.applied, converged: run.converged };
    let written = true;
    if (run.output !== source && options.fix === 'write') {
      try {
        fs.writeFileSync(filePath, bom + run.output);
      } catch (err) {
        // One unwritable file must not stop the others: report it, with the findings of the text as it is.
        notes.push(`cannot write the fixes to ${filePath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        written = false;
      }
    }
    if (written) {
      source = run.output;
      result = run.result;
    }
  }
  const report: FileReport = { filePath, findings: result.findings, failures: result.failures, source, fixing, notes };
  if (options.fixObjects) {
    // The check reads the fixed text's parse errors and the findings of the fixed findings' rules only: the
    // other rules' findings cannot change a verdict, so they are not computed (the re-lint was a whole second lint).
    const relintRules = (rules: readonly Rule[]): Relint => (text) => lintText(text, filePath, config, options.parsers, rules);
    report.fixes = checkedFixes(source, result, relintRules);
  }
  return report;
}

/**
 * Each finding's preferred fix, checked, as ESLint's `{range, text}`. All of them are tried together first
 * (one re-lint); only when that fails is each checked alone. `relint(rules)` lints a text with those rules.
 */
export function checkedFixes(text: string, result: LintResult, relint: (rules: readonly Rule[]) => Relint): Array<EslintFix | undefined> {
  const fixable = result.findings.filter((f) => preferredFix(f)?.edits.length);
  if (fixable.length === 0) return result.findings.map(() => undefined);
  const fixedRules = new Set(fixable.map((f) => f.ruleId));
  const rules = RULES.filter((r) => fixedRules.has(r.id));
  const checker = new FixChecker(text, result, relint(rules.length === fixedRules.size ? rules : RULES));
  const together = fixable.length > 1 && disjointLines(fixable) && checker.apply(fixable.map((f) => ({ finding: f, edits: preferredFix(f)!.edits })));
  const offsets = checker.offsets;
  return result.findings.map((f) => {
    const fix = preferredFix(f);
    if (!fix || fix.edits.length === 0) return undefined;
    return together || checker.check(f, fix) ? asOneReplacement(text, fix.edits, offsets) : undefined;
  });
}

/** True when no two findings' preferred fixes touch the same line. */
function disjointLines(findings: readonly LintFinding[]): boolean {
  const seen = new Set<number>();
  for (const f of findings) {
    const lines = new Set<number>();
    for (const e of preferredFix(f)!.edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) lines.add(l);
    for (const l of lines) {
      if (seen.has(l)) return false;
      seen.add(l);
    }
  }
  return true;
}
